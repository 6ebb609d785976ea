package org.rmbot.mentoring.matching;

/**
 * The hard constraints, in the order they are checked. When a pair breaks several, it is counted
 * under the first, so the counts in an {@link UnmatchedReason.NoEligiblePartner} add up to the
 * number of partners considered.
 */
public enum Exclusion {
  SAME_PERSON,
  NEVER_PAIR,
  DECLINED,
  PREVIOUSLY_PAIRED,
  REPORTING_LINE,
  SAME_DEPARTMENT,
  GRADE_GAP;

  /** Short phrase for explanations, e.g. "same department". */
  String describe(MatchingRules rules) {
    switch (this) {
      case SAME_PERSON:
        return "same person";
      case NEVER_PAIR:
        return "never-pair rule";
      case DECLINED:
        return "declined before";
      case PREVIOUSLY_PAIRED:
        return "paired before";
      case REPORTING_LINE:
        return "same reporting line";
      case SAME_DEPARTMENT:
        return "same department";
      default:
        return rules.direction().gapRule(rules.minGradeGap());
    }
  }
}
