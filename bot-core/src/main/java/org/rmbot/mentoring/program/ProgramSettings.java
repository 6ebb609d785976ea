package org.rmbot.mentoring.program;

import java.time.ZoneId;

/**
 * The knobs a coordinator may turn per program. Defaults follow practitioners' advice: meet
 * every two weeks, never show anonymous results for fewer than five people (never fewer than
 * three), a junior mentor at least one grade below the senior mentee.
 *
 * @param anonymityThreshold k: feedback is shown only for groups of at least k responses
 * @param minGradeGap how many grades must separate mentor and mentee
 * @param reportingChainDepth how many manager levels up and down count as "same reporting line"
 * @param repeatWindowDays people paired within this many days are not paired again
 * @param requireSharedLanguage never propose a pair with no language in common (the default);
 *     a program that pairs people across languages on purpose says so here
 */
public record ProgramSettings(
    int anonymityThreshold,
    ZoneId defaultTimeZone,
    int minGradeGap,
    int reportingChainDepth,
    int repeatWindowDays,
    boolean requireSharedLanguage) {

  public static final int MIN_ANONYMITY_THRESHOLD = 3;

  public ProgramSettings {
    if (anonymityThreshold < MIN_ANONYMITY_THRESHOLD) {
      throw new IllegalArgumentException(
          "the anonymity threshold must be at least " + MIN_ANONYMITY_THRESHOLD + ", got " + anonymityThreshold);
    }
    if (minGradeGap < 0 || reportingChainDepth < 1 || repeatWindowDays < 0) {
      throw new IllegalArgumentException("program settings out of range");
    }
  }

  /** Requiring a shared language. */
  public ProgramSettings(int anonymityThreshold, ZoneId defaultTimeZone, int minGradeGap, int reportingChainDepth,
      int repeatWindowDays) {
    this(anonymityThreshold, defaultTimeZone, minGradeGap, reportingChainDepth, repeatWindowDays, true);
  }

  public static ProgramSettings defaults() {
    return new ProgramSettings(5, ZoneId.of("UTC"), 1, 2, 365);
  }
}
