package org.rmbot.mentoring.pairing;

import org.rmbot.mentoring.common.Outcome;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * Moves a pairing through its life. Two answers arriving at once (both sides clicking Accept
 * in the same second) are serialised by the version check: the loser re-reads and applies its
 * event to the fresh state.
 */
public final class PairingLifecycle {
  private static final int ATTEMPTS = 3;
  private final Pairings pairings;

  public PairingLifecycle(Pairings pairings) {
    this.pairings = pairings;
  }

  public Outcome<Pairing> apply(long pairingId, PairingEvent event) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      var current = pairings.findById(pairingId);
      if (current.isEmpty()) {
        return Outcome.rejected(Catalogue.english().phrase("pairing.no_such_pairing", "id", String.valueOf(pairingId)));
      }
      Pairing pairing = current.get();
      Outcome<PairingState> next = pairing.state().apply(event);
      if (next instanceof Outcome.Rejected<PairingState> rejected) {
        return Outcome.rejected(rejected.reason());
      }
      if (pairings.moveTo(pairingId, pairing.version(), next.value())) {
        return Outcome.done(pairings.findById(pairingId).orElseThrow());
      }
    }
    return Outcome.rejected(Catalogue.english().phrase("pairing.changed_meanwhile"));
  }
}
