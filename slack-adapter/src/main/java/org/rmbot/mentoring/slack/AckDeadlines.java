package org.rmbot.mentoring.slack;

import com.slack.api.bolt.response.Response;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watchdog over the acknowledgements of requests being served: every tick it sends the
 * interim answer of any whose deadline has passed. A tick rather than a timer per request keeps
 * the request path free of wake-ups; the deadline is met to within one tick, well inside the
 * half second between the handlers' budget and Slack's 3 seconds.
 */
final class AckDeadlines implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AckDeadlines.class);
  static final Duration TICK = Duration.ofMillis(50);

  private final Set<Acknowledgement> serving = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "slack-ack-deadlines");
    t.setDaemon(true);
    return t;
  });

  AckDeadlines() {
    watchdog.scheduleWithFixedDelay(this::sweep, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Starts watching a request that arrived at {@code arrivedNanos} ({@link System#nanoTime()});
   * {@code transport} sends its interim answer if it comes to that.
   */
  Acknowledgement open(long arrivedNanos, Consumer<Response> transport) {
    Acknowledgement ack = new Acknowledgement(arrivedNanos, transport);
    serving.add(ack);
    return ack;
  }

  void done(Acknowledgement ack) {
    serving.remove(ack);
  }

  private void sweep() {
    long now = System.nanoTime();
    for (Acknowledgement ack : serving) {
      try {
        ack.expireIfDue(now);
      } catch (RuntimeException | Error e) {
        // one failed send must not stop the watchdog for every other request (a scheduled task
        // that throws is never run again)
        log.warn("could not send an interim Slack acknowledgement: {}", e.getClass().getSimpleName());
      }
    }
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }
}
