package org.rmbot.mentoring.pairing;

/** Something that happens to a pairing: a side answers, or a coordinator steps in. */
public enum PairingEvent {
  MENTOR_ACCEPTS,
  MENTEE_ACCEPTS,
  DECLINE,
  PAUSE,
  RESUME,
  END,
  REMATCH
}
