package org.rmbot.mentoring.infra;

import com.slack.api.bolt.App;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.rmbot.mentoring.nudge.NudgeLedger;
import org.rmbot.mentoring.nudge.NudgeState;

/**
 * What operators watch on {@code /metrics}: nudges by state (planned, sending, sent, retrying,
 * dead...), the queue of nudges waiting, and how fast Slack requests are acknowledged. Ledger
 * counts are read at most every few seconds, whatever the scrape rate.
 */
final class BotMetrics {
  private static final Duration FRESH = Duration.ofSeconds(5);
  private final NudgeLedger ledger;
  private final AtomicReference<Map<NudgeState, Integer>> counts = new AtomicReference<>(Map.of());
  private volatile Instant readAt = Instant.EPOCH;

  private BotMetrics(NudgeLedger ledger) {
    this.ledger = ledger;
  }

  static void register(PrometheusMeterRegistry registry, NudgeLedger ledger) {
    BotMetrics metrics = new BotMetrics(ledger);
    for (NudgeState state : NudgeState.values()) {
      Gauge.builder("mentoring_nudges", metrics, m -> m.count(state))
          .tag("state", state.code())
          .description("Nudges in the ledger by state")
          .strongReference(true)
          .register(registry);
    }
    Gauge.builder("mentoring_nudge_queue_depth", metrics,
            m -> m.count(NudgeState.PLANNED) + m.count(NudgeState.FAILED_RETRYING) + m.count(NudgeState.SENDING))
        .description("Nudges waiting to be delivered")
        .strongReference(true)
        .register(registry);
  }

  /** Slack's acknowledgement latency, as operators alert on it (docs/OPERATIONS.md). */
  static Timer slackAckTimer(PrometheusMeterRegistry registry) {
    return Timer.builder("mentoring_slack_ack_seconds").description("Slack request acknowledgement latency")
        .publishPercentiles(0.5, 0.99).register(registry);
  }

  /**
   * In Socket Mode: times every Slack request up to the acknowledgement Bolt returns. (Over HTTP
   * the servlet times the acknowledgement as it leaves, which may be before the work ends.)
   */
  static void timeSlackRequests(Timer timer, App app) {
    app.use((request, response, chain) -> {
      long start = System.nanoTime();
      try {
        return chain.next(request);
      } finally {
        timer.record(Duration.ofNanos(System.nanoTime() - start));
      }
    });
  }

  private double count(NudgeState state) {
    Instant now = Instant.now();
    if (Duration.between(readAt, now).compareTo(FRESH) > 0) {
      try {
        counts.set(ledger.countByState());
      } catch (RuntimeException e) {
        // database down: keep the last figures; /readyz reports the outage
      }
      readAt = now;
    }
    return counts.get().getOrDefault(state, 0);
  }
}
