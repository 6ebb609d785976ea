package org.rmbot.mentoring.feedback;

import java.util.Locale;
import org.rmbot.mentoring.participant.Role;

/** Who a campaign asks: the program's mentors, its mentees, or all its participants. */
public enum CampaignAudience {
  MENTORS,
  MENTEES,
  EVERYONE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CampaignAudience fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }

  public boolean includes(Role role) {
    return this == EVERYONE || (this == MENTORS) == (role == Role.MENTOR);
  }
}
