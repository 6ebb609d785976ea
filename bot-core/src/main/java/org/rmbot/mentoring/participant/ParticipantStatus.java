package org.rmbot.mentoring.participant;

import java.util.Locale;

public enum ParticipantStatus {
  ACTIVE,
  PAUSED,
  LEFT;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ParticipantStatus fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }
}
