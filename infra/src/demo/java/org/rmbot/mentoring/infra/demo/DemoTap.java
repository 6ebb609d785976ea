package org.rmbot.mentoring.infra.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Conversation;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.conversation.Reply;
import org.rmbot.mentoring.infra.MessageTap;

/**
 * What the real bot handed to the platform, in neutral form with its meaning: every message it
 * sent (found again by its delivery key, or in order for those without one) and every reply.
 * Sends run on several threads at once, so everything is synchronised.
 */
final class DemoTap implements MessageTap {
  private final Map<String, ChatMessage> byKey = new HashMap<>();
  private final List<ChatMessage> withoutKey = new ArrayList<>();
  private ChatMessage lastReply;

  @Override
  public synchronized void sent(Conversation conversation, ChatMessage message) {
    if (message.deliveryKey() != null) {
      byKey.putIfAbsent(message.deliveryKey(), message);
    } else {
      withoutKey.add(message);
    }
  }

  @Override
  public synchronized void replied(Caller caller, Reply reply) {
    if (reply instanceof Reply.Say say) {
      lastReply = say.message();
    } else if (reply instanceof Reply.Replace replace) {
      lastReply = replace.message();
    } else {
      lastReply = null;
    }
  }

  synchronized Optional<ChatMessage> sent(String deliveryKey) {
    return Optional.ofNullable(byKey.get(deliveryKey));
  }

  /** Where the messages sent without a delivery key stand now. */
  synchronized int markWithoutKey() {
    return withoutKey.size();
  }

  synchronized List<ChatMessage> withoutKeySince(int mark) {
    return List.copyOf(withoutKey.subList(mark, withoutKey.size()));
  }

  /** The reply to the act that just happened (acts run one at a time), taken once. */
  synchronized Optional<ChatMessage> takeReply() {
    ChatMessage reply = lastReply;
    lastReply = null;
    return Optional.ofNullable(reply);
  }
}
