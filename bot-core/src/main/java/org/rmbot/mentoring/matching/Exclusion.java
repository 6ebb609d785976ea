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
  GRADE_GAP,
  NO_SHARED_LANGUAGE;

  /**
   * In plain words, as a phrase that reads after a count and after a pair: "in the same
   * department", "with the mentor not junior to the mentee".
   */
  String describe(MatchingRules rules) {
    switch (this) {
      case SAME_PERSON:
        return "the same person";
      case NEVER_PAIR:
        return "under a coordinator's never-pair rule";
      case DECLINED:
        return "with a pairing between them declined or ended before";
      case PREVIOUSLY_PAIRED:
        return "paired before";
      case REPORTING_LINE:
        return "in the same reporting line";
      case SAME_DEPARTMENT:
        return "in the same department";
      case NO_SHARED_LANGUAGE:
        return "with no language in common";
      default:
        return rules.direction().gapRule(rules.minGradeGap());
    }
  }
}
