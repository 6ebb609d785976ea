package org.rmbot.mentoring.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.rmbot.mentoring.chat.ChatFailure;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.ChatPlatform;
import org.rmbot.mentoring.chat.Conversation;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;

/**
 * An in-memory chat platform (a fake of an external system): records every delivery with the
 * clock's time, can be told to fail the next sends, and can find messages again by delivery key
 * (as Slack can with message metadata) unless built {@link #withoutLookup() without}.
 */
public final class FakeChatPlatform implements ChatPlatform {

  /** One message the platform accepted. */
  public record Delivery(long sequence, Instant at, Conversation conversation, List<String> members, ChatMessage message,
      String messageId) {
    public boolean reaches(String userId) {
      return members.contains(userId);
    }
  }

  /** One file the platform accepted (it also shows as a delivery "file: title"). */
  public record Upload(Conversation conversation, List<String> members, String fileName, String title, byte[] content,
      String messageId) {
    public boolean reaches(String userId) {
      return members.contains(userId);
    }
  }

  /** Thrown by {@link #crashAfterSends}: the worker "dies" after the platform accepted the message. */
  public static final class SimulatedCrash extends Error {
    public SimulatedCrash() {
      super("simulated crash after the platform accepted the message");
    }
  }

  private final Platform platform;
  private final Clock clock;
  private final boolean lookup;
  private final List<Delivery> deliveries = new ArrayList<>();
  private final List<Upload> uploads = new ArrayList<>();
  private final Map<String, List<String>> members = new ConcurrentHashMap<>();
  private final Deque<ChatFailure> failures = new ArrayDeque<>();
  private final AtomicLong ids = new AtomicLong();
  private int crashAfter = -1;
  private final Map<String, PlatformIdentity> directory = new ConcurrentHashMap<>();

  private FakeChatPlatform(Platform platform, Clock clock, boolean lookup) {
    this.platform = platform;
    this.clock = clock;
    this.lookup = lookup;
  }

  public static FakeChatPlatform slack(Clock clock) {
    return new FakeChatPlatform(Platform.SLACK, clock, true);
  }

  public FakeChatPlatform withoutLookup() {
    return new FakeChatPlatform(platform, clock, false);
  }

  /** Someone in the workspace's directory, findable by email before they ever talk to the bot. */
  public FakeChatPlatform inDirectory(String email, PlatformIdentity identity) {
    directory.put(email.toLowerCase(java.util.Locale.ROOT), identity);
    return this;
  }

  @Override
  public java.util.Optional<PlatformIdentity> findPersonByEmail(String email) {
    return java.util.Optional.ofNullable(directory.get(email.toLowerCase(java.util.Locale.ROOT)));
  }

  /** The next sends fail with these, in order. */
  public synchronized FakeChatPlatform failNextSends(ChatFailure... next) {
    failures.addAll(List.of(next));
    return this;
  }

  /** After this many more accepted sends, the next accepted send "crashes" the caller. */
  public synchronized void crashAfterSends(int sends) {
    crashAfter = sends;
  }

  @Override
  public Platform platform() {
    return platform;
  }

  @Override
  public Conversation openDirect(PlatformIdentity person) {
    String id = "D-" + person.userId();
    members.put(id, List.of(person.userId()));
    return new Conversation(platform, person.workspaceId(), id);
  }

  @Override
  public Conversation openGroup(List<PlatformIdentity> people) {
    List<String> users = people.stream().map(PlatformIdentity::userId).sorted().toList();
    String id = "G-" + String.join("-", users);
    members.put(id, users);
    return new Conversation(platform, people.get(0).workspaceId(), id);
  }

  @Override
  public synchronized String send(Conversation conversation, ChatMessage message) throws ChatFailure {
    if (!failures.isEmpty()) {
      throw failures.pop();
    }
    String id = "m" + ids.incrementAndGet();
    deliveries.add(new Delivery(deliveries.size(), clock.instant(), conversation,
        members.getOrDefault(conversation.id(), List.of()), message, id));
    if (crashAfter == 0) {
      crashAfter = -1;
      throw new SimulatedCrash();
    }
    if (crashAfter > 0) {
      crashAfter--;
    }
    return id;
  }

  @Override
  public synchronized void update(Conversation conversation, String messageId, ChatMessage message) {
    deliveries.replaceAll(d -> d.messageId().equals(messageId)
        ? new Delivery(d.sequence(), d.at(), d.conversation(), d.members(), message, messageId) : d);
  }

  @Override
  public synchronized String upload(Conversation conversation, byte[] content, String fileName, String title)
      throws ChatFailure {
    String id = send(conversation, ChatMessage.of("file: " + title));
    uploads.add(new Upload(conversation, members.getOrDefault(conversation.id(), List.of()), fileName, title,
        content.clone(), id));
    return id;
  }

  public synchronized List<Upload> uploads() {
    return List.copyOf(uploads);
  }

  @Override
  public synchronized Optional<String> findSentMessage(Conversation conversation, String deliveryKey) {
    if (!lookup) {
      return Optional.empty();
    }
    return deliveries.stream()
        .filter(d -> d.conversation().equals(conversation) && deliveryKey.equals(d.message().deliveryKey()))
        .map(Delivery::messageId)
        .findFirst();
  }

  public synchronized List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** Everything that reached this user (direct and group messages), in order. */
  public synchronized List<Delivery> to(String userId) {
    return deliveries.stream().filter(d -> d.reaches(userId)).sorted(Comparator.comparing(Delivery::sequence)).toList();
  }

}
