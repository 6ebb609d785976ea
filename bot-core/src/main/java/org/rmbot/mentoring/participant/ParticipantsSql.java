package org.rmbot.mentoring.participant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The participant table. */
@RegisterRowMapper(ParticipantsSql.ParticipantMapper.class)
interface ParticipantsSql {
  String COLUMNS = """
      id, program_id, person_id, role, grade, department, manager_person_id, topics_offered,
      topics_sought, languages, capacity, privacy_consent_at, status, snoozed_until, enrolled_at
      """;

  /** An enrolment's row, coded, trimmed and with its topics and languages sorted. */
  record Row(long program, long person, String role, int grade, String department, Long manager, String[] offered,
      String[] sought, String[] languages, int capacity, boolean consent, Instant now) {}

  /** Enrols, or updates the enrolment; consent once given is kept. */
  @SqlQuery("""
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
      returning\s""" + COLUMNS)
  Participant enrol(@BindMethods Row row);

  @SqlQuery("select " + COLUMNS + " from participant where id = :id")
  Optional<Participant> findById(@Bind("id") long id);

  @SqlQuery("select " + COLUMNS + " from participant where program_id = :program and person_id = :person")
  Optional<Participant> find(@Bind("program") long programId, @Bind("person") long personId);

  @SqlQuery("select " + COLUMNS + " from participant where program_id = :program order by id")
  List<Participant> inProgram(@Bind("program") long programId);

  @SqlQuery("select " + COLUMNS + " from participant where person_id = :person order by id")
  List<Participant> ofPerson(@Bind("person") long personId);

  @SqlUpdate("update participant set status = :status where id = :id")
  void changeStatus(@Bind("id") long participantId, @Bind("status") String status);

  @SqlUpdate("update participant set snoozed_until = :until where id = :id")
  void snoozeUntil(@Bind("id") long participantId, @Bind("until") Instant until);

  @SqlUpdate("update participant set focus_areas_sealed = :s where id = :id")
  void storeSealedFocusAreas(@Bind("id") long participantId, @Bind("s") byte[] sealed);

  @SqlUpdate("update participant set topics_shared_at = case when :consent then cast(:now as timestamptz) end where id = :id")
  void nameLivedExperience(@Bind("id") long participantId, @Bind("consent") boolean consent, @Bind("now") Instant now);

  @SqlQuery("select id from participant where program_id = :p and topics_shared_at is not null")
  Set<Long> namingLivedExperience(@Bind("p") long programId);

  @SqlUpdate("update participant set focus_areas_shared_at = case when :share then cast(:now as timestamptz) end where id = :id")
  void shareFocusAreas(@Bind("id") long participantId, @Bind("share") boolean share, @Bind("now") Instant now);

  @SqlUpdate("update participant set privacy_consent_at = coalesce(privacy_consent_at, :now) where id = :id")
  void recordConsent(@Bind("id") long participantId, @Bind("now") Instant now);

  @SqlQuery("select count(*) from participant where program_id = :program")
  int countInProgram(@Bind("program") long programId);

  final class ParticipantMapper implements RowMapper<Participant> {
    @Override
    public Participant map(ResultSet rs, StatementContext ctx) throws SQLException {
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

    private static Set<String> strings(ResultSet rs, String column) throws SQLException {
      return Set.copyOf(Arrays.asList((String[]) rs.getArray(column).getArray()));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
      Timestamp t = rs.getTimestamp(column);
      return t == null ? null : t.toInstant();
    }
  }
}
