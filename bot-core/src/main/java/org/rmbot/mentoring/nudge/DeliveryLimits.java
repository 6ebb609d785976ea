package org.rmbot.mentoring.nudge;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rmbot.mentoring.participant.Platform;

/**
 * Keeps outbound messages under each platform's published limits with token buckets
 * (bucket4j): one budget per workspace (Slack team, Teams tenant) and one per conversation.
 * A message over a limit is not dropped: the caller is told how long to wait and defers it.
 *
 * <p>Buckets run on the injected clock, so tests that move time see buckets refill. Per
 * conversation buckets are kept for the most recently used conversations only: a bucket not
 * used for longer than its refill period is full again, so forgetting it changes nothing, and
 * the workspace budget caps how many conversations can be busy at once.
 *
 * <p>Limits are per bot instance. Several instances each apply them, so a cluster of n
 * instances may together reach n times the workspace budget; a 429 from the platform then
 * pauses the workspace (see {@link #pause}).
 */
public final class DeliveryLimits {

  /** A token bucket band: {@code tokens} per {@code period}, bursting up to {@code capacity}. */
  public record Band(long capacity, long tokens, Duration period) {}

  /** The bands applied to one workspace and to each conversation of a platform. */
  public record PlatformLimits(List<Band> workspace, List<Band> conversation) {
    public PlatformLimits {
      workspace = List.copyOf(workspace);
      conversation = List.copyOf(conversation);
    }
  }

  /**
   * Slack: about one message per second per conversation (chat.postMessage's special tier);
   * Slack publishes no figure for its workspace-wide limit, so we assume a conservative 5 per
   * second with bursts of 10. Teams (Bot Framework): per conversation 7 per second, 8 per 2 s,
   * 60 per 30 s, 1800 per hour; 30 requests per second per tenant, of which we use 25 to leave
   * room for replies to people's clicks.
   */
  public static Map<Platform, PlatformLimits> publishedLimits() {
    return publishedLimits(5);
  }

  /** The published limits, with Slack's workspace budget at {@code slackPerSecond} (bursts of twice that). */
  public static Map<Platform, PlatformLimits> publishedLimits(int slackPerSecond) {
    Map<Platform, PlatformLimits> limits = new EnumMap<>(Platform.class);
    limits.put(Platform.SLACK, new PlatformLimits(
        List.of(new Band(2L * slackPerSecond, slackPerSecond, Duration.ofSeconds(1))),
        List.of(new Band(1, 1, Duration.ofSeconds(1)))));
    limits.put(Platform.TEAMS, new PlatformLimits(
        List.of(new Band(25, 25, Duration.ofSeconds(1))),
        List.of(new Band(7, 7, Duration.ofSeconds(1)), new Band(8, 8, Duration.ofSeconds(2)),
            new Band(60, 60, Duration.ofSeconds(30)), new Band(1800, 1800, Duration.ofHours(1)))));
    return limits;
  }

  private final Clock clock;
  private final Map<Platform, PlatformLimits> limits;
  private final TimeMeter time;
  private final Map<String, Bucket> workspaces = new HashMap<>();
  private final Map<String, Instant> pausedUntil = new HashMap<>();
  private final Map<String, Bucket> conversations;

  public DeliveryLimits(Clock clock, Map<Platform, PlatformLimits> limits, int conversationsTracked) {
    this.clock = clock;
    this.limits = new EnumMap<>(limits);
    this.time = new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
      }

      @Override
      public boolean isWallClockBased() {
        return true;
      }
    };
    this.conversations = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
        return size() > conversationsTracked;
      }
    };
  }

  public DeliveryLimits(Clock clock) {
    this(clock, publishedLimits(), 10_000);
  }

  /**
   * Takes one message's worth of both budgets if both have it and answers {@link Duration#ZERO};
   * otherwise takes nothing and answers how long to wait before trying again.
   */
  public synchronized Duration tryAcquire(Platform platform, String workspaceId, String conversationId) {
    PlatformLimits platformLimits = limits.get(platform);
    if (platformLimits == null) {
      return Duration.ZERO;
    }
    String workspaceKey = platform.code() + "/" + workspaceId;
    Instant now = clock.instant();
    Instant paused = pausedUntil.get(workspaceKey);
    if (paused != null) {
      if (paused.isAfter(now)) {
        return Duration.between(now, paused);
      }
      pausedUntil.remove(workspaceKey);
    }
    Bucket conversation = conversations.computeIfAbsent(workspaceKey + "/" + conversationId,
        k -> bucket(platformLimits.conversation()));
    ConsumptionProbe perConversation = conversation.tryConsumeAndReturnRemaining(1);
    if (!perConversation.isConsumed()) {
      return Duration.ofNanos(Math.max(1, perConversation.getNanosToWaitForRefill()));
    }
    Bucket workspace = workspaces.computeIfAbsent(workspaceKey, k -> bucket(platformLimits.workspace()));
    ConsumptionProbe perWorkspace = workspace.tryConsumeAndReturnRemaining(1);
    if (!perWorkspace.isConsumed()) {
      conversation.addTokens(1);
      return Duration.ofNanos(Math.max(1, perWorkspace.getNanosToWaitForRefill()));
    }
    return Duration.ZERO;
  }

  /** The platform answered 429: nothing more goes to this workspace until {@code retryAfter} has passed. */
  public synchronized void pause(Platform platform, String workspaceId, Duration retryAfter) {
    Instant until = clock.instant().plus(retryAfter);
    pausedUntil.merge(platform.code() + "/" + workspaceId, until, (a, b) -> a.isAfter(b) ? a : b);
  }

  private Bucket bucket(List<Band> bands) {
    var builder = Bucket.builder().withCustomTimePrecision(time);
    for (Band band : bands) {
      builder.addLimit(limit -> limit.capacity(band.capacity()).refillGreedy(band.tokens(), band.period()));
    }
    return builder.build();
  }
}
