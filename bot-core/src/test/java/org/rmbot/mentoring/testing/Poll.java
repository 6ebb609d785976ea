package org.rmbot.mentoring.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for something real-time (Quartz firing) by checking a condition until a deadline. */
public final class Poll {
  private Poll() {}

  /** True as soon as the condition holds; false if the deadline passed first. */
  public static boolean until(Duration timeout, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    return true;
  }
}
