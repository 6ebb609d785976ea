package org.rmbot.mentoring.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.audit.AuditEntry;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

class ClosingProgramTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private CoordinatorsWorld w;
  private ClosingProgram closing;

  @BeforeEach
  void setUp() {
    w = new CoordinatorsWorld(new World(db.jdbi()));
    closing = new ClosingProgram(w.world.transactions, w.world.programs, w.authority, w.world.audit);
  }

  @Test
  void itsCoordinatorClosesAnActiveProgramAndItIsAudited() {
    w.moveTo(ProgramState.ENROLLING, ProgramState.ACTIVE);
    StateChange closed = closing.close(w.coordinator, w.program.id());
    assertThat(closed).isInstanceOf(StateChange.Changed.class);
    assertThat(((StateChange.Changed) closed).program().state()).isEqualTo(ProgramState.CLOSED);
    assertThat(w.program().state()).isEqualTo(ProgramState.CLOSED);
    assertThat(w.audited()).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo("program closed");
      assertThat(e.subject()).isEqualTo("program " + w.program.id());
      assertThat(e.refused()).isFalse();
    });
  }

  @Test
  void aDraftCanBeClosedByAnAdmin() {
    assertThat(closing.close(w.admin, w.program.id())).isInstanceOf(StateChange.Changed.class);
    assertThat(w.program().state()).isEqualTo(ProgramState.CLOSED);
  }

  @Test
  void closingTwiceIsRefusedTheSecondTimeAndAuditedOnce() {
    assertThat(closing.close(w.coordinator, w.program.id())).isInstanceOf(StateChange.Changed.class);
    StateChange again = closing.close(w.coordinator, w.program.id());
    assertThat(again).isEqualTo(new StateChange.CannotMove(w.program(), ProgramState.CLOSED));
    assertThat(w.audited()).extracting(AuditEntry::action).containsExactly("program closed");
  }

  @Test
  void someoneWhoDoesNotCoordinateItIsRefusedNothingIsWrittenAndTheRefusalIsAudited() {
    w.moveTo(ProgramState.ENROLLING);
    StateChange refused = closing.close(w.outsider, w.program.id());
    assertThat(refused).isInstanceOf(ProgramRefusal.NotCoordinator.class);
    assertThat(w.program().state()).isEqualTo(ProgramState.ENROLLING);
    assertThat(w.audited()).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo("program close");
      assertThat(e.actorPersonId()).isEqualTo(w.outsider.personId());
      assertThat(e.refused()).isTrue();
    });
  }

  @Test
  void aFailureAfterTheStateIsWrittenLeavesTheProgramOpen() {
    w.moveTo(ProgramState.ENROLLING);
    var failing = new ClosingProgram(w.world.transactions, w.world.programs, w.authority, w.failingAudit());
    assertThatThrownBy(() -> failing.close(w.coordinator, w.program.id())).hasMessageContaining("audit insert failed");
    assertThat(w.program().state()).isEqualTo(ProgramState.ENROLLING);
    assertThat(w.audited()).isEmpty();
  }
}
