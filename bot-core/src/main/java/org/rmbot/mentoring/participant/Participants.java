package org.rmbot.mentoring.participant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Who takes part in which program. */
public interface Participants {
  /** Enrols, or updates the enrolment of the same person in the same program. */
  Participant enrol(Enrolment enrolment);

  Optional<Participant> findById(long id);

  Optional<Participant> find(long programId, long personId);

  List<Participant> inProgram(long programId);

  List<Participant> ofPerson(long personId);

  void changeStatus(long participantId, ParticipantStatus status);

  void snoozeUntil(long participantId, Instant until);

  /** Stores the person's opt-in focus areas, already sealed by the caller; null removes them. */
  void storeSealedFocusAreas(long participantId, byte[] sealed);

  /**
   * Whether coordinators may see the person's focus areas (in exports). Off unless the person
   * says so; turning it off takes effect at once.
   */
  void shareFocusAreas(long participantId, boolean share);

  /** Records consent to the program's privacy notice (the first time only). */
  void recordConsent(long participantId);

  /**
   * The person's own consent (or its withdrawal) to have lived-experience topics named in the
   * reason for their match; only they can give it, in chat. An import never does.
   */
  void nameLivedExperience(long participantId, boolean consent);

  /** Participants of the program who consented to have lived-experience topics named. */
  java.util.Set<Long> namingLivedExperience(long programId);

  int countInProgram(long programId);
}
