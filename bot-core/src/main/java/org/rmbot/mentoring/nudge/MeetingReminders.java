package org.rmbot.mentoring.nudge;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.rmbot.mentoring.participant.Person;

/**
 * When each reminder of a meeting reaches one person. A reminder a day or more ahead that falls
 * outside their working days moves earlier, to the same time on their last working day before
 * it (never later, where it would arrive with the short one). A short reminder ("an hour
 * before") is only any use at its time: it goes then, or, if that is outside the person's
 * hours, not at all, and the ledger row says why ({@code outside_working_hours}).
 */
final class MeetingReminders {
  /** How late a short reminder may still go out (a rate limit, a slow pass); later it is skipped. */
  static final Duration SHORT_REMINDER_GRACE = Duration.ofMinutes(15);
  private static final int DAYS_BACK = 14;

  private MeetingReminders() {}

  /** When the reminder is due and when it stops being any use. */
  record Timing(Instant due, Instant expires) {}

  static boolean isShort(Duration lead) {
    return lead.compareTo(Duration.ofDays(1)) < 0;
  }

  static Timing of(Person person, Instant meeting, Duration lead) {
    Instant raw = meeting.minus(lead);
    if (isShort(lead)) {
      Instant expires = raw.plus(SHORT_REMINDER_GRACE);
      return new Timing(raw, expires.isAfter(meeting) ? meeting : expires);
    }
    ZonedDateTime local = raw.atZone(person.timeZone());
    for (int days = 0; days <= DAYS_BACK; days++) {
      Instant candidate = local.minusDays(days).toInstant();
      if (WorkingTime.isWorking(person, candidate)) {
        return new Timing(candidate, meeting);
      }
    }
    // the time of day is outside their hours on every day: the last working minute before it
    return new Timing(WorkingTime.previous(person, raw), meeting);
  }
}
