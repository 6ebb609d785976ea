package org.rmbot.mentoring.infra.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.rmbot.mentoring.infra.Schedule;
import org.rmbot.mentoring.infra.Wiring;
import org.rmbot.mentoring.nudge.DeliveringNudges;

/**
 * Due work that runs only when the caller steps it, on the bot's clock whatever moves it: the
 * demo's fast clock; a benchmark or test that wants no writer but its own requests never steps it.
 * Quartz stays in standby.
 */
public final class SteppedSchedule implements Schedule {
  private Wiring.Nudges nudges;

  /**
   * None: waiting in place for a rate-limit token would wait for a clock that only the caller
   * moves, so over-limit sends are deferred through the ledger.
   */
  @Override
  public Duration inlineWait(Duration usual) {
    return Duration.ZERO;
  }

  @Override
  public AutoCloseable start(Wiring.Nudges nudges) {
    this.nudges = nudges;
    return () -> {};
  }

  /** Nothing runs by itself, so nothing can have stopped. */
  @Override
  public String problem() {
    return null;
  }

  /** One planning pass, as the Quartz job runs it; the number of ledger rows planned. */
  public int planDue() {
    return nudges.planning().planDue();
  }

  /** The campaign milestones due, then one delivery of everything due, as the Quartz jobs run them. */
  public DeliveringNudges.Report dispatchAllDue() {
    nudges.campaigns().runDue();
    return nudges.delivering().dispatchAllDue();
  }

  /** When the ledger's next message or the next campaign milestone comes due, if any. */
  public Optional<Instant> nextAttemptAt() {
    return Stream.of(nudges.ledger().nextAttemptAt(), nudges.milestones().nextDueAt())
        .flatMap(Optional::stream).min(Instant::compareTo);
  }
}
