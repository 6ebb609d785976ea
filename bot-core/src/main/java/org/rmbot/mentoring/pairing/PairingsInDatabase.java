package org.rmbot.mentoring.pairing;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The pairings kept in the database, through {@link PairingsSql}. */
public final class PairingsInDatabase implements Pairings {
  private final PairingsSql sql;
  private final Clock clock;

  public PairingsInDatabase(Jdbi jdbi, Clock clock) {
    this.sql = jdbi.onDemand(PairingsSql.class);
    this.clock = clock;
  }

  @Override
  public Pairing propose(long programId, long mentorId, long menteeId, long score, String explanation, boolean pinned) {
    return sql.propose(programId, mentorId, menteeId, score, explanation, pinned, clock.instant());
  }

  @Override
  public Optional<Pairing> findById(long id) {
    return sql.findById(id);
  }

  @Override
  public List<Pairing> inProgram(long programId) {
    return sql.inProgram(programId);
  }

  @Override
  public List<Pairing> openFor(long participantId) {
    return sql.openFor(participantId);
  }

  @Override
  public boolean moveTo(long pairingId, int expectedVersion, PairingState next) {
    return sql.moveTo(pairingId, expectedVersion, next.code(), clock.instant()) == 1;
  }
}
