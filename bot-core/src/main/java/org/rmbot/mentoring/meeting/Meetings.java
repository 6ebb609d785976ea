package org.rmbot.mentoring.meeting;

import java.time.LocalDate;
import java.util.List;

/** Meetings pairs booked and their answers to "did you meet?". */
public interface Meetings {
  Meeting book(long pairingId, java.time.Instant scheduledAt, long recordedBy);

  List<Meeting> ofPairing(long pairingId);

  void changeStatus(long meetingId, MeetingStatus status);

  /**
   * Records a check-in answer. Answering again in the same window replaces the earlier
   * answer, so a retried button click changes nothing. Returns true if anything changed.
   */
  boolean checkIn(long pairingId, long personId, LocalDate windowStart, CheckInAnswer answer);

  List<CheckIn> checkInsOf(long pairingId);
}
