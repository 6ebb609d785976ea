package org.rmbot.mentoring.nudge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;
import org.rmbot.mentoring.pairing.PairingState;
import org.rmbot.mentoring.participant.Person;

/**
 * What planning reads and moves: the per-pairing cursors (nudge_plan_cursor), the marks of the
 * event streams it follows (nudge_planner_mark), and the bookings, answers, programs and people
 * it plans from.
 */
@RegisterRowMapper(PlanningNudgesSql.PersonMapper.class)
interface PlanningNudgesSql {
  /** Joined to a pairing {@code p}: its program {@code pr}, its mentor {@code a} and its mentee {@code b}. */
  String PAIR = """
      join program pr on pr.id = p.program_id
      join participant mt on mt.id = p.mentor_id
      join participant me on me.id = p.mentee_id
      join person a on a.id = mt.person_id
      join person b on b.id = me.person_id
      """;

  record CursorRow(
      long pairingId, int nextWindow, long programId, Instant activatedAt, PairingState pairingState,
      int cadenceDays, LocalDate endsOn, ZoneId programZone, String policyJson,
      Person mentor, int mentorGrade, Person mentee, int menteeGrade) {}

  /** A cursor moved on to its next window. */
  record Advance(long id, int w, Instant at) {}

  /** A meeting booked, with its pair and program. */
  record Booking(long meetingId, Instant scheduledAt, long pairingId, long programId, String policyJson,
      LocalDate endsOn, ZoneId programZone, Person mentor, Person mentee) {}

  /** The first "we met" answer of a pair's window, with its pair and program. */
  record Met(long pairingId, LocalDate windowStart, Instant answeredAt, long programId, int cadenceDays,
      String policyJson, LocalDate endsOn, ZoneId programZone, Person mentor, Person mentee) {}

  record ProgramRow(long id, LocalDate startsOn, LocalDate endsOn, ZoneId zone, String policyJson) {}

  @SqlUpdate("""
      insert into nudge_plan_cursor (pairing_id, next_window, next_plan_at)
      select id, 0, activated_at from pairing where id = :id and state = 'active' and activated_at is not null
      on conflict do nothing""")
  int startCursor(@Bind("id") long pairingId);

  @SqlUpdate("""
      insert into nudge_plan_cursor (pairing_id, next_window, next_plan_at)
      select p.id, 0, p.activated_at from pairing p
      where p.activated_at > :since and p.activated_at <= :now and p.state = 'active'
          and not exists (select 1 from nudge_plan_cursor c where c.pairing_id = p.id)
      on conflict do nothing""")
  int startCursorsActivated(@Bind("since") Instant since, @Bind("now") Instant now);

  @SqlQuery("""
      select c.pairing_id, c.next_window, p.program_id, p.activated_at, p.state as pairing_state,
          pr.cadence_days, pr.ends_on, pr.default_time_zone, pr.nudge_policy::text as policy,
          mt.grade as mentor_grade, me.grade as mentee_grade, \s""" + PeopleRows.A + ", " + PeopleRows.B + """
       from nudge_plan_cursor c
          join pairing p on p.id = c.pairing_id
      """ + PAIR + """
      where c.next_plan_at <= :until
      order by c.next_plan_at
      limit :limit
      for update of c skip locked""")
  @UseRowMapper(CursorRowMapper.class)
  List<CursorRow> cursorsDue(@Bind("until") Instant until, @Bind("limit") int limit);

  // batches in the planning pass's transaction, never one of their own
  @SqlBatch(value = "update nudge_plan_cursor set next_window = :w, next_plan_at = :at where pairing_id = :id",
      transactional = false)
  int[] advance(@BindMethods List<Advance> cursors);

  @SqlBatch(value = "delete from nudge_plan_cursor where pairing_id = :id", transactional = false)
  int[] finish(@Bind("id") List<Long> pairingIds);

  @SqlQuery("""
      select m.id as meeting_id, m.scheduled_at, p.id as pairing_id, p.program_id, pr.nudge_policy::text as policy,
          pr.ends_on, pr.default_time_zone, \s""" + PeopleRows.A + ", " + PeopleRows.B + """
       from meeting m
          join pairing p on p.id = m.pairing_id
      """ + PAIR + """
      where m.created_at > :since and m.created_at <= :now and m.status = 'planned'
          and m.scheduled_at > :now and p.state = 'active'""")
  @UseRowMapper(BookingMapper.class)
  List<Booking> bookedSince(@Bind("since") Instant since, @Bind("now") Instant now);

  @SqlQuery("""
      select distinct on (ci.pairing_id, ci.window_start) ci.pairing_id, ci.window_start, ci.answered_at,
          p.program_id, pr.cadence_days, pr.nudge_policy::text as policy, pr.ends_on, pr.default_time_zone, \s"""
      + PeopleRows.A + ", " + PeopleRows.B + """
       from check_in ci
          join pairing p on p.id = ci.pairing_id
      """ + PAIR + """
      where ci.answer = 'met' and ci.answered_at > :since and ci.answered_at <= :now and p.state = 'active'
      order by ci.pairing_id, ci.window_start, ci.answered_at""")
  @UseRowMapper(MetMapper.class)
  List<Met> metSince(@Bind("since") Instant since, @Bind("now") Instant now);

  @SqlQuery("""
      select id, starts_on, ends_on, default_time_zone, nudge_policy::text as policy from program
      where state = 'active' and starts_on is not null and ends_on is not null""")
  @UseRowMapper(ProgramRowMapper.class)
  List<ProgramRow> activeProgramsWithDates();

  /** Returns 0 if the mark was there already. */
  @SqlUpdate("insert into nudge_planner_mark (name, seen_until) values (:n, :now) on conflict do nothing")
  int insertMark(@Bind("n") String name, @Bind("now") Instant now);

  @SqlQuery("select " + PeopleRows.A + """
       from person a where a.id in (
          select person_id from participant where program_id = :p and status <> 'left'
          union select person_id from program_coordinator where program_id = :p)
      order by a.id""")
  List<Person> peopleOf(@Bind("p") long programId);

  @SqlQuery("select " + PeopleRows.A
      + " from program_coordinator pc join person a on a.id = pc.person_id where pc.program_id = :p order by a.id")
  List<Person> coordinatorsOf(@Bind("p") long programId);

  /** The mark, locked so two planners follow a stream one after the other. */
  @SqlQuery("select seen_until from nudge_planner_mark where name = :n for update")
  Optional<Instant> lockedMark(@Bind("n") String name);

  @SqlUpdate("""
      insert into nudge_planner_mark (name, seen_until) values (:n, :now)
      on conflict (name) do update set seen_until = greatest(nudge_planner_mark.seen_until, excluded.seen_until)""")
  int writeMark(@Bind("n") String name, @Bind("now") Instant now);

  /** The person {@code a}, under the prefix {@code a_}. */
  final class PersonMapper implements RowMapper<Person> {
    @Override
    public Person map(ResultSet rs, StatementContext ctx) throws SQLException {
      return PeopleRows.person(rs, "a_");
    }
  }

  final class CursorRowMapper implements RowMapper<CursorRow> {
    @Override
    public CursorRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new CursorRow(
          rs.getLong("pairing_id"),
          rs.getInt("next_window"),
          rs.getLong("program_id"),
          rs.getTimestamp("activated_at").toInstant(),
          PairingState.fromCode(rs.getString("pairing_state")),
          rs.getInt("cadence_days"),
          rs.getObject("ends_on", LocalDate.class),
          ZoneId.of(rs.getString("default_time_zone")),
          rs.getString("policy"),
          PeopleRows.person(rs, "a_"),
          rs.getInt("mentor_grade"),
          PeopleRows.person(rs, "b_"),
          rs.getInt("mentee_grade"));
    }
  }

  final class BookingMapper implements RowMapper<Booking> {
    @Override
    public Booking map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Booking(rs.getLong("meeting_id"), rs.getTimestamp("scheduled_at").toInstant(), rs.getLong("pairing_id"),
          rs.getLong("program_id"), rs.getString("policy"), rs.getObject("ends_on", LocalDate.class),
          ZoneId.of(rs.getString("default_time_zone")), PeopleRows.person(rs, "a_"), PeopleRows.person(rs, "b_"));
    }
  }

  final class MetMapper implements RowMapper<Met> {
    @Override
    public Met map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Met(rs.getLong("pairing_id"), rs.getObject("window_start", LocalDate.class),
          rs.getTimestamp("answered_at").toInstant(), rs.getLong("program_id"), rs.getInt("cadence_days"),
          rs.getString("policy"), rs.getObject("ends_on", LocalDate.class), ZoneId.of(rs.getString("default_time_zone")),
          PeopleRows.person(rs, "a_"), PeopleRows.person(rs, "b_"));
    }
  }

  final class ProgramRowMapper implements RowMapper<ProgramRow> {
    @Override
    public ProgramRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new ProgramRow(rs.getLong("id"), rs.getObject("starts_on", LocalDate.class),
          rs.getObject("ends_on", LocalDate.class), ZoneId.of(rs.getString("default_time_zone")), rs.getString("policy"));
    }
  }
}
