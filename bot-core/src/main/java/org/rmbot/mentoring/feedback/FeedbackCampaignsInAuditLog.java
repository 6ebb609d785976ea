package org.rmbot.mentoring.feedback;

import java.util.Locale;
import org.rmbot.mentoring.audit.AuditLog;

/**
 * Until the feedback feature exists, opening a campaign only records that it was due and opened
 * in the program's audit log, so coordinators can see the schedule worked.
 */
public final class FeedbackCampaignsInAuditLog implements FeedbackCampaigns {
  private final AuditLog audit;

  public FeedbackCampaignsInAuditLog(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public void open(long programId, Kind kind) {
    audit.record(null, "nudge schedule", "open feedback campaign", programId,
        "campaign:" + kind.name().toLowerCase(Locale.ROOT));
  }
}
