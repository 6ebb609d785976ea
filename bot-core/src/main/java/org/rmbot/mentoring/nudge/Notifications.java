package org.rmbot.mentoring.nudge;

import org.rmbot.mentoring.pairing.Pairing;

/**
 * Messages the core sends to people other than the one who acted (each side of a new proposal,
 * the other side of a decline, coordinators on a help request). Implemented over the nudge
 * ledger, so they share its guarantees: planned once, delivered once, inside working hours,
 * retried on failure.
 */
public interface Notifications {
  /** Each side gets a private message with the proposal, why it was made, and Accept/Decline. */
  void proposalMade(Pairing pairing);

  /** The other side of a declined proposal learns only that it will not go ahead. */
  void proposalWithdrawn(Pairing pairing, long participantToTell);

  /** A coordinator ended the pairing: both people learn it privately, with what happens next. */
  void pairingEnded(Pairing pairing);

  /** Both accepted: introductions and the pairing's schedule start. */
  void pairingActivated(Pairing pairing);

  /** A person asked for help privately; the program's coordinators are told (never the partner). */
  void helpRequested(long programId, long helpRequestId);

  /**
   * A matching round left this participant without a partner: they are told why, privately,
   * once each time they are back in the pool ({@code since}: their last pairing, 0 if none).
   *
   * @param becauseFull true when partners they could have had were all taken, false when the
   *     program's rules ruled out everyone waiting
   */
  void unmatched(long programId, long participantId, long since, boolean becauseFull);

  /** A coordinator asked the bot to nudge someone about their pairing. */
  void nudgeRequested(long programId, long personId);
}
