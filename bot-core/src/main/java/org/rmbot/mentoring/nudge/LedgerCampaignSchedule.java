package org.rmbot.mentoring.nudge;

import java.util.ArrayList;
import java.util.List;
import org.rmbot.mentoring.feedback.Campaign;
import org.rmbot.mentoring.feedback.CampaignSchedule;

/**
 * A campaign's later steps: one invitation per person as a ledger row (delivered inside their
 * working hours, skipped once the campaign stops collecting), and the release at the closing
 * time as a {@link CampaignMilestone} (it sends nothing). Keys make opening twice harmless.
 */
public final class LedgerCampaignSchedule implements CampaignSchedule {
  private final NudgeLedger ledger;
  private final CampaignMilestones milestones;

  public LedgerCampaignSchedule(NudgeLedger ledger, CampaignMilestones milestones) {
    this.ledger = ledger;
    this.milestones = milestones;
  }

  @Override
  public void invite(Campaign campaign, List<Long> personIds) {
    List<PlannedNudge> rows = new ArrayList<>();
    for (long person : personIds) {
      rows.add(new PlannedNudge(campaign.programId(), null, person, Audience.PERSON, NudgeKind.FEEDBACK_INVITATION,
          new WindowRef.CampaignInvitation(campaign.id(), false), campaign.openedAt(), campaign.closesAt()));
    }
    ledger.plan(rows);
  }

  @Override
  public void reinvite(Campaign campaign, List<Long> personIds) {
    List<PlannedNudge> rows = new ArrayList<>();
    for (long person : personIds) {
      rows.add(new PlannedNudge(campaign.programId(), null, person, Audience.PERSON, NudgeKind.FEEDBACK_INVITATION,
          new WindowRef.CampaignInvitation(campaign.id(), true), campaign.openedAt(), campaign.closesAt()));
    }
    ledger.plan(rows);
  }

  @Override
  public void closeAt(Campaign campaign) {
    milestones.plan(new CampaignMilestone.Close(campaign.programId(), campaign.id(), campaign.closesAt()));
  }
}
