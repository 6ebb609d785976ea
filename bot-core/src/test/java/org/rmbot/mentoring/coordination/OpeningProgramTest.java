package org.rmbot.mentoring.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.program.ProgramState;

class OpeningProgramTest {
  @RegisterExtension final CoordinatorsWorld w = new CoordinatorsWorld();
  private OpeningProgram opening;

  @BeforeEach
  void setUp() {
    opening = w.wired(OpeningProgram::new);
  }

  @Test
  void itsCoordinatorOpensADraftForEnrolmentAndItIsAudited() {
    w.assertChangedTo(opening.open(w.coordinator, w.program.id()), ProgramState.ENROLLING);
    w.assertOnlyAudited(w.coordinator, "program enrolling", "program " + w.program.id());
  }

  @Test
  void anAdminOpensAProgramSheDoesNotCoordinate() {
    w.assertChangedTo(opening.open(w.admin, w.program.id()), ProgramState.ENROLLING);
  }

  @Test
  void aProgramBeingMatchedOpensAgainForLateJoiners() {
    w.moveTo(ProgramState.ENROLLING, ProgramState.MATCHING);
    w.assertChangedTo(opening.open(w.coordinator, w.program.id()), ProgramState.ENROLLING);
  }

  @Test
  void someoneWhoDoesNotCoordinateItIsRefusedNothingIsWrittenAndTheRefusalIsAudited() {
    StateChange refused = opening.open(w.outsider, w.program.id());
    assertThat(refused).isEqualTo(new ProgramRefusal.NotCoordinator(w.program));
    assertThat(w.program().state()).isEqualTo(ProgramState.DRAFT);
    w.assertOnlyRefused(w.outsider, "program open", "not a coordinator");
  }

  @Test
  void aClosedProgramDoesNotOpen() {
    w.moveTo(ProgramState.CLOSED);
    w.assertCannotMove(opening.open(w.coordinator, w.program.id()), ProgramState.CLOSED, ProgramState.ENROLLING);
  }

  @Test
  void anActiveProgramDoesNotOpen() {
    w.moveTo(ProgramState.ENROLLING, ProgramState.ACTIVE);
    w.assertCannotMove(opening.open(w.coordinator, w.program.id()), ProgramState.ACTIVE, ProgramState.ENROLLING);
  }

  @Test
  void aProgramThatDoesNotExistIsNotFoundAndNothingIsAudited() {
    assertThat(opening.open(w.coordinator, w.missingProgramId())).isEqualTo(new ProgramRefusal.NoSuchProgram(w.missingProgramId()));
    w.assertNothingAudited();
  }

  @Test
  void aFailureAfterTheStateIsWrittenLeavesTheProgramAsItWas() {
    OpeningProgram failing = w.wiredToFailingAudit(OpeningProgram::new);
    w.assertFailsOnAudit(() -> failing.open(w.coordinator, w.program.id()));
    assertThat(w.program().state()).isEqualTo(ProgramState.DRAFT);
  }
}
