package org.rmbot.mentoring.pairing;

import java.util.List;
import java.util.Optional;

/** Every pairing ever proposed, open or closed (closed ones keep "not again" rules honest). */
public interface Pairings {
  Pairing propose(long programId, long mentorId, long menteeId, long score, String explanation, boolean pinned);

  Optional<Pairing> findById(long id);

  List<Pairing> inProgram(long programId);

  /** Open pairings (awaiting consent, active or paused) a participant is part of. */
  List<Pairing> openFor(long participantId);

  /**
   * Moves the pairing to {@code next} if nobody changed it since {@code expectedVersion} was
   * read; false means someone else got there first and the caller should re-read.
   */
  boolean moveTo(long pairingId, int expectedVersion, PairingState next);
}
