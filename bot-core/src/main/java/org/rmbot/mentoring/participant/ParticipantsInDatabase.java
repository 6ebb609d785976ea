package org.rmbot.mentoring.participant;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/** The participants kept in the database, through {@link ParticipantsSql}. */
public final class ParticipantsInDatabase implements Participants {
  private final ParticipantsSql sql;
  private final Clock clock;

  public ParticipantsInDatabase(Jdbi jdbi, Clock clock) {
    this.sql = jdbi.onDemand(ParticipantsSql.class);
    this.clock = clock;
  }

  @Override
  public Participant enrol(Enrolment e) {
    return sql.enrol(new ParticipantsSql.Row(e.programId(), e.personId(), e.role().code(), e.grade(),
        e.department().trim(), e.managerPersonId(), sorted(e.topicsOffered()), sorted(e.topicsSought()),
        sorted(e.languages()), e.capacity(), e.privacyConsent(), clock.instant()));
  }

  @Override
  public Optional<Participant> findById(long id) {
    return sql.findById(id);
  }

  @Override
  public Optional<Participant> find(long programId, long personId) {
    return sql.find(programId, personId);
  }

  @Override
  public List<Participant> inProgram(long programId) {
    return sql.inProgram(programId);
  }

  @Override
  public List<Participant> ofPerson(long personId) {
    return sql.ofPerson(personId);
  }

  @Override
  public void changeStatus(long participantId, ParticipantStatus status) {
    sql.changeStatus(participantId, status.code());
  }

  @Override
  public void snoozeUntil(long participantId, Instant until) {
    sql.snoozeUntil(participantId, until);
  }

  @Override
  public void storeSealedFocusAreas(long participantId, byte[] sealed) {
    sql.storeSealedFocusAreas(participantId, sealed);
  }

  @Override
  public void nameLivedExperience(long participantId, boolean consent) {
    sql.nameLivedExperience(participantId, consent, clock.instant());
  }

  @Override
  public Set<Long> namingLivedExperience(long programId) {
    return sql.namingLivedExperience(programId);
  }

  @Override
  public void shareFocusAreas(long participantId, boolean share) {
    sql.shareFocusAreas(participantId, share, clock.instant());
  }

  @Override
  public void recordConsent(long participantId) {
    sql.recordConsent(participantId, clock.instant());
  }

  @Override
  public int countInProgram(long programId) {
    return sql.countInProgram(programId);
  }

  private static String[] sorted(Set<String> values) {
    return new TreeSet<>(values).toArray(String[]::new);
  }
}
