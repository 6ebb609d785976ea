package org.rmbot.mentoring.feedback;

import java.util.List;

/**
 * What happens later for a campaign, through the nudge schedule (implemented there, so it has its
 * guarantees): each invited person gets the invitation inside their working hours, once (a row
 * of the nudge ledger); at the closing time the campaign is released, once (a campaign milestone).
 */
public interface CampaignSchedule {
  void invite(Campaign campaign, List<Long> personIds);

  void closeAt(Campaign campaign);

  /** Invitations with ballot tokens for a campaign opened before them (its first ones carried none). */
  default void reinvite(Campaign campaign, List<Long> personIds) {
    invite(campaign, personIds);
  }

  /** For tests and tools that do not deliver anything. */
  CampaignSchedule NONE = new CampaignSchedule() {
    @Override
    public void invite(Campaign campaign, List<Long> personIds) {}

    @Override
    public void closeAt(Campaign campaign) {}
  };
}
