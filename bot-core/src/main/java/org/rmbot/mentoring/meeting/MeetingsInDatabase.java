package org.rmbot.mentoring.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

public final class MeetingsInDatabase implements Meetings {
  private final Jdbi jdbi;
  private final Clock clock;

  public MeetingsInDatabase(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public Meeting book(long pairingId, Instant scheduledAt, long recordedBy) {
    return jdbi.withHandle(h -> h.createQuery(
                """
                insert into meeting (pairing_id, scheduled_at, recorded_by, status, created_at)
                values (:pairing, :at, :by, 'planned', :now)
                returning id, pairing_id, scheduled_at, recorded_by, status, created_at""")
            .bind("pairing", pairingId)
            .bind("at", scheduledAt)
            .bind("by", recordedBy)
            .bind("now", clock.instant())
            .map(MeetingsInDatabase::map)
            .one());
  }

  @Override
  public List<Meeting> ofPairing(long pairingId) {
    return jdbi.withHandle(h -> h.createQuery(
            "select id, pairing_id, scheduled_at, recorded_by, status, created_at from meeting where pairing_id = :p order by scheduled_at, id")
        .bind("p", pairingId).map(MeetingsInDatabase::map).list());
  }

  @Override
  public void changeStatus(long meetingId, MeetingStatus status) {
    jdbi.useHandle(h -> h.createUpdate("update meeting set status = :s where id = :id")
        .bind("s", status.code()).bind("id", meetingId).execute());
  }

  @Override
  public boolean checkIn(long pairingId, long personId, LocalDate windowStart, CheckInAnswer answer) {
    return jdbi.withHandle(h -> h.createUpdate(
                """
                insert into check_in (pairing_id, person_id, window_start, answer, answered_at)
                values (:pairing, :person, :window, :answer, :now)
                on conflict (pairing_id, person_id, window_start) do update
                    set answer = excluded.answer, answered_at = excluded.answered_at
                    where check_in.answer <> excluded.answer""")
            .bind("pairing", pairingId)
            .bind("person", personId)
            .bind("window", windowStart)
            .bind("answer", answer.code())
            .bind("now", clock.instant())
            .execute()) > 0;
  }

  @Override
  public List<CheckIn> checkInsOf(long pairingId) {
    return jdbi.withHandle(h -> h.createQuery(
            "select pairing_id, person_id, window_start, answer, answered_at from check_in where pairing_id = :p order by window_start, person_id")
        .bind("p", pairingId)
        .map((rs, ctx) -> new CheckIn(
            rs.getLong("pairing_id"), rs.getLong("person_id"), rs.getObject("window_start", LocalDate.class),
            CheckInAnswer.fromCode(rs.getString("answer")), rs.getTimestamp("answered_at").toInstant()))
        .list());
  }

  private static Meeting map(ResultSet rs, StatementContext ctx) throws SQLException {
    long by = rs.getLong("recorded_by");
    Long recordedBy = rs.wasNull() ? null : by;
    return new Meeting(rs.getLong("id"), rs.getLong("pairing_id"), rs.getTimestamp("scheduled_at").toInstant(),
        recordedBy, MeetingStatus.fromCode(rs.getString("status")), rs.getTimestamp("created_at").toInstant());
  }
}
