package org.rmbot.mentoring.program;

/** Who mentors whom: in reverse mentoring the junior person is the mentor. */
public enum Direction {
  REVERSE,
  TRADITIONAL,
  RECIPROCAL;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Direction fromCode(String code) {
    return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
  }
}
