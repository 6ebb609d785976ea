package org.rmbot.mentoring.feedback;

import java.time.ZoneId;
import java.util.Optional;
import org.rmbot.mentoring.chat.ChatMessage;

/**
 * The feedback campaigns as the nudge schedule sees them: it opens the program's campaigns at
 * its start (the self-assessment before), midpoint (feedback) and close (feedback and the
 * self-assessment after), releases each campaign when its closing time comes, and asks for the
 * invitation it delivers to each person.
 */
public interface FeedbackCampaigns {

  enum Kind {
    KICKOFF,
    MIDPOINT,
    CLOSING
  }

  void open(long programId, Kind kind);

  /** The campaign's closing time has come: its answers are released for results (or discarded below k). */
  default void closeDue(long campaignId) {}

  /**
   * The invitation to one person, dates in their zone, with a fresh ballot token for their role;
   * empty once the campaign no longer collects answers.
   */
  default Optional<ChatMessage> invitation(long campaignId, long personId, ZoneId zone) {
    return Optional.empty();
  }

  /**
   * Delivery is sending an invitation again after an attempt that may have reached the person
   * (no platform lookup could tell): they may hold two tokens, which the results say.
   */
  default void invitationResent(long campaignId) {}
}
