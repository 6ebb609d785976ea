package org.rmbot.mentoring.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.PairingLifecycle;
import org.rmbot.mentoring.pairing.PairingState;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

class MovingPairingTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private CoordinatorsWorld w;
  private MovingPairing moving;
  private Pairing pairing;

  @BeforeEach
  void setUp() {
    w = new CoordinatorsWorld(new World(db.jdbi()));
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
    assertThat(w.audited()).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo("pairing paused");
      assertThat(e.actorPersonId()).isEqualTo(w.coordinator.personId());
      assertThat(e.subject()).isEqualTo(AuditSubject.pairing(pairing.id()).stored());
      assertThat(e.refused()).isFalse();
    });
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
    assertThat(w.audited()).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo("pause pairing");
      assertThat(e.refused()).isTrue();
      assertThat(e.subject()).isEqualTo("not a coordinator");
    });
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
    assertThat(w.world.audit.recent(10)).isEmpty();
  }

  @Test
  void aFailureAfterThePairingMovedLeavesItAsItWas() {
    var failing = moving(w.failingAudit());
    assertThatThrownBy(() -> failing.pause(w.coordinator, pairing.id())).hasMessageContaining("audit insert failed");
    assertThat(state()).isEqualTo(PairingState.ACTIVE);
    assertThat(w.world.pairings.findById(pairing.id()).orElseThrow().version()).isEqualTo(pairing.version());
    assertThat(w.audited()).isEmpty();
  }
}
