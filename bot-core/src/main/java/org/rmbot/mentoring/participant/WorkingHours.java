package org.rmbot.mentoring.participant;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/** When a person may be messaged, in their own time zone. */
public record WorkingHours(LocalTime start, LocalTime end, Set<DayOfWeek> days) {

  public WorkingHours {
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("working hours must start before they end: " + start + "-" + end);
    }
    if (days.isEmpty()) {
      throw new IllegalArgumentException("working hours need at least one working day");
    }
    days = Set.copyOf(days);
  }

  /** 09:00 to 17:00, Monday to Friday. */
  public static WorkingHours officeHours() {
    return new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0),
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
  }

  /** Parses {@code 09:00-17:00}. */
  public static WorkingHours parseRange(String range, Set<DayOfWeek> days) {
    String[] parts = range.trim().split("\\s*-\\s*");
    if (parts.length != 2) {
      throw new IllegalArgumentException("working hours must look like 09:00-17:00, got '" + range + "'");
    }
    try {
      return new WorkingHours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]), days);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("working hours must look like 09:00-17:00, got '" + range + "'");
    }
  }

  public boolean contains(DayOfWeek day, LocalTime time) {
    return days.contains(day) && !time.isBefore(start) && time.isBefore(end);
  }
}
