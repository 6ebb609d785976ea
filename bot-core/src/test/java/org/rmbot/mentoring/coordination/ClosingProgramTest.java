package org.rmbot.mentoring.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.audit.AuditEntry;
import org.rmbot.mentoring.program.ProgramState;

class ClosingProgramTest {
  @RegisterExtension final CoordinatorsWorld w = new CoordinatorsWorld();
  private ClosingProgram closing;

  @BeforeEach
  void setUp() {
    closing = w.wired(ClosingProgram::new);
  }

  @Test
  void itsCoordinatorClosesAnActiveProgramAndItIsAudited() {
    w.moveTo(ProgramState.ENROLLING, ProgramState.ACTIVE);
    w.assertChangedTo(closing.close(w.coordinator, w.program.id()), ProgramState.CLOSED);
    w.assertOnlyAudited(w.coordinator, "program closed", "program " + w.program.id());
  }

  @Test
  void aDraftCanBeClosedByAnAdmin() {
    w.assertChangedTo(closing.close(w.admin, w.program.id()), ProgramState.CLOSED);
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
    w.assertOnlyRefused(w.outsider, "program close", "not a coordinator");
  }

  @Test
  void aFailureAfterTheStateIsWrittenLeavesTheProgramOpen() {
    w.moveTo(ProgramState.ENROLLING);
    ClosingProgram failing = w.wiredToFailingAudit(ClosingProgram::new);
    w.assertFailsOnAudit(() -> failing.close(w.coordinator, w.program.id()));
    assertThat(w.program().state()).isEqualTo(ProgramState.ENROLLING);
  }
}
