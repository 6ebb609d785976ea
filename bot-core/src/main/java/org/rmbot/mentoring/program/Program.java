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
    Instant createdAt) {}
