package org.rmbot.mentoring.nudge;

import java.time.Instant;
import org.rmbot.mentoring.feedback.FeedbackCampaigns;

/**
 * A step of a program's feedback campaigns at a set time. It sends nothing, so it is scheduled
 * work of its own ({@link OpeningAndClosingCampaigns}), not a row of the nudge ledger.
 */
public sealed interface CampaignMilestone {
  long programId();

  Instant dueAt();

  /** A program milestone (kickoff, midpoint, closing) opens the program's scheduled campaigns. */
  record Open(long programId, FeedbackCampaigns.Kind opens, Instant dueAt) implements CampaignMilestone {}

  /** A campaign's closing time: its answers are released. */
  record Close(long programId, long campaignId, Instant dueAt) implements CampaignMilestone {}
}
