package org.rmbot.mentoring.feedback;

import java.time.Instant;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * One round of anonymous feedback (or of a self-assessment survey) in a program.
 *
 * @param origin what opened it: {@code kickoff}, {@code midpoint} or {@code closing} (the nudge
 *     schedule, once each) or {@code manual} (a coordinator)
 * @param form the form as it was when the campaign opened
 * @param threshold k: results are shown only for groups of at least k answers
 * @param closedAt when a coordinator closed it early, or when it was released; null before
 * @param released whether its answers were written out for results (or discarded, below k)
 * @param responses how many people have answered (counted even when fewer than k were discarded),
 *     those still waiting to be mixed included
 * @param lost answers lost before they were mixed, because the mixer's key went with a restart
 * @param resent invitations delivered again after an attempt that may have reached the person:
 *     up to this many people may have had two invitations, so two answers
 */
public record Campaign(
    long id,
    long programId,
    Purpose purpose,
    String origin,
    CampaignAudience audience,
    FeedbackForm form,
    int threshold,
    Instant openedAt,
    Instant closesAt,
    Instant closedAt,
    boolean released,
    int responses,
    int invited,
    int lost,
    int resent) {

  /** A campaign with nothing lost and no invitation sent twice. */
  public Campaign(long id, long programId, Purpose purpose, String origin, CampaignAudience audience, FeedbackForm form,
      int threshold, Instant openedAt, Instant closesAt, Instant closedAt, boolean released, int responses, int invited) {
    this(id, programId, purpose, origin, audience, form, threshold, openedAt, closesAt, closedAt, released, responses, invited,
        0, 0);
  }

  /** Whether answers are still taken at {@code now}. */
  public boolean collecting(Instant now) {
    return !released && closedAt == null && now.isBefore(closesAt);
  }

  /** Whom its figures cover, in words, as AnonymousFeedback chose them: "everyone in a pair when it opened". */
  public String covers() {
    return Catalogue.english().phrase("feedback.covers", "audience", audience.code(), "purpose", purpose.code());
  }
}
