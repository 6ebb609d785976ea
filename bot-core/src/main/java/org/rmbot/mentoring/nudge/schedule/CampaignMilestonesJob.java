package org.rmbot.mentoring.nudge.schedule;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.rmbot.mentoring.nudge.OpeningAndClosingCampaigns;

/**
 * Quartz's handle on {@link OpeningAndClosingCampaigns}: opens and closes the campaigns that
 * are due. Runs on several instances at once are safe (each milestone is claimed with {@code
 * SKIP LOCKED} and done in the same transaction).
 */
public final class CampaignMilestonesJob implements Job {
  private final OpeningAndClosingCampaigns campaigns;

  CampaignMilestonesJob(OpeningAndClosingCampaigns campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void execute(JobExecutionContext context) {
    campaigns.runDue();
  }
}
