package org.rmbot.mentoring.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.WorkingHours;

class WorkingTimeTest {
  private static Person in(String zone) {
    return new Person(1, "a@example.com", "A", ZoneId.of(zone), WorkingHours.officeHours());
  }

  @Test
  void threeInTheMorningMovesToNineTheSameDayAndFridayEveningToMonday() {
    Person tokyo = in("Asia/Tokyo");
    // Tuesday 03:00 in Tokyo
    assertThat(WorkingTime.next(tokyo, Instant.parse("2026-01-05T18:00:00Z"))).isEqualTo("2026-01-06T00:00:00Z");
    // Friday 18:00 in Tokyo -> Monday 09:00
    assertThat(WorkingTime.next(tokyo, Instant.parse("2026-01-09T09:00:00Z"))).isEqualTo("2026-01-12T00:00:00Z");
    Instant inside = Instant.parse("2026-01-06T03:00:00Z");
    assertThat(WorkingTime.next(tokyo, inside)).isEqualTo(inside);
  }

  @Test
  void followsDaylightSavingAndOddWorkingWeeks() {
    Person newYork = in("America/New_York");
    // Sunday 8 March 2026, the day clocks go forward: next is Monday 09:00 EDT = 13:00 UTC
    assertThat(WorkingTime.next(newYork, Instant.parse("2026-03-08T12:00:00Z"))).isEqualTo("2026-03-09T13:00:00Z");
    Person sundayToThursday = new Person(2, "b@example.com", "B", ZoneId.of("Asia/Dubai"),
        new WorkingHours(LocalTime.of(8, 0), LocalTime.of(16, 0),
            EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)));
    // Friday noon in Dubai -> Sunday 08:00 (04:00 UTC)
    assertThat(WorkingTime.next(sundayToThursday, Instant.parse("2026-01-09T08:00:00Z"))).isEqualTo("2026-01-11T04:00:00Z");
  }

  @Test
  void previousFindsTheLastWorkingMinuteBefore() {
    Person london = in("Europe/London");
    // Monday 07:00 -> Friday 16:59
    assertThat(WorkingTime.previous(london, Instant.parse("2026-01-12T07:00:00Z"))).isEqualTo("2026-01-09T16:59:00Z");
  }

  @Test
  void commonHoursOfTwoZonesOrNoneAtAll() {
    assertThat(WorkingTime.nextCommon(List.of(in("Europe/London"), in("America/New_York")),
        Instant.parse("2026-01-05T08:00:00Z"))).contains(Instant.parse("2026-01-05T14:00:00Z"));
    assertThat(WorkingTime.nextCommon(List.of(in("America/Los_Angeles"), in("Asia/Kolkata")),
        Instant.parse("2026-01-05T08:00:00Z"))).isEmpty();
  }
}
