package org.rmbot.mentoring.infra;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rmbot.mentoring.chat.ChatFailure;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.ChatPlatform;
import org.rmbot.mentoring.chat.Conversation;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.conversation.ChatDesk;
import org.rmbot.mentoring.conversation.Reply;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;

/**
 * Sees every message in its neutral form, with its {@link org.rmbot.mentoring.chat.Meaning}, as the
 * core hands it to a platform: each one sent into a conversation and each reply to what someone
 * did. The demo records what it sees beside the transcript, so that checks can read values
 * rather than words. {@code serve} uses {@link #NONE}.
 */
public interface MessageTap {
  MessageTap NONE = new MessageTap() {
    @Override
    public void sent(Conversation conversation, ChatMessage message) {}

    @Override
    public void replied(Caller caller, Reply reply) {}
  };

  /** A message the bot posted into a conversation (a nudge, a report posted in a DM). */
  void sent(Conversation conversation, ChatMessage message);

  /** The bot's answer to someone's command, click or form. */
  void replied(Caller caller, Reply reply);

  /** The platform, seen through the tap. */
  static ChatPlatform tapped(ChatPlatform platform, MessageTap tap) {
    if (tap == NONE) {
      return platform;
    }
    return new ChatPlatform() {
      @Override
      public Platform platform() {
        return platform.platform();
      }

      @Override
      public Conversation openDirect(PlatformIdentity person) throws ChatFailure {
        return platform.openDirect(person);
      }

      @Override
      public Conversation openGroup(List<PlatformIdentity> people) throws ChatFailure {
        return platform.openGroup(people);
      }

      @Override
      public String send(Conversation conversation, ChatMessage message) throws ChatFailure {
        String id = platform.send(conversation, message);
        tap.sent(conversation, message);
        return id;
      }

      @Override
      public void update(Conversation conversation, String messageId, ChatMessage message) throws ChatFailure {
        platform.update(conversation, messageId, message);
      }

      @Override
      public String upload(Conversation conversation, byte[] content, String fileName, String title) throws ChatFailure {
        return platform.upload(conversation, content, fileName, title);
      }

      @Override
      public Optional<String> findSentMessage(Conversation conversation, String deliveryKey) throws ChatFailure {
        return platform.findSentMessage(conversation, deliveryKey);
      }

      @Override
      public Optional<PlatformIdentity> findPersonByEmail(String email) throws ChatFailure {
        return platform.findPersonByEmail(email);
      }
    };
  }

  /** The desk, seen through the tap. */
  static ChatDesk tapped(ChatDesk desk, MessageTap tap) {
    if (tap == NONE) {
      return desk;
    }
    return new ChatDesk() {
      @Override
      public Reply command(Caller caller, String text) {
        Reply reply = desk.command(caller, text);
        tap.replied(caller, reply);
        return reply;
      }

      @Override
      public Reply action(Caller caller, String actionId, String value) {
        Reply reply = desk.action(caller, actionId, value);
        tap.replied(caller, reply);
        return reply;
      }

      @Override
      public Reply submit(Caller caller, String formId, Map<String, String> values) {
        Reply reply = desk.submit(caller, formId, values);
        tap.replied(caller, reply);
        return reply;
      }

      @Override
      public ChatMessage home(Caller caller) {
        return desk.home(caller);
      }
    };
  }
}
