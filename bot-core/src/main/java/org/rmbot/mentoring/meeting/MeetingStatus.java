package org.rmbot.mentoring.meeting;

import org.rmbot.mentoring.common.Coded;

public enum MeetingStatus implements Coded {
  PLANNED,
  HELD,
  MISSED,
  CANCELLED;
}
