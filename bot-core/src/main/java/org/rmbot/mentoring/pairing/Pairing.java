package org.rmbot.mentoring.pairing;

import java.time.Instant;

/** A mentor and a mentee in one program, with why they were matched. */
public record Pairing(
    long id,
    long programId,
    long mentorId,
    long menteeId,
    PairingState state,
    long score,
    String explanation,
    boolean pinned,
    Instant proposedAt,
    Instant activatedAt,
    Instant closedAt,
    int version) {

  public boolean involves(long participantId) {
    return mentorId == participantId || menteeId == participantId;
  }
}
