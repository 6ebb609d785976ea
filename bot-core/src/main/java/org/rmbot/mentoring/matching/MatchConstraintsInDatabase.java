package org.rmbot.mentoring.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** The matcher's constraints as stored, through {@link MatchConstraintsSql}. */
public final class MatchConstraintsInDatabase implements MatchConstraints {
  private final MatchConstraintsSql sql;
  private final Clock clock;

  public MatchConstraintsInDatabase(Jdbi jdbi, Clock clock) {
    this.sql = jdbi.onDemand(MatchConstraintsSql.class);
    this.clock = clock;
  }

  @Override
  public Set<PersonPair> neverPairs(long programId) {
    return new HashSet<>(sql.neverPairs(programId));
  }

  @Override
  public void addNeverPair(Long programId, long personA, long personB, Long createdBy) {
    if (personA == personB) {
      throw new IllegalArgumentException("a never-pair rule needs two different people");
    }
    sql.addNeverPair(programId, Math.min(personA, personB), Math.max(personA, personB), createdBy, clock.instant());
  }

  @Override
  public List<Pin> pins(long programId) {
    return sql.pins(programId);
  }

  @Override
  public void pin(long programId, long mentorParticipantId, long menteeParticipantId, Long createdBy) {
    sql.pin(programId, mentorParticipantId, menteeParticipantId, createdBy, clock.instant());
  }

  @Override
  public void clearPins(long programId) {
    sql.clearPins(programId);
  }

  @Override
  public Set<PersonPair> declinedOrSplit() {
    return new HashSet<>(sql.declinedOrSplit());
  }

  @Override
  public Set<PersonPair> pairedSince(Instant since) {
    return new HashSet<>(sql.pairedSince(since));
  }

  @Override
  public Map<Long, Long> managers() {
    Map<Long, Long> managers = new HashMap<>();
    sql.managers().forEach(m -> managers.put(m.personId(), m.managerPersonId()));
    return managers;
  }
}
