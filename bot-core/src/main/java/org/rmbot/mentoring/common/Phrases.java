package org.rmbot.mentoring.common;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * Words the bot uses everywhere, each built in one place so that everyone is told the same
 * thing the same way: counts with their plurals, lengths of time, and moments, which are
 * instants shown in the reader's own zone.
 */
public final class Phrases {
  private static final Catalogue WORDS = Catalogue.english();

  private Phrases() {}

  /** "1 pair", "2 pairs", "0 pairs". */
  public static String plural(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** "an hour", "2 hours", "30 minutes", "1 hour 30 minutes", "a day", "3 days". */
  public static String duration(Duration d) {
    long minutes = d.toMinutes();
    if (minutes % (24 * 60) == 0 && minutes > 0) {
      long days = minutes / (24 * 60);
      return WORDS.phrase("common.duration.days", "days", days);
    }
    long hours = minutes / 60;
    long rest = minutes % 60;
    String m = rest == 0 ? "" : WORDS.phrase("common.duration.minutes", "minutes", rest);
    if (hours == 0) {
      return m.isEmpty() ? WORDS.phrase("common.duration.a_moment") : m;
    }
    return m.isEmpty() ? WORDS.phrase("common.duration.hours", "hours", hours)
        : WORDS.phrase("common.duration.hours_and_minutes", "hours", hours, "minutes", m);
  }

  /**
   * A moment as the reader in {@code zone} reads it: "Sat 21 Feb, 05:30 (your time)", or, when
   * it falls at midnight there, "the end of Fri 20 Feb (your time)". A deadline at the end of a
   * day in one zone is one instant; everyone sees that instant in their own time.
   */
  public static String moment(Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      return WORDS.phrase("common.moment.end_of_day", "day", day(local.toLocalDate().minusDays(1)));
    }
    return WORDS.phrase("common.moment.your_time", "moment", dayAndTime(at, zone));
  }

  /**
   * As {@link #moment(Instant, ZoneId)} when the reader's zone is known; otherwise the instant in
   * UTC, said as such ("Sat 21 Feb, 00:00 UTC"), since "your time" would not be true. The
   * anonymous paths know nothing of the person, not even where they are.
   */
  public static String moment(Instant at, java.util.Optional<ZoneId> zone) {
    return zone.map(z -> moment(at, z)).orElseGet(() -> WORDS.phrase("common.moment.utc",
        "moment", dayAndTime(at, java.time.ZoneOffset.UTC)));
  }

  /** A day as the reader in {@code zone} reads it: "Fri 20 Feb". */
  public static String day(Instant at, ZoneId zone) {
    return WORDS.phrase("common.date.day", "day", inZone(at, zone));
  }

  /** A calendar day, as the same words everywhere: "Tue 31 Mar". */
  public static String day(LocalDate day) {
    return WORDS.phrase("common.date.day", "day", onDay(day));
  }

  /** A calendar day with its year: "Tue 31 Mar 2026". */
  public static String dayWithYear(LocalDate day) {
    return WORDS.phrase("common.date.day_with_year", "day", onDay(day));
  }

  /** The day with its year as the reader in {@code zone} reads it: "Tue 31 Mar 2026". */
  public static String dayWithYear(Instant at, ZoneId zone) {
    return WORDS.phrase("common.date.day_with_year", "day", inZone(at, zone));
  }

  /** The hour of a moment in the reader's zone: "14:30". */
  public static String hour(Instant at, ZoneId zone) {
    return WORDS.phrase("common.date.hour", "moment", inZone(at, zone));
  }

  /** A short label for the week starting on {@code day}, as the report's chart shows it: "31 Mar". */
  public static String weekLabel(LocalDate day) {
    return WORDS.phrase("common.date.week_label", "day", onDay(day));
  }

  private static String dayAndTime(Instant at, ZoneId zone) {
    return WORDS.phrase("common.date.day_and_time", "moment", inZone(at, zone));
  }

  /**
   * A moment as ICU's message formats take dates: a calendar in the reader's zone (a bare Date
   * would be shown in the machine's zone).
   */
  public static Calendar inZone(Instant at, ZoneId zone) {
    Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone(zone.getId()), WORDS.locale());
    calendar.setTimeInMillis(at.toEpochMilli());
    return calendar;
  }

  private static Calendar onDay(LocalDate day) {
    return inZone(day.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
  }
}
