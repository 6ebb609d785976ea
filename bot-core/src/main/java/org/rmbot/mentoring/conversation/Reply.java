package org.rmbot.mentoring.conversation;

import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Form;

/** What the core answers the person who acted; the adapter renders it for its platform. */
public sealed interface Reply {

  /** A message only the caller sees (Slack: ephemeral; Teams: in the personal chat). */
  record Say(ChatMessage message) implements Reply {}

  /** Replace the message whose button was clicked, so a button cannot be pressed twice. */
  record Replace(ChatMessage message) implements Reply {}

  /** Open a form (Slack: modal; Teams: Adaptive Card). */
  record ShowForm(Form form) implements Reply {}

  /** A form's answers were wrong: per-input messages, the form stays open. */
  record FormErrors(java.util.Map<String, String> errors) implements Reply {}

  /** Nothing to show (a form was accepted and closes). */
  record Done() implements Reply {}

  static Reply say(String text) {
    return new Say(ChatMessage.of(text, new org.rmbot.mentoring.chat.Block.Section(text)));
  }
}
