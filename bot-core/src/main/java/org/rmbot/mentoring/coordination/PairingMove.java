package org.rmbot.mentoring.coordination;

import org.rmbot.mentoring.pairing.Pairing;

/** What became of a coordinator's pausing or resuming a pairing. */
public sealed interface PairingMove permits PairingMove.Moved, PairingMove.NotMoved, PairingMove.NoSuchPairing,
    ProgramRefusal {

  /** The pairing, as the move left it. */
  record Moved(Pairing pairing) implements PairingMove {}

  /**
   * The pairing's state does not allow the move, or someone else kept changing it; {@code reason}
   * is the pairing lifecycle's own sentence for that. Nothing was written.
   */
  record NotMoved(String reason) implements PairingMove {}

  /** No pairing has this id (any more). Not audited: there is nothing to refuse access to. */
  record NoSuchPairing(long pairingId) implements PairingMove {}
}
