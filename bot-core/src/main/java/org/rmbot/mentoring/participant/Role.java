package org.rmbot.mentoring.participant;

import java.util.Locale;

/** A participant's side of a pairing. In a reverse program the mentor is the junior person. */
public enum Role {
  MENTOR,
  MENTEE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }

  public Role other() {
    return this == MENTOR ? MENTEE : MENTOR;
  }
}
