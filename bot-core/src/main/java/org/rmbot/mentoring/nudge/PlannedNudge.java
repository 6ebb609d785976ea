package org.rmbot.mentoring.nudge;

import java.time.Instant;

/**
 * A nudge the planner wants in the ledger. Its key is made of the scope (pairing or program),
 * the kind, the recipient and the window, so planning it again finds the same row.
 */
public record PlannedNudge(
    long programId,
    Long pairingId,
    Long recipientPersonId,
    Audience audience,
    NudgeKind kind,
    String windowRef,
    Instant dueAt,
    Instant expiresAt) {

  public PlannedNudge(long programId, Long pairingId, Long recipientPersonId, Audience audience, NudgeKind kind,
      WindowRef window, Instant dueAt, Instant expiresAt) {
    this(programId, pairingId, recipientPersonId, audience, kind, window.format(), dueAt, expiresAt);
  }

  public PlannedNudge {
    if ((audience == Audience.PERSON) != (recipientPersonId != null)) {
      throw new IllegalArgumentException("a person nudge names its recipient, and only a person nudge does");
    }
    if (audience == Audience.PAIR && pairingId == null) {
      throw new IllegalArgumentException("a pair nudge needs its pairing");
    }
  }

  public String idempotencyKey() {
    StringBuilder key = new StringBuilder(kind.code());
    key.append(pairingId != null ? "/pairing:" + pairingId : "/program:" + programId);
    key.append(recipientPersonId != null ? "/person:" + recipientPersonId : "/" + audience.code());
    return key.append('/').append(windowRef).toString();
  }
}
