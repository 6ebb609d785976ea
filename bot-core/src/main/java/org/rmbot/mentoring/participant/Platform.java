package org.rmbot.mentoring.participant;

import java.util.Locale;

/** The chat platforms the bot speaks. */
public enum Platform {
  SLACK,
  TEAMS;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Platform fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }
}
