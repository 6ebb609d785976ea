package org.rmbot.mentoring.matching;

import org.rmbot.mentoring.wording.Catalogue;

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
    Catalogue words = Catalogue.english();
    switch (this) {
      case SAME_PERSON:
        return words.phrase("matching.exclusion.same_person");
      case NEVER_PAIR:
        return words.phrase("matching.exclusion.never_pair");
      case DECLINED:
        return words.phrase("matching.exclusion.declined");
      case PREVIOUSLY_PAIRED:
        return words.phrase("matching.exclusion.previously_paired");
      case REPORTING_LINE:
        return words.phrase("matching.exclusion.reporting_line");
      case SAME_DEPARTMENT:
        return words.phrase("matching.exclusion.same_department");
      case NO_SHARED_LANGUAGE:
        return words.phrase("matching.exclusion.no_shared_language");
      default:
        return rules.direction().gapRule(rules.minGradeGap());
    }
  }
}
