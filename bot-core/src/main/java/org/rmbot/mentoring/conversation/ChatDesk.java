package org.rmbot.mentoring.conversation;

import java.util.Map;
import org.rmbot.mentoring.chat.ChatMessage;

/**
 * The inbound side of the chat port: every slash command, bot message, button click and form
 * submission from Slack or Teams becomes one call here. Nothing the adapter passes carries
 * authority: the desk looks the caller up and checks what they may do on every call.
 */
public interface ChatDesk {
  /** {@code text} is what followed the command or the bot mention, with mentions as {@code <@ID>}. */
  Reply command(Caller caller, String text);

  Reply action(Caller caller, String actionId, String value);

  Reply submit(Caller caller, String formId, Map<String, String> values);

  /** The caller's home view: their pairing and next step, or a coordinator's dashboard. */
  ChatMessage home(Caller caller);
}
