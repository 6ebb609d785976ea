package org.rmbot.mentoring.participant;

import org.rmbot.mentoring.common.Coded;

/** The chat platforms the bot speaks. */
public enum Platform implements Coded {
  SLACK,
  TEAMS;

  /** Read in many places, so it keeps this short form. */
  public static Platform fromCode(String code) {
    return Coded.fromCode(Platform.class, code);
  }
}
