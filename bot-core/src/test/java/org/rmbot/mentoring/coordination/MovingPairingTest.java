package org.rmbot.mentoring.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.PairingLifecycle;
import org.rmbot.mentoring.pairing.PairingState;

class MovingPairingTest {
  @RegisterExtension final CoordinatorsWorld w = new CoordinatorsWorld();
  private MovingPairing moving;
  private Pairing pairing;

  @BeforeEach
  void setUp() {
    moving = moving(w.world.audit);
    pairing = w.world.activePairing(w.program, w.world.aJuniorMentor(w.program), w.world.aSeniorMentee(w.program));
  }

  private MovingPairing moving(AuditLog audit) {
    return new MovingPairing(w.world.transactions, w.world.programs, w.world.pairings, new PairingLifecycle(w.world.pairings),
        w.authority, audit);
  }

  private PairingState state() {
    return w.world.pairings.findById(pairing.id()).orElseThrow().state();
  }

  @Test
  void itsCoordinatorPausesAPairingAndItIsAudited() {
    PairingMove paused = moving.pause(w.coordinator, pairing.id());
    assertThat(paused).isInstanceOf(PairingMove.Moved.class);
    assertThat(((PairingMove.Moved) paused).pairing().state()).isEqualTo(PairingState.PAUSED);
    assertThat(state()).isEqualTo(PairingState.PAUSED);
    w.assertOnlyAudited(w.coordinator, "pairing paused", AuditSubject.pairing(pairing.id()).stored());
  }

  @Test
  void anAdminResumesAPausedPairing() {
    moving.pause(w.coordinator, pairing.id());
    assertThat(moving.resume(w.admin, pairing.id())).isInstanceOf(PairingMove.Moved.class);
    assertThat(state()).isEqualTo(PairingState.ACTIVE);
    assertThat(w.audited()).extracting(e -> e.action()).containsExactlyInAnyOrder("pairing paused", "pairing resumed");
  }

  @Test
  void someoneWhoDoesNotCoordinateItIsRefusedNothingIsWrittenAndTheRefusalIsAudited() {
    assertThat(moving.pause(w.outsider, pairing.id())).isEqualTo(new ProgramRefusal.NotCoordinator(w.program()));
    assertThat(state()).isEqualTo(PairingState.ACTIVE);
    w.assertOnlyRefused(w.outsider, "pause pairing", "not a coordinator");
  }

  @Test
  void aPairingThatCannotMakeTheMoveIsNotMovedAndNothingIsAudited() {
    PairingMove notMoved = moving.resume(w.coordinator, pairing.id());
    assertThat(notMoved).isInstanceOf(PairingMove.NotMoved.class);
    assertThat(((PairingMove.NotMoved) notMoved).reason()).isNotBlank();
    assertThat(state()).isEqualTo(PairingState.ACTIVE);
    assertThat(w.audited()).isEmpty();
  }

  @Test
  void aPairingThatDoesNotExistIsNotFoundAndNothingIsAudited() {
    assertThat(moving.pause(w.coordinator, pairing.id() + 1000)).isEqualTo(new PairingMove.NoSuchPairing(pairing.id() + 1000));
    w.assertNothingAudited();
  }

  @Test
  void aFailureAfterThePairingMovedLeavesItAsItWas() {
    var failing = moving(w.failingAudit());
    w.assertFailsOnAudit(() -> failing.pause(w.coordinator, pairing.id()));
    assertThat(state()).isEqualTo(PairingState.ACTIVE);
    assertThat(w.world.pairings.findById(pairing.id()).orElseThrow().version()).isEqualTo(pairing.version());
  }
}
