package org.rmbot.mentoring.meeting;

import java.util.Locale;

public enum MeetingStatus {
  PLANNED,
  HELD,
  MISSED,
  CANCELLED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MeetingStatus fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }
}
