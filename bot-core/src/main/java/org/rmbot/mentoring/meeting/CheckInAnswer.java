package org.rmbot.mentoring.meeting;

import org.rmbot.mentoring.common.Coded;

/** The answer to "did you meet?". */
public enum CheckInAnswer implements Coded {
  MET,
  NOT_YET,
  RESCHEDULED;
}
