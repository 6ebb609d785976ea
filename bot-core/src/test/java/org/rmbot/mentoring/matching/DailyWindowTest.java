package org.rmbot.mentoring.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DailyWindowTest {
  private static DailyWindow window(String zone, int from, int to) {
    return DailyWindow.of(ZoneId.of(zone), LocalTime.of(from, 0), LocalTime.of(to, 0));
  }

  @Test
  void londonAndNewYorkShareThreeHoursOnTheWinterReferenceDate() {
    // 2025-01-15: London is UTC+0, New York UTC-5 (standard time, whatever today's date is).
    assertThat(window("Europe/London", 9, 17).overlapMinutes(window("America/New_York", 9, 17)))
        .isEqualTo(180);
  }

  @Test
  void countsOverlapAcrossMidnightUtcAndAcrossTheDateLine() {
    // Tokyo 09-18 is 00-09 UTC; Los Angeles 16-24 is 00-08 UTC of the next day.
    assertThat(window("Asia/Tokyo", 9, 18).overlapMinutes(window("America/Los_Angeles", 16, 0)))
        .isEqualTo(8 * 60);
  }

  @Test
  void treatsAnEndBeforeTheStartAsANightShift() {
    DailyWindow night = window("UTC", 22, 6);
    assertThat(night.lengthMinutes()).isEqualTo(8 * 60);
    assertThat(night.overlapMinutes(window("UTC", 5, 13))).isEqualTo(60);
    assertThat(window("UTC", 5, 13).overlapMinutes(night)).isEqualTo(60);
  }

  @Test
  void findsNoOverlapBetweenDisjointDays() {
    assertThat(window("Australia/Sydney", 9, 17).overlapMinutes(window("Europe/London", 9, 17)))
        .isZero();
  }
}
