package org.rmbot.mentoring.matching;

import org.rmbot.mentoring.wording.Catalogue;

/** Which way the grade gap must point between mentor and mentee. */
public enum Direction {
  /** The mentor is junior: {@code mentor.grade + gap <= mentee.grade}. */
  REVERSE,
  /** The mentor is senior: {@code mentee.grade + gap <= mentor.grade}. */
  TRADITIONAL,
  /** Either way, as long as the grades differ by at least the gap. */
  RECIPROCAL;

  boolean allows(int mentorGrade, int menteeGrade, int minGap) {
    switch (this) {
      case REVERSE:
        return mentorGrade + minGap <= menteeGrade;
      case TRADITIONAL:
        return menteeGrade + minGap <= mentorGrade;
      default:
        return Math.abs(mentorGrade - menteeGrade) >= minGap;
    }
  }

  /** The gap rule broken, as a phrase: "with the mentor not junior to the mentee". */
  String gapRule(int minGap) {
    Catalogue words = Catalogue.english();
    switch (this) {
      case REVERSE:
        return minGap <= 1 ? words.phrase("matching.gap_rule.reverse.not_junior")
            : words.phrase("matching.gap_rule.reverse", "gap", minGap);
      case TRADITIONAL:
        return minGap <= 1 ? words.phrase("matching.gap_rule.traditional.not_senior")
            : words.phrase("matching.gap_rule.traditional", "gap", minGap);
      default:
        return words.phrase("matching.gap_rule.reciprocal", "gap", minGap);
    }
  }
}
