package org.rmbot.mentoring.meeting;

import java.util.Locale;

/** The answer to "did you meet?". */
public enum CheckInAnswer {
  MET,
  NOT_YET,
  RESCHEDULED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CheckInAnswer fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }
}
