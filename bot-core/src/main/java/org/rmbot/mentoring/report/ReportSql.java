package org.rmbot.mentoring.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.rmbot.mentoring.participant.ParticipantStatus;

/**
 * The aggregate queries of the reports ({@link ProgramActivity}, {@link ProgramFigures},
 * {@link ImpactReport}) and the one of {@link ParticipantsCsv}: counts, dates and the
 * participants' own rows, never anything anonymous or private.
 */
@RegisterRowMapper(ReportSql.Counts.class)
interface ReportSql {

  /** How many rows have this value (a kind, a state, an answer, a role). */
  record Count(String value, int n) {}

  /** How many participants have this role and status. */
  record Enrolment(String role, ParticipantStatus status, int n) {}

  /** A participant's row in {@link ParticipantsCsv}, focus areas still sealed. */
  record Participant(long id, String name, String role, int grade, String department, String status, LocalDate enrolled,
      byte[] sealedSharedFocus, String pairingState, String partner, int meetings) {}

  // --- ProgramActivity ---

  @SqlQuery("select kind, count(*) from nudge where program_id = :p and state = 'sent' group by kind")
  List<Count> sentByKind(@Bind("p") long programId);

  @SqlQuery("""
      select c.answer, count(*) from check_in c join pairing p on p.id = c.pairing_id
      where p.program_id = :p group by c.answer""")
  List<Count> answersByAnswer(@Bind("p") long programId);

  @SqlQuery("select count(*) from pairing where program_id = :p")
  int pairsProposed(@Bind("p") long programId);

  @SqlQuery("select count(*) from pairing where program_id = :p and activated_at is not null")
  int pairsAccepted(@Bind("p") long programId);

  @SqlQuery("select count(*) from pairing where program_id = :p and state = 'declined'")
  int pairsDeclined(@Bind("p") long programId);

  @SqlQuery("""
      select count(*) from meeting m join pairing p on p.id = m.pairing_id
      where p.program_id = :p and m.status <> 'cancelled'""")
  int meetingsBooked(@Bind("p") long programId);

  @SqlQuery("""
      select count(distinct (c.pairing_id, c.window_start)) from check_in c join pairing p on p.id = c.pairing_id
      where p.program_id = :p and c.answer = 'met'""")
  int meetingsHeld(@Bind("p") long programId);

  @SqlQuery("select count(*) from help_request where program_id = :p")
  int helpRequests(@Bind("p") long programId);

  // --- ProgramFigures ---

  @SqlQuery("""
      select p.id from pairing p
       where p.program_id = :program and p.state = 'active' and p.activated_at <= :cutoff
         and not exists (select 1 from check_in c where c.pairing_id = p.id
                         and c.answer = 'met' and c.answered_at > :cutoff)
       order by p.id""")
  List<Long> atRiskPairings(@Bind("program") long programId, @Bind("cutoff") Instant cutoff);

  @SqlQuery("select role, count(*) from participant where program_id = :p and status <> 'left' group by role")
  List<Count> enrolledByRole(@Bind("p") long programId);

  @SqlQuery("select state, count(*) from pairing where program_id = :p group by state")
  List<Count> pairingsByState(@Bind("p") long programId);

  @SqlQuery("""
      select count(distinct c.pairing_id) from check_in c join pairing p on p.id = c.pairing_id
       where p.program_id = :p and p.state = 'active' and c.answer = 'met' and c.answered_at > :since""")
  int activePairsMetSince(@Bind("p") long programId, @Bind("since") Instant since);

  @SqlQuery("select count(*) from help_request where program_id = :p and resolved_at is null")
  int openHelpRequests(@Bind("p") long programId);

  @SqlQuery("select count(*) from nudge where program_id = :p and state = 'dead'")
  int deadNudges(@Bind("p") long programId);

  // --- ImpactReport ---

  @SqlQuery("select role, status, count(*) from participant where program_id = :p group by role, status")
  @RegisterRowMapper(Enrolments.class)
  List<Enrolment> enrolment(@Bind("p") long programId);

  @SqlQuery("""
      select count(distinct x.id) from (select mentor_id as id from pairing where program_id = :p and activated_at is not null
                                        union select mentee_id from pairing where program_id = :p and activated_at is not null) x
      join participant pt on pt.id = x.id where pt.status <> 'left'""")
  int matchedStillEnrolled(@Bind("p") long programId);

  /**
   * One meeting held per pairing and window with a "we met", dated by the meeting booked in that
   * window (the latest before the answer), or by the first "we met" when none was booked.
   */
  @SqlQuery("""
      select coalesce(
          (select max(m.scheduled_at) from meeting m where m.pairing_id = c.pairing_id and m.status <> 'cancelled'
              and m.scheduled_at >= (c.window_start::timestamp at time zone :zone)
              and m.scheduled_at < ((c.window_start + :cadence)::timestamp at time zone :zone)
              and m.scheduled_at <= min(c.answered_at)),
          min(c.answered_at))
      from check_in c join pairing p on p.id = c.pairing_id
      where p.program_id = :p and c.answer = 'met' group by c.pairing_id, c.window_start""")
  @RegisterRowMapper(Moments.class)
  List<Instant> meetingsHeldAt(@Bind("p") long programId, @Bind("zone") String zone, @Bind("cadence") int cadenceDays);

  @SqlQuery("""
      select p.id, p.activated_at, p.closed_at,
             array(select c.answered_at from check_in c where c.pairing_id = p.id and c.answer = 'met') as met
      from pairing p where p.program_id = :p and p.activated_at is not null""")
  @RegisterRowMapper(Activities.class)
  List<ImpactReport.Activity> pairingLives(@Bind("p") long programId);

  @SqlQuery("select state, count(*) from nudge where program_id = :p group by state")
  List<Count> nudgesByState(@Bind("p") long programId);

  // --- ParticipantsCsv ---

  @SqlQuery("""
      select pt.id, pe.display_name, pt.role, pt.grade, pt.department, pt.status, pt.enrolled_at,
             case when pt.focus_areas_shared_at is not null then pt.focus_areas_sealed end as shared_focus,
             latest.state, other.display_name as partner,
             (select count(*) from (select distinct c.pairing_id, c.window_start from check_in c
                join pairing p on p.id = c.pairing_id
                where (p.mentor_id = pt.id or p.mentee_id = pt.id) and c.answer = 'met') m) as meetings
      from participant pt join person pe on pe.id = pt.person_id
      left join lateral (select p.state, case when p.mentor_id = pt.id then p.mentee_id else p.mentor_id end as other_id
                         from pairing p where p.mentor_id = pt.id or p.mentee_id = pt.id
                         order by p.closed_at is null desc, p.id desc limit 1) latest on true
      left join participant o on o.id = latest.other_id
      left join person other on other.id = o.person_id
      where pt.program_id = :p
      order by pe.display_name, pt.id""")
  @RegisterRowMapper(Participants.class)
  List<Participant> participants(@Bind("p") long programId);

  final class Counts implements RowMapper<Count> {
    @Override
    public Count map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Count(rs.getString(1), rs.getInt(2));
    }
  }

  final class Enrolments implements RowMapper<Enrolment> {
    @Override
    public Enrolment map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Enrolment(rs.getString(1), ParticipantStatus.fromCode(rs.getString(2)), rs.getInt(3));
    }
  }

  final class Moments implements RowMapper<Instant> {
    @Override
    public Instant map(ResultSet rs, StatementContext ctx) throws SQLException {
      return rs.getTimestamp(1).toInstant();
    }
  }

  final class Activities implements RowMapper<ImpactReport.Activity> {
    @Override
    public ImpactReport.Activity map(ResultSet rs, StatementContext ctx) throws SQLException {
      List<Instant> met = new ArrayList<>();
      for (Object t : (Object[]) rs.getArray("met").getArray()) {
        met.add(((java.sql.Timestamp) t).toInstant());
      }
      return new ImpactReport.Activity(rs.getTimestamp("activated_at").toInstant(),
          rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(), met);
    }
  }

  final class Participants implements RowMapper<Participant> {
    @Override
    public Participant map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Participant(rs.getLong("id"), rs.getString("display_name"), rs.getString("role"),
          rs.getInt("grade"), rs.getString("department"), rs.getString("status"),
          LocalDate.ofInstant(rs.getTimestamp("enrolled_at").toInstant(), ZoneOffset.UTC), rs.getBytes("shared_focus"),
          rs.getString("state"), rs.getString("partner"), rs.getInt("meetings"));
    }
  }
}
