package org.rmbot.mentoring.program;

import java.time.Instant;
import java.time.LocalDate;

/** A cohort of mentors and mentees run together, with its own theme, cadence and settings. */
public record Program(
    long id,
    String name,
    String theme,
    Direction direction,
    LocalDate startsOn,
    LocalDate endsOn,
    int cadenceDays,
    int sessionMinutes,
    ProgramState state,
    ProgramSettings settings,
    Instant createdAt) {

  /** The end of the program's last day in its own zone; empty while it has no dates. */
  public java.util.Optional<Instant> endsAt() {
    return java.util.Optional.ofNullable(endsOn).map(d -> d.plusDays(1).atStartOfDay(settings.defaultTimeZone()).toInstant());
  }

  /** Whether the program's last day is over at {@code now} (whatever its state: a coordinator closes it). */
  public boolean endedBy(Instant now) {
    return endsAt().map(end -> !now.isBefore(end)).orElse(false);
  }
}
