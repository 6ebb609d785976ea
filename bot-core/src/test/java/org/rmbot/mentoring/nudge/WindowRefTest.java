package org.rmbot.mentoring.nudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowRefTest {

  @ParameterizedTest
  @ValueSource(strings = {"window:2026-03-24", "meeting:12@1774360800/PT1H", "meeting:12@1774360800/PT24H",
      "help:7", "help:7:still-open", "campaign:3", "campaign:3:tokens", "pool:0:full", "pool:41:rules",
      "at:2026-03-24T10:15:00Z", "activation", "proposal", "withdrawn", "ended", "kickoff", "midpoint", "closing"})
  void every_stored_form_reads_back_as_it_was_written(String stored) {
    assertThat(WindowRef.parse(stored).format()).isEqualTo(stored);
  }

  @Test
  void each_form_reads_as_its_parts() {
    assertThat(WindowRef.parse("window:2026-03-24")).isEqualTo(new WindowRef.CadenceWindow(LocalDate.parse("2026-03-24")));
    assertThat(WindowRef.parse("meeting:12@1774360800/PT1H"))
        .isEqualTo(new WindowRef.MeetingReminder(12, 1774360800L, Duration.ofHours(1)));
    assertThat(WindowRef.parse("help:7:still-open")).isEqualTo(new WindowRef.HelpRequest(7, true));
    assertThat(WindowRef.parse("campaign:3:tokens")).isEqualTo(new WindowRef.CampaignInvitation(3, true));
    assertThat(WindowRef.parse("pool:41:full")).isEqualTo(new WindowRef.Pool(41, true));
    assertThat(WindowRef.parse("at:2026-03-24T10:15:00Z")).isEqualTo(new WindowRef.At(Instant.parse("2026-03-24T10:15:00Z")));
    assertThat(WindowRef.parse("ended")).isEqualTo(WindowRef.Named.ENDED);
  }

  @Test
  void an_unknown_prefix_is_refused() {
    assertThatThrownBy(() -> WindowRef.parse("later:1")).isInstanceOf(IllegalArgumentException.class);
  }
}
