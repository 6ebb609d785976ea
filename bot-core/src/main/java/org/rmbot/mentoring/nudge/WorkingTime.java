package org.rmbot.mentoring.nudge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.WorkingHours;

/**
 * Moves instants into people's working hours, each in their own IANA zone. Nudges are never
 * sent outside them: one due at 3 a.m. local time goes at the start of the next working day.
 */
public final class WorkingTime {
  /** Working days repeat weekly, so two weeks of search always finds one if there is one. */
  private static final int DAYS_TO_SEARCH = 15;

  private WorkingTime() {}

  public static boolean isWorking(Person person, Instant at) {
    ZonedDateTime local = at.atZone(person.timeZone());
    return person.workingHours().contains(local.getDayOfWeek(), local.toLocalTime());
  }

  /** {@code at} itself if it is inside the person's working hours, else the start of the next working window. */
  public static Instant next(Person person, Instant at) {
    return next(person.timeZone(), person.workingHours(), at);
  }

  static Instant next(ZoneId zone, WorkingHours hours, Instant at) {
    ZonedDateTime local = at.atZone(zone);
    if (hours.contains(local.getDayOfWeek(), local.toLocalTime())) {
      return at;
    }
    LocalDate day = local.toLocalDate();
    if (!local.toLocalTime().isBefore(hours.start())) {
      day = day.plusDays(1);
    }
    for (int i = 0; i < DAYS_TO_SEARCH; i++, day = day.plusDays(1)) {
      if (hours.days().contains(day.getDayOfWeek())) {
        Instant start = ZonedDateTime.of(day, hours.start(), zone).toInstant();
        // a daylight-saving gap can shift the start; never go backwards
        return start.isBefore(at) ? at : start;
      }
    }
    throw new IllegalStateException("working hours without a working day: " + hours);
  }

  /**
   * {@code at} itself if it is inside the person's working hours, else the last working minute
   * before it. Used for reminders, which are no use after the meeting they announce.
   */
  public static Instant previous(Person person, Instant at) {
    ZoneId zone = person.timeZone();
    WorkingHours hours = person.workingHours();
    ZonedDateTime local = at.atZone(zone);
    if (hours.contains(local.getDayOfWeek(), local.toLocalTime())) {
      return at;
    }
    LocalDate day = local.toLocalDate();
    if (local.toLocalTime().isBefore(hours.end())) {
      day = day.minusDays(1);
    }
    LocalTime lastMinute = hours.end().minusMinutes(1);
    for (int i = 0; i < DAYS_TO_SEARCH; i++, day = day.minusDays(1)) {
      if (hours.days().contains(day.getDayOfWeek())) {
        Instant last = ZonedDateTime.of(day, lastMinute.isBefore(hours.start()) ? hours.start() : lastMinute, zone).toInstant();
        return last.isAfter(at) ? at : last;
      }
    }
    throw new IllegalStateException("working hours without a working day: " + hours);
  }

  /**
   * The first instant at or after {@code at} that is inside everyone's working hours, if their
   * hours overlap at all within two weeks.
   */
  public static Optional<Instant> nextCommon(List<Person> people, Instant at) {
    Instant candidate = at;
    Instant limit = at.plus(java.time.Duration.ofDays(DAYS_TO_SEARCH));
    while (candidate.isBefore(limit)) {
      Instant moved = candidate;
      for (Person person : people) {
        moved = next(person, moved);
      }
      if (moved.equals(candidate)) {
        return Optional.of(candidate);
      }
      candidate = moved;
    }
    return Optional.empty();
  }

  public static boolean isWorkingForAll(List<Person> people, Instant at) {
    return people.stream().allMatch(p -> isWorking(p, at));
  }
}
