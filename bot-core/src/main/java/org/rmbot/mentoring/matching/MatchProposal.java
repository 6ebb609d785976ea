package org.rmbot.mentoring.matching;

import java.util.List;

/**
 * What the engine proposes: the pairs (pins included), everyone left out with a reason, and the
 * sum of the pairs' scores. Pairs are ordered by mentor then mentee participant id; unmatched
 * people mentees first, then by participant id.
 */
public record MatchProposal(List<ProposedPair> pairs, List<Unmatched> unmatched, long totalScore) {
  public MatchProposal {
    pairs = List.copyOf(pairs);
    unmatched = List.copyOf(unmatched);
  }
}
