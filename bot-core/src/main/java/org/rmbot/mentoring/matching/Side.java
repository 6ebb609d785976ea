package org.rmbot.mentoring.matching;

/** Which role a participant takes in a pair. In reverse mentoring the mentor is the junior. */
public enum Side {
  MENTOR,
  MENTEE
}
