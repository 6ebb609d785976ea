package org.rmbot.mentoring.program;

import org.rmbot.mentoring.common.Coded;

/** Who mentors whom: in reverse mentoring the junior person is the mentor. */
public enum Direction implements Coded {
  REVERSE,
  TRADITIONAL,
  RECIPROCAL;
}
