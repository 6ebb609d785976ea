package org.rmbot.mentoring.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rmbot.mentoring.common.Coded;

/** The meeting and check_in tables. */
@RegisterRowMapper(MeetingsSql.MeetingMapper.class)
@RegisterRowMapper(MeetingsSql.CheckInMapper.class)
interface MeetingsSql {
  @SqlQuery("""
      insert into meeting (pairing_id, scheduled_at, recorded_by, status, created_at)
      values (:pairing, :at, :by, 'planned', :now)
      returning id, pairing_id, scheduled_at, recorded_by, status, created_at""")
  Meeting book(@Bind("pairing") long pairingId, @Bind("at") Instant scheduledAt, @Bind("by") long recordedBy,
      @Bind("now") Instant now);

  @SqlQuery("select id, pairing_id, scheduled_at, recorded_by, status, created_at from meeting where pairing_id = :p order by scheduled_at, id")
  List<Meeting> ofPairing(@Bind("p") long pairingId);

  @SqlUpdate("update meeting set status = :s where id = :id")
  void changeStatus(@Bind("id") long meetingId, @Bind("s") String status);

  /** Rows written: 0 when the same answer was already there for that window. */
  @SqlUpdate("""
      insert into check_in (pairing_id, person_id, window_start, answer, answered_at)
      values (:pairing, :person, :window, :answer, :now)
      on conflict (pairing_id, person_id, window_start) do update
          set answer = excluded.answer, answered_at = excluded.answered_at
          where check_in.answer <> excluded.answer""")
  int checkIn(@Bind("pairing") long pairingId, @Bind("person") long personId, @Bind("window") LocalDate windowStart,
      @Bind("answer") String answer, @Bind("now") Instant now);

  @SqlQuery("select pairing_id, person_id, window_start, answer, answered_at from check_in where pairing_id = :p order by window_start, person_id")
  List<CheckIn> checkInsOf(@Bind("p") long pairingId);

  final class MeetingMapper implements RowMapper<Meeting> {
    @Override
    public Meeting map(ResultSet rs, StatementContext ctx) throws SQLException {
      long by = rs.getLong("recorded_by");
      Long recordedBy = rs.wasNull() ? null : by;
      return new Meeting(rs.getLong("id"), rs.getLong("pairing_id"), rs.getTimestamp("scheduled_at").toInstant(),
          recordedBy, Coded.fromCode(MeetingStatus.class, rs.getString("status")), rs.getTimestamp("created_at").toInstant());
    }
  }

  final class CheckInMapper implements RowMapper<CheckIn> {
    @Override
    public CheckIn map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new CheckIn(
          rs.getLong("pairing_id"), rs.getLong("person_id"), rs.getObject("window_start", LocalDate.class),
          Coded.fromCode(CheckInAnswer.class, rs.getString("answer")), rs.getTimestamp("answered_at").toInstant());
    }
  }
}
