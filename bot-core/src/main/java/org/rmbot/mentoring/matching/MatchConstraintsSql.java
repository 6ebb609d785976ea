package org.rmbot.mentoring.matching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The never_pair and match_pin tables, and the history of pairings the matcher respects. */
@RegisterRowMapper(MatchConstraintsSql.PersonPairs.class)
interface MatchConstraintsSql {

  /** A person and their manager. */
  record Managed(long personId, long managerPersonId) {}

  @SqlQuery("select person_low, person_high from never_pair where program_id = :p or program_id is null")
  List<PersonPair> neverPairs(@Bind("p") long programId);

  @SqlUpdate("""
      insert into never_pair (program_id, person_low, person_high, created_by, created_at)
      values (:program, :low, :high, :by, :now) on conflict do nothing""")
  void addNeverPair(@Bind("program") Long programId, @Bind("low") long low, @Bind("high") long high,
      @Bind("by") Long createdBy, @Bind("now") Instant now);

  @SqlQuery("select mentor_id, mentee_id from match_pin where program_id = :p order by mentee_id")
  @RegisterRowMapper(Pins.class)
  List<Pin> pins(@Bind("p") long programId);

  @SqlUpdate("""
      insert into match_pin (program_id, mentor_id, mentee_id, created_by, created_at)
      values (:program, :mentor, :mentee, :by, :now)
      on conflict (program_id, mentee_id) do update set mentor_id = excluded.mentor_id,
          created_by = excluded.created_by, created_at = excluded.created_at""")
  void pin(@Bind("program") long programId, @Bind("mentor") long mentorParticipantId,
      @Bind("mentee") long menteeParticipantId, @Bind("by") Long createdBy, @Bind("now") Instant now);

  @SqlUpdate("delete from match_pin where program_id = :p")
  void clearPins(@Bind("p") long programId);

  @SqlQuery("""
      select mentor.person_id, mentee.person_id
        from pairing p
        join participant mentor on mentor.id = p.mentor_id
        join participant mentee on mentee.id = p.mentee_id
       where p.state in ('declined', 'rematched')""")
  List<PersonPair> declinedOrSplit();

  @SqlQuery("""
      select mentor.person_id, mentee.person_id
        from pairing p
        join participant mentor on mentor.id = p.mentor_id
        join participant mentee on mentee.id = p.mentee_id
       where p.activated_at >= :since""")
  List<PersonPair> pairedSince(@Bind("since") Instant since);

  @SqlQuery("""
      select distinct on (person_id) person_id, manager_person_id
        from participant where manager_person_id is not null
       order by person_id, enrolled_at desc, id desc""")
  @RegisterConstructorMapper(Managed.class)
  List<Managed> managers();

  final class PersonPairs implements RowMapper<PersonPair> {
    @Override
    public PersonPair map(ResultSet rs, StatementContext ctx) throws SQLException {
      return PersonPair.of(rs.getLong(1), rs.getLong(2));
    }
  }

  final class Pins implements RowMapper<Pin> {
    @Override
    public Pin map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Pin(rs.getLong(1), rs.getLong(2));
    }
  }
}
