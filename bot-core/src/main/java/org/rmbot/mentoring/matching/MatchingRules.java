package org.rmbot.mentoring.matching;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A program's matching rules.
 *
 * @param direction which way the grade gap must point
 * @param minGradeGap the smallest grade difference allowed between mentor and mentee
 * @param reportingChainDepth how many management levels apart two people may not be matched;
 *     values below 1 still forbid pairing someone with their direct manager
 * @param neverPair people who must never be paired, by person id
 * @param previouslyPaired earlier pairs the caller wants excluded (already filtered to the
 *     look-back window), by person id
 * @param declined pairs either side declined, by person id
 * @param pins pairs the coordinator fixed by hand, by participant id
 * @param weights how the soft score is made up
 * @param requireSharedLanguage never pair two people who both name languages but share none
 */
public record MatchingRules(
    Direction direction,
    int minGradeGap,
    int reportingChainDepth,
    Set<PersonPair> neverPair,
    Set<PersonPair> previouslyPaired,
    Set<PersonPair> declined,
    List<Pin> pins,
    ScoreWeights weights,
    boolean requireSharedLanguage) {

  /** Requiring a shared language, as programs do unless they say otherwise. */
  public MatchingRules(Direction direction, int minGradeGap, int reportingChainDepth, Set<PersonPair> neverPair,
      Set<PersonPair> previouslyPaired, Set<PersonPair> declined, List<Pin> pins, ScoreWeights weights) {
    this(direction, minGradeGap, reportingChainDepth, neverPair, previouslyPaired, declined, pins, weights, true);
  }

  public MatchingRules {
    Objects.requireNonNull(direction, "direction");
    if (minGradeGap < 0) {
      throw new IllegalArgumentException("minGradeGap must not be negative, got " + minGradeGap);
    }
    neverPair = neverPair == null ? Set.of() : Set.copyOf(neverPair);
    previouslyPaired = previouslyPaired == null ? Set.of() : Set.copyOf(previouslyPaired);
    declined = declined == null ? Set.of() : Set.copyOf(declined);
    pins = pins == null ? List.of() : List.copyOf(pins);
    weights = weights == null ? ScoreWeights.DEFAULT : weights;
  }

  /** Reverse mentoring with a gap of 2 grades, two management levels, default weights. */
  public static MatchingRules reverse() {
    return new MatchingRules(Direction.REVERSE, 2, 2, Set.of(), Set.of(), Set.of(), List.of(), null);
  }

  public MatchingRules withDirection(Direction d, int gap) {
    return new MatchingRules(d, gap, reportingChainDepth, neverPair, previouslyPaired, declined, pins, weights, requireSharedLanguage);
  }

  public MatchingRules withReportingChainDepth(int depth) {
    return new MatchingRules(direction, minGradeGap, depth, neverPair, previouslyPaired, declined, pins, weights, requireSharedLanguage);
  }

  public MatchingRules withNeverPair(Set<PersonPair> pairs) {
    return new MatchingRules(direction, minGradeGap, reportingChainDepth, pairs, previouslyPaired, declined, pins, weights, requireSharedLanguage);
  }

  public MatchingRules withPreviouslyPaired(Set<PersonPair> pairs) {
    return new MatchingRules(direction, minGradeGap, reportingChainDepth, neverPair, pairs, declined, pins, weights, requireSharedLanguage);
  }

  public MatchingRules withDeclined(Set<PersonPair> pairs) {
    return new MatchingRules(direction, minGradeGap, reportingChainDepth, neverPair, previouslyPaired, pairs, pins, weights, requireSharedLanguage);
  }

  public MatchingRules withPins(List<Pin> newPins) {
    return new MatchingRules(direction, minGradeGap, reportingChainDepth, neverPair, previouslyPaired, declined, newPins, weights, requireSharedLanguage);
  }

  public MatchingRules withSharedLanguageRequired(boolean required) {
    return new MatchingRules(direction, minGradeGap, reportingChainDepth, neverPair, previouslyPaired, declined, pins, weights,
        required);
  }

  public MatchingRules withWeights(ScoreWeights w) {
    return new MatchingRules(direction, minGradeGap, reportingChainDepth, neverPair, previouslyPaired, declined, pins, w, requireSharedLanguage);
  }
}
