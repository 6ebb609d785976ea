package org.rmbot.mentoring.infra.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.ChatPlatform;
import org.rmbot.mentoring.chat.Conversation;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;

/**
 * A Slack that accepts everything at once and keeps nothing but counts, so that a bench times
 * the bot's own work (building the report, its chart and CSV) and not a platform's network.
 */
final class AcceptingPlatform implements ChatPlatform {
  private final AtomicLong messages = new AtomicLong();
  private final AtomicLong uploadedBytes = new AtomicLong();

  @Override
  public Platform platform() {
    return Platform.SLACK;
  }

  @Override
  public Conversation openDirect(PlatformIdentity person) {
    return new Conversation(Platform.SLACK, person.workspaceId(), "D" + person.userId());
  }

  @Override
  public Conversation openGroup(List<PlatformIdentity> people) {
    return new Conversation(Platform.SLACK, people.get(0).workspaceId(), "G" + people.size());
  }

  @Override
  public String send(Conversation conversation, ChatMessage message) {
    return String.valueOf(messages.incrementAndGet());
  }

  @Override
  public void update(Conversation conversation, String messageId, ChatMessage message) {
    messages.incrementAndGet();
  }

  @Override
  public String upload(Conversation conversation, byte[] content, String fileName, String title) {
    uploadedBytes.addAndGet(content.length);
    return "F" + messages.incrementAndGet();
  }

  long messages() {
    return messages.get();
  }

  long uploadedBytes() {
    return uploadedBytes.get();
  }
}
