package org.rmbot.mentoring.participant;

import org.rmbot.mentoring.common.Coded;

/** A participant's side of a pairing. In a reverse program the mentor is the junior person. */
public enum Role implements Coded {
  MENTOR,
  MENTEE;

  /** Read in many places, so it keeps this short form. */
  public static Role fromCode(String code) {
    return Coded.fromCode(Role.class, code);
  }

  public Role other() {
    return this == MENTOR ? MENTEE : MENTOR;
  }
}
