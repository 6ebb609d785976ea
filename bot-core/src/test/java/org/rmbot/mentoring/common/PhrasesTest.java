package org.rmbot.mentoring.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shared phrases keep their exact English words now that they come from the catalogue. */
class PhrasesTest {
  @Test
  void durationsReadAsPeopleSayThem() {
    assertThat(Phrases.duration(Duration.ofDays(1))).isEqualTo("a day");
    assertThat(Phrases.duration(Duration.ofDays(3))).isEqualTo("3 days");
    assertThat(Phrases.duration(Duration.ofHours(1))).isEqualTo("an hour");
    assertThat(Phrases.duration(Duration.ofHours(2))).isEqualTo("2 hours");
    assertThat(Phrases.duration(Duration.ofMinutes(1))).isEqualTo("1 minute");
    assertThat(Phrases.duration(Duration.ofMinutes(30))).isEqualTo("30 minutes");
    assertThat(Phrases.duration(Duration.ofMinutes(90))).isEqualTo("1 hour 30 minutes");
    assertThat(Phrases.duration(Duration.ofMinutes(150))).isEqualTo("2 hours 30 minutes");
    assertThat(Phrases.duration(Duration.ofSeconds(20))).isEqualTo("a moment");
  }

  @Test
  void momentsAreInTheReadersOwnTimeOrSaidToBeUtc() {
    Instant at = Instant.parse("2026-02-21T05:30:00Z");
    assertThat(Phrases.moment(at, ZoneId.of("UTC"))).isEqualTo("Sat 21 Feb, 05:30 (your time)");
    assertThat(Phrases.moment(Instant.parse("2026-02-21T00:00:00Z"), ZoneId.of("UTC")))
        .isEqualTo("the end of Fri 20 Feb (your time)");
    assertThat(Phrases.moment(at, Optional.empty())).isEqualTo("Sat 21 Feb, 05:30 UTC");
    assertThat(Phrases.moment(at, Optional.of(ZoneId.of("Asia/Kolkata")))).isEqualTo("Sat 21 Feb, 11:00 (your time)");
  }

  @Test
  void daysAndHoursAreTheReadersAndDoNotDependOnTheMachinesLocaleOrZone() {
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    try {
      // every date the bot says is made here; the help-request list once followed the machine's locale
      Locale.setDefault(Locale.GERMANY);
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
      Instant at = Instant.parse("2026-03-31T22:30:00Z");
      assertThat(Phrases.dayWithYear(at, ZoneId.of("Europe/London"))).isEqualTo("Tue 31 Mar 2026");
      assertThat(Phrases.day(at, ZoneId.of("Europe/Berlin"))).isEqualTo("Wed 1 Apr");
      assertThat(Phrases.hour(at, ZoneId.of("America/Sao_Paulo"))).isEqualTo("19:30");
      assertThat(Phrases.dayWithYear(LocalDate.of(2026, 9, 7))).isEqualTo("Mon 7 Sep 2026");
      assertThat(Phrases.day(LocalDate.of(2026, 9, 7))).isEqualTo("Mon 7 Sep");
      assertThat(Phrases.weekLabel(LocalDate.of(2026, 12, 28))).isEqualTo("28 Dec");
      assertThat(Phrases.moment(at, ZoneId.of("Asia/Kolkata"))).isEqualTo("Wed 1 Apr, 04:00 (your time)");
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
  }
}
