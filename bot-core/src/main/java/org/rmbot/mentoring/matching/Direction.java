package org.rmbot.mentoring.matching;

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

  String gapRule(int minGap) {
    switch (this) {
      case REVERSE:
        return "mentor not at least " + minGap + " grades below mentee";
      case TRADITIONAL:
        return "mentor not at least " + minGap + " grades above mentee";
      default:
        return "grades less than " + minGap + " apart";
    }
  }
}
