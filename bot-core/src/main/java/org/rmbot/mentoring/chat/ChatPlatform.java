package org.rmbot.mentoring.chat;

import java.util.List;
import java.util.Optional;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;

/**
 * Outbound side of the chat port: what the core asks of Slack or Teams. Each adapter implements
 * it over its platform's API; tests use an in-memory fake or a small JSON-over-HTTP platform
 * against a local server.
 *
 * <p>Every call either succeeds or throws one of the {@link ChatFailure} kinds, which tell the
 * caller what to do next: wait (rate limited), retry later (transient), or give up (permanent).
 * Implementations must not retry on their own; the nudge delivery owns retries and backoff.
 */
public interface ChatPlatform {

  /** The platform this implementation talks to. */
  Platform platform();

  /** Opens (or finds) the bot's direct conversation with one person. */
  Conversation openDirect(PlatformIdentity person) throws ChatFailure;

  /**
   * Opens (or finds) a group conversation between the bot and these people, who must all be
   * in the same workspace of this platform.
   */
  Conversation openGroup(List<PlatformIdentity> people) throws ChatFailure;

  /**
   * Posts a message and returns the platform's id for it. If the message carries a {@link
   * ChatMessage#deliveryKey() delivery key}, an implementation should attach it to the message
   * (Slack: message metadata) so that {@link #findSentMessage} can find it again.
   */
  String send(Conversation conversation, ChatMessage message) throws ChatFailure;

  /** Replaces the content of a message the bot posted earlier. */
  void update(Conversation conversation, String messageId, ChatMessage message) throws ChatFailure;

  /** Uploads a file (a chart, a CSV report) into the conversation and returns its message id. */
  String upload(Conversation conversation, byte[] content, String fileName, String title) throws ChatFailure;

  /**
   * Looks for a message the bot already posted in this conversation with this delivery key.
   * Delivery calls it before re-sending a nudge whose earlier attempt may have reached the
   * platform (the process died before recording the result), so that a platform that can
   * answer turns a would-be duplicate into a lookup. The default cannot tell and answers empty,
   * which means "send again".
   */
  default Optional<String> findSentMessage(Conversation conversation, String deliveryKey) throws ChatFailure {
    return Optional.empty();
  }

  /**
   * Finds a person in the platform's directory by their work email, so that people a
   * coordinator imported can be reached before they ever talk to the bot. The default cannot.
   */
  default Optional<PlatformIdentity> findPersonByEmail(String email) throws ChatFailure {
    return Optional.empty();
  }
}
