package org.rmbot.mentoring.nudge;

import java.util.ArrayList;
import java.util.List;
import org.rmbot.mentoring.feedback.Campaign;
import org.rmbot.mentoring.feedback.CampaignSchedule;

/**
 * A campaign's later steps as ledger rows: one invitation per person (delivered inside their
 * working hours, skipped once the campaign stops collecting), and the release at the closing
 * time. Keys make opening twice harmless.
 */
public final class LedgerCampaignSchedule implements CampaignSchedule {
  private final NudgeLedger ledger;

  public LedgerCampaignSchedule(NudgeLedger ledger) {
    this.ledger = ledger;
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
    ledger.plan(List.of(new PlannedNudge(campaign.programId(), null, null, Audience.PROGRAM, NudgeKind.FEEDBACK_CAMPAIGN,
        new WindowRef.CampaignClose(campaign.id()), campaign.closesAt(), null)));
  }
}
