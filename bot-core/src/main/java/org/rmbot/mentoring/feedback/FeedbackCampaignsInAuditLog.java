package org.rmbot.mentoring.feedback;

import java.util.Locale;
import org.rmbot.mentoring.audit.AuditActor;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;

/**
 * A stand-in for {@link AnonymousFeedback} where campaigns do not matter (schedule and delivery
 * tests): opening one only records in the program's audit log that it was due.
 */
public final class FeedbackCampaignsInAuditLog implements FeedbackCampaigns {
  private final AuditLog audit;

  public FeedbackCampaignsInAuditLog(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public void open(long programId, Kind kind) {
    audit.record(AuditActor.Unnamed.NUDGE_SCHEDULE, "open feedback campaign", programId,
        AuditSubject.described("campaign:" + kind.name().toLowerCase(Locale.ROOT)));
  }
}
