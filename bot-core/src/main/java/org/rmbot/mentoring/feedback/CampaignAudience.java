package org.rmbot.mentoring.feedback;

import org.rmbot.mentoring.common.Coded;
import org.rmbot.mentoring.participant.Role;

/** Who a campaign asks: the program's mentors, its mentees, or all its participants. */
public enum CampaignAudience implements Coded {
  MENTORS,
  MENTEES,
  EVERYONE;

  public boolean includes(Role role) {
    return this == EVERYONE || (this == MENTORS) == (role == Role.MENTOR);
  }
}
