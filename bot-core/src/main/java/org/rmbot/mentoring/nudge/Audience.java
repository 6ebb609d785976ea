package org.rmbot.mentoring.nudge;

import java.util.Locale;

/** Who a nudge goes to: one person directly, the pair in a group conversation, or nobody (a program-level entry). */
public enum Audience {
  PERSON,
  PAIR,
  PROGRAM;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Audience fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }
}
