package org.rmbot.mentoring.matching;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Someone's working hours as a daily window in UTC minutes. Offsets are taken on one fixed
 * reference date so the same input always scores the same (daylight saving would otherwise make
 * the score depend on when the matcher runs).
 */
record DailyWindow(int startMinuteUtc, int lengthMinutes) {
  static final LocalDate REFERENCE_DATE = LocalDate.of(2025, 1, 15);
  private static final int DAY = 24 * 60;

  static DailyWindow of(ZoneId zone, LocalTime start, LocalTime end) {
    int offset = ZonedDateTime.of(REFERENCE_DATE, start, zone).getOffset().getTotalSeconds() / 60;
    int startLocal = start.toSecondOfDay() / 60;
    int endLocal = end.toSecondOfDay() / 60;
    int length = endLocal > startLocal ? endLocal - startLocal : endLocal + DAY - startLocal;
    return new DailyWindow(Math.floorMod(startLocal - offset, DAY), length);
  }

  /** Minutes per day both are at work, counting windows that wrap past midnight UTC. */
  int overlapMinutes(DailyWindow other) {
    int total = 0;
    int end = startMinuteUtc + lengthMinutes;
    for (int shift = -DAY; shift <= DAY; shift += DAY) {
      int otherStart = other.startMinuteUtc + shift;
      int otherEnd = otherStart + other.lengthMinutes;
      total += Math.max(0, Math.min(end, otherEnd) - Math.max(startMinuteUtc, otherStart));
    }
    return Math.min(total, Math.min(lengthMinutes, other.lengthMinutes));
  }
}
