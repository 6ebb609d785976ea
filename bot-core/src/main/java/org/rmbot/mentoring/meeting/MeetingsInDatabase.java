package org.rmbot.mentoring.meeting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The meetings and check-ins kept in the database, through {@link MeetingsSql}. */
public final class MeetingsInDatabase implements Meetings {
  private final MeetingsSql sql;
  private final Clock clock;

  public MeetingsInDatabase(Jdbi jdbi, Clock clock) {
    this.sql = jdbi.onDemand(MeetingsSql.class);
    this.clock = clock;
  }

  @Override
  public Meeting book(long pairingId, Instant scheduledAt, long recordedBy) {
    return sql.book(pairingId, scheduledAt, recordedBy, clock.instant());
  }

  @Override
  public List<Meeting> ofPairing(long pairingId) {
    return sql.ofPairing(pairingId);
  }

  @Override
  public void changeStatus(long meetingId, MeetingStatus status) {
    sql.changeStatus(meetingId, status.code());
  }

  @Override
  public boolean checkIn(long pairingId, long personId, LocalDate windowStart, CheckInAnswer answer) {
    return sql.checkIn(pairingId, personId, windowStart, answer.code(), clock.instant()) > 0;
  }

  @Override
  public List<CheckIn> checkInsOf(long pairingId) {
    return sql.checkInsOf(pairingId);
  }
}
