package org.rmbot.mentoring.nudge;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.feedback.FeedbackCampaigns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does the campaign milestones that are due: opens a milestone's scheduled campaigns (unless the
 * program has switched feedback campaigns off by then) or closes a campaign at its closing time.
 *
 * <p>Each milestone is claimed, done and marked done in one transaction, so it is done exactly
 * once: a second worker skips a milestone another one holds ({@code SKIP LOCKED}) and never sees
 * it again once that one commits; a failure rolls the whole step back, to be tried on the next run.
 */
public final class OpeningAndClosingCampaigns {
  private static final Logger LOG = LoggerFactory.getLogger(OpeningAndClosingCampaigns.class);

  private final Jdbi jdbi;
  private final FeedbackCampaigns campaigns;
  private final NudgePolicies policies;
  private final Clock clock;

  public OpeningAndClosingCampaigns(Jdbi jdbi, FeedbackCampaigns campaigns, Clock clock) {
    this.jdbi = jdbi;
    this.campaigns = campaigns;
    this.policies = new NudgePolicies(jdbi);
    this.clock = clock;
  }

  /** Does every milestone due now, oldest first; returns how many it did. */
  public int runDue() {
    Instant now = clock.instant();
    // where this run has got to (due time, id): a milestone that failed is passed over until the next run
    Instant afterDue = Instant.EPOCH;
    long afterId = 0;
    int done = 0;
    while (true) {
      CampaignMilestones.Entry[] claimed = {null};
      Instant fromDue = afterDue;
      long fromId = afterId;
      try {
        boolean any = jdbi.inTransaction(h -> {
          CampaignMilestonesSql sql = h.attach(CampaignMilestonesSql.class);
          Optional<CampaignMilestones.Entry> due = sql.claimNext(now, fromDue, fromId);
          if (due.isEmpty()) {
            return false;
          }
          claimed[0] = due.get();
          boolean switchedOff = reach(due.get().milestone());
          sql.markDone(due.get().id(), now, switchedOff);
          return true;
        });
        if (!any) {
          return done;
        }
        done++;
      } catch (RuntimeException e) {
        if (claimed[0] == null) {
          throw e;
        }
        LOG.error("campaign milestone {} ({}): failed; tried again on the next run", claimed[0].id(),
            claimed[0].milestone(), e);
      }
      afterDue = claimed[0].milestone().dueAt();
      afterId = claimed[0].id();
    }
  }

  /** Does one milestone; true if it was an opening the program had switched off. */
  private boolean reach(CampaignMilestone milestone) {
    if (milestone instanceof CampaignMilestone.Close close) {
      // a campaign already open still closes when campaigns are switched off
      campaigns.closeDue(close.campaignId());
      return false;
    }
    CampaignMilestone.Open open = (CampaignMilestone.Open) milestone;
    if (!policies.of(open.programId()).opensCampaigns()) {
      return true;
    }
    campaigns.open(open.programId(), open.opens());
    return false;
  }
}
