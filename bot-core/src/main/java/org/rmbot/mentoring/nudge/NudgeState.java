package org.rmbot.mentoring.nudge;

import java.util.Locale;

/**
 * Where a nudge is in its life. Planned and failed-retrying rows wait for their next attempt;
 * sending rows are leased by one worker; sent, skipped, dead and cancelled are final.
 */
public enum NudgeState {
  PLANNED,
  SENDING,
  SENT,
  /** Its condition no longer held at dispatch (they already booked, they met, it expired...). */
  SKIPPED,
  FAILED_RETRYING,
  /** Gave up: a permanent platform error, or too many attempts. Coordinators can list these. */
  DEAD,
  /** The pairing or the person's participation ended before it went out. */
  CANCELLED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static NudgeState fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }

  public boolean isFinal() {
    return this == SENT || this == SKIPPED || this == DEAD || this == CANCELLED;
  }
}
