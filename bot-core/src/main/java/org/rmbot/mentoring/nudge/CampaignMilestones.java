package org.rmbot.mentoring.nudge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The campaign milestones planned, waiting and done (table {@code campaign_milestone}). */
public interface CampaignMilestones {
  /** One milestone as stored: done once, at {@code doneAt} (null while it waits). */
  record Entry(long id, CampaignMilestone milestone, Instant doneAt, boolean switchedOff) {}

  /** Plans it unless the same step is planned already (planning twice is harmless); true if new. */
  boolean plan(CampaignMilestone milestone);

  /** When the earliest milestone not yet done is due. */
  Optional<Instant> nextDueAt();

  /** The program's milestones, by due time. */
  List<Entry> ofProgram(long programId);
}
