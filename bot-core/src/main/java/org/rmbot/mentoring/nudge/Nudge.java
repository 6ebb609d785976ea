package org.rmbot.mentoring.nudge;

import java.time.Instant;

/** One row of the nudge ledger. */
public record Nudge(
    long id,
    String idempotencyKey,
    long programId,
    Long pairingId,
    Long recipientPersonId,
    Audience audience,
    NudgeKind kind,
    String windowRef,
    Instant dueAt,
    Instant expiresAt,
    NudgeState state,
    int attempts,
    Instant nextAttemptAt,
    String leaseOwner,
    Instant leaseUntil,
    String conversationId,
    String platformMessageId,
    String lastError,
    Instant createdAt,
    Instant sentAt) {

  /** What the row is about, read from {@link #windowRef}. */
  public WindowRef window() {
    return WindowRef.parse(windowRef);
  }
}
