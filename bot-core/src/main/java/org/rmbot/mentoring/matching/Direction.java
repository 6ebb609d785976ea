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

  /** The gap rule broken, as a phrase: "with the mentor not junior to the mentee". */
  String gapRule(int minGap) {
    switch (this) {
      case REVERSE:
        return minGap <= 1 ? "with the mentor not junior to the mentee"
            : "with the mentor fewer than " + minGap + " grades below the mentee";
      case TRADITIONAL:
        return minGap <= 1 ? "with the mentor not senior to the mentee"
            : "with the mentor fewer than " + minGap + " grades above the mentee";
      default:
        return "with grades fewer than " + minGap + " apart";
    }
  }
}
