package org.rmbot.mentoring.participant;

import org.rmbot.mentoring.common.Coded;

public enum ParticipantStatus implements Coded {
  ACTIVE,
  PAUSED,
  LEFT;

  /** Read in many places, so it keeps this short form. */
  public static ParticipantStatus fromCode(String code) {
    return Coded.fromCode(ParticipantStatus.class, code);
  }
}
