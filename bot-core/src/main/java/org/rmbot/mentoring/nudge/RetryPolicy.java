package org.rmbot.mentoring.nudge;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a failing delivery is retried: exponential backoff with "equal
 * jitter" (half the delay fixed, half random) so that many rows failing together do not come
 * back together.
 *
 * @param maxAttempts attempts before a row goes dead
 * @param base delay after the first failure
 * @param cap the longest delay
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap, RandomGenerator random) {

  public static RetryPolicy defaults() {
    return new RetryPolicy(6, Duration.ofSeconds(30), Duration.ofHours(1), RandomGenerator.getDefault());
  }

  /** The wait after failed attempt number {@code attempt} (1-based). */
  public Duration delayAfter(int attempt) {
    long baseMillis = base.toMillis();
    int shift = Math.min(Math.max(attempt - 1, 0), 30);
    long delay = Math.min(cap.toMillis(), baseMillis << shift);
    if (delay <= 1) {
      return Duration.ofMillis(Math.max(delay, 1));
    }
    long half = delay / 2;
    return Duration.ofMillis(half + random.nextLong(delay - half + 1));
  }
}
