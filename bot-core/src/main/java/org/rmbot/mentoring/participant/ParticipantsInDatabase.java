package org.rmbot.mentoring.participant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

public final class ParticipantsInDatabase implements Participants {
  private static final String COLUMNS =
      """
      id, program_id, person_id, role, grade, department, manager_person_id, topics_offered,
      topics_sought, languages, capacity, privacy_consent_at, status, snoozed_until, enrolled_at
      """;

  private final Jdbi jdbi;
  private final Clock clock;

  public ParticipantsInDatabase(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public Participant enrol(Enrolment e) {
    return jdbi.withHandle(h -> h.createQuery(
                """
                insert into participant (program_id, person_id, role, grade, department, manager_person_id,
                    topics_offered, topics_sought, languages, capacity, privacy_consent_at, enrolled_at)
                values (:program, :person, :role, :grade, :department, :manager, :offered, :sought,
                    :languages, :capacity, case when :consent then cast(:now as timestamptz) end, :now)
                on conflict (program_id, person_id) do update set
                    role = excluded.role, grade = excluded.grade, department = excluded.department,
                    manager_person_id = excluded.manager_person_id, topics_offered = excluded.topics_offered,
                    topics_sought = excluded.topics_sought, languages = excluded.languages,
                    capacity = excluded.capacity,
                    privacy_consent_at = coalesce(participant.privacy_consent_at, excluded.privacy_consent_at)
                returning \s""" + COLUMNS)
            .bind("program", e.programId())
            .bind("person", e.personId())
            .bind("role", e.role().code())
            .bind("grade", e.grade())
            .bind("department", e.department().trim())
            .bind("manager", e.managerPersonId())
            .bind("offered", sorted(e.topicsOffered()))
            .bind("sought", sorted(e.topicsSought()))
            .bind("languages", sorted(e.languages()))
            .bind("capacity", e.capacity())
            .bind("consent", e.privacyConsent())
            .bind("now", clock.instant())
            .map(ParticipantsInDatabase::map)
            .one());
  }

  @Override
  public Optional<Participant> findById(long id) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from participant where id = :id")
        .bind("id", id).map(ParticipantsInDatabase::map).findOne());
  }

  @Override
  public Optional<Participant> find(long programId, long personId) {
    return jdbi.withHandle(h -> h.createQuery(
            "select " + COLUMNS + " from participant where program_id = :program and person_id = :person")
        .bind("program", programId).bind("person", personId).map(ParticipantsInDatabase::map).findOne());
  }

  @Override
  public List<Participant> inProgram(long programId) {
    return jdbi.withHandle(h -> h.createQuery(
            "select " + COLUMNS + " from participant where program_id = :program order by id")
        .bind("program", programId).map(ParticipantsInDatabase::map).list());
  }

  @Override
  public List<Participant> ofPerson(long personId) {
    return jdbi.withHandle(h -> h.createQuery(
            "select " + COLUMNS + " from participant where person_id = :person order by id")
        .bind("person", personId).map(ParticipantsInDatabase::map).list());
  }

  @Override
  public void changeStatus(long participantId, ParticipantStatus status) {
    jdbi.useHandle(h -> h.createUpdate("update participant set status = :status where id = :id")
        .bind("status", status.code()).bind("id", participantId).execute());
  }

  @Override
  public void snoozeUntil(long participantId, Instant until) {
    jdbi.useHandle(h -> h.createUpdate("update participant set snoozed_until = :until where id = :id")
        .bind("until", until).bind("id", participantId).execute());
  }

  @Override
  public void storeSealedFocusAreas(long participantId, byte[] sealed) {
    jdbi.useHandle(h -> h.createUpdate("update participant set focus_areas_sealed = :s where id = :id")
        .bind("s", sealed).bind("id", participantId).execute());
  }

  @Override
  public void nameLivedExperience(long participantId, boolean consent) {
    jdbi.useHandle(h -> h.createUpdate(
            "update participant set topics_shared_at = case when :consent then cast(:now as timestamptz) end where id = :id")
        .bind("consent", consent).bind("now", clock.instant()).bind("id", participantId).execute());
  }

  @Override
  public Set<Long> namingLivedExperience(long programId) {
    return jdbi.withHandle(h -> h.createQuery(
            "select id from participant where program_id = :p and topics_shared_at is not null")
        .bind("p", programId).mapTo(Long.class).set());
  }

  @Override
  public void shareFocusAreas(long participantId, boolean share) {
    jdbi.useHandle(h -> h.createUpdate(
            "update participant set focus_areas_shared_at = case when :share then cast(:now as timestamptz) end where id = :id")
        .bind("share", share).bind("now", clock.instant()).bind("id", participantId).execute());
  }

  @Override
  public void recordConsent(long participantId) {
    jdbi.useHandle(h -> h.createUpdate(
            "update participant set privacy_consent_at = coalesce(privacy_consent_at, :now) where id = :id")
        .bind("now", clock.instant()).bind("id", participantId).execute());
  }

  @Override
  public int countInProgram(long programId) {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from participant where program_id = :program")
        .bind("program", programId).mapTo(Integer.class).one());
  }

  private static String[] sorted(Set<String> values) {
    return new TreeSet<>(values).toArray(String[]::new);
  }

  private static Set<String> strings(ResultSet rs, String column) throws SQLException {
    return Set.copyOf(Arrays.asList((String[]) rs.getArray(column).getArray()));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static Participant map(ResultSet rs, StatementContext ctx) throws SQLException {
    long managerValue = rs.getLong("manager_person_id");
    Long manager = rs.wasNull() ? null : managerValue;
    return new Participant(
        rs.getLong("id"),
        rs.getLong("program_id"),
        rs.getLong("person_id"),
        Role.fromCode(rs.getString("role")),
        rs.getInt("grade"),
        rs.getString("department"),
        manager,
        strings(rs, "topics_offered"),
        strings(rs, "topics_sought"),
        strings(rs, "languages"),
        rs.getInt("capacity"),
        instant(rs, "privacy_consent_at"),
        ParticipantStatus.fromCode(rs.getString("status")),
        instant(rs, "snoozed_until"),
        instant(rs, "enrolled_at"));
  }
}
