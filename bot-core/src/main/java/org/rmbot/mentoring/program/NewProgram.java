package org.rmbot.mentoring.program;

import java.time.LocalDate;

/** What a coordinator supplies to create a program; everything else has a default. */
public record NewProgram(
    String name,
    String theme,
    Direction direction,
    LocalDate startsOn,
    LocalDate endsOn,
    int cadenceDays,
    int sessionMinutes,
    ProgramSettings settings) {

  /** A six-month reverse program meeting every two weeks, as practitioners suggest. */
  public static NewProgram reverse(String name, String theme, LocalDate startsOn) {
    return new NewProgram(
        name, theme, Direction.REVERSE, startsOn, startsOn == null ? null : startsOn.plusMonths(6),
        14, 45, ProgramSettings.defaults());
  }

  /** The same, with its days (deadlines, the schedule's 09:00) in {@code zone}: its coordinator's. */
  public static NewProgram reverse(String name, String theme, LocalDate startsOn, java.time.ZoneId zone) {
    ProgramSettings d = ProgramSettings.defaults();
    return new NewProgram(
        name, theme, Direction.REVERSE, startsOn, startsOn == null ? null : startsOn.plusMonths(6), 14, 45,
        new ProgramSettings(d.anonymityThreshold(), zone, d.minGradeGap(), d.reportingChainDepth(), d.repeatWindowDays(),
            d.requireSharedLanguage()));
  }
}
