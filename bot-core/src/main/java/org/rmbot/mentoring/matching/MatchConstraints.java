package org.rmbot.mentoring.matching;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the matcher must respect, as stored: coordinator rules and the history of pairings. */
public interface MatchConstraints {
  /** Never-pair rules for this program, plus those set for every program. */
  Set<PersonPair> neverPairs(long programId);

  void addNeverPair(Long programId, long personA, long personB, Long createdBy);

  List<Pin> pins(long programId);

  void pin(long programId, long mentorParticipantId, long menteeParticipantId, Long createdBy);

  void clearPins(long programId);

  /** People who declined each other (or were split for a rematch), in any program. */
  Set<PersonPair> declinedOrSplit();

  /** People whose pairing became active at or after {@code since}, in any program. */
  Set<PersonPair> pairedSince(Instant since);

  /** Each person's manager, from their most recent enrolment that names one. */
  Map<Long, Long> managers();
}
