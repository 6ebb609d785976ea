package org.rmbot.mentoring.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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
}
