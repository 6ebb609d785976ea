package org.rmbot.mentoring.coordination;

import java.util.Optional;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.common.Outcome;
import org.rmbot.mentoring.common.Transactions;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.PairingEvent;
import org.rmbot.mentoring.pairing.PairingLifecycle;
import org.rmbot.mentoring.pairing.Pairings;
import org.rmbot.mentoring.program.Programs;

/**
 * A coordinator pauses a pairing (nothing is sent to it meanwhile) or resumes it. The move and
 * its audit entry are written in one transaction, inside the frame of every coordinator's change
 * to the pairing's program.
 */
public final class MovingPairing {
  private final CoordinatedChange change;
  private final Pairings pairings;
  private final PairingLifecycle lifecycle;
  private final AuditLog audit;

  public MovingPairing(Transactions transactions, Programs programs, Pairings pairings, PairingLifecycle lifecycle,
      Authority authority, AuditLog audit) {
    this.change = new CoordinatedChange(transactions, programs, authority, audit);
    this.pairings = pairings;
    this.lifecycle = lifecycle;
    this.audit = audit;
  }

  public PairingMove pause(Actor actor, long pairingId) {
    return move(actor, pairingId, PairingEvent.PAUSE, "pause pairing", "paused");
  }

  public PairingMove resume(Actor actor, long pairingId) {
    return move(actor, pairingId, PairingEvent.RESUME, "resume pairing", "resumed");
  }

  /** {@code action} names the command in the audit of a refusal; a move is audited as "pairing <done>". */
  private PairingMove move(Actor actor, long pairingId, PairingEvent event, String action, String done) {
    // a pairing never changes program, so its program can be read before the program's row is held
    Optional<Pairing> pairing = pairings.findById(pairingId);
    if (pairing.isEmpty()) {
      return new PairingMove.NoSuchPairing(pairingId);
    }
    long programId = pairing.get().programId();
    return change.change(actor, programId, action, refusal -> refusal, program -> {
      Outcome<Pairing> moved = lifecycle.apply(pairingId, event);
      if (moved instanceof Outcome.Rejected<Pairing> r) {
        return new PairingMove.NotMoved(r.reason());
      }
      audit.record(actor, "pairing " + done, programId, AuditSubject.pairing(pairingId));
      return new PairingMove.Moved(moved.value());
    });
  }
}
