package org.rmbot.mentoring.chat;

import java.util.List;

/**
 * A message in neutral form: plain fallback text (for notifications, screen readers and
 * clients that cannot show blocks) plus blocks each adapter renders its own way (Block Kit,
 * Adaptive Cards).
 *
 * @param fallbackText the whole message as plain text; never empty
 * @param blocks the rich content, in order; may be empty
 * @param deliveryKey an idempotency key the platform may store with the message so the bot can
 *     find it again (see {@link ChatPlatform#findSentMessage}); null when not needed
 * @param meaning what the message says as values, for checks that do not read words; never sent
 */
public record ChatMessage(String fallbackText, List<Block> blocks, String deliveryKey, Meaning meaning) {

  public ChatMessage {
    if (fallbackText == null || fallbackText.isBlank()) {
      throw new IllegalArgumentException("a message needs fallback text");
    }
    blocks = List.copyOf(blocks);
    meaning = meaning == null ? Meaning.NONE : meaning;
  }

  public ChatMessage(String fallbackText, List<Block> blocks, String deliveryKey) {
    this(fallbackText, blocks, deliveryKey, Meaning.NONE);
  }

  public static ChatMessage of(String fallbackText, Block... blocks) {
    return new ChatMessage(fallbackText, List.of(blocks), null);
  }

  public ChatMessage withDeliveryKey(String key) {
    return new ChatMessage(fallbackText, blocks, key, meaning);
  }

  public ChatMessage meaning(Meaning what) {
    return new ChatMessage(fallbackText, blocks, deliveryKey, what);
  }
}
