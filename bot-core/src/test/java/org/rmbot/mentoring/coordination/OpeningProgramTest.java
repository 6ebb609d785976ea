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

class OpeningProgramTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private CoordinatorsWorld w;
  private OpeningProgram opening;

  @BeforeEach
  void setUp() {
    w = new CoordinatorsWorld(new World(db.jdbi()));
    opening = new OpeningProgram(w.world.transactions, w.world.programs, w.authority, w.world.audit);
  }

  @Test
  void itsCoordinatorOpensADraftForEnrolmentAndItIsAudited() {
    StateChange opened = opening.open(w.coordinator, w.program.id());
    assertThat(opened).isInstanceOf(StateChange.Changed.class);
    assertThat(((StateChange.Changed) opened).program().state()).isEqualTo(ProgramState.ENROLLING);
    assertThat(w.program().state()).isEqualTo(ProgramState.ENROLLING);
    assertThat(w.audited()).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo("program enrolling");
      assertThat(e.actorPersonId()).isEqualTo(w.coordinator.personId());
      assertThat(e.refused()).isFalse();
    });
  }

  @Test
  void anAdminOpensAProgramSheDoesNotCoordinate() {
    assertThat(opening.open(w.admin, w.program.id())).isInstanceOf(StateChange.Changed.class);
    assertThat(w.program().state()).isEqualTo(ProgramState.ENROLLING);
  }

  @Test
  void aProgramBeingMatchedOpensAgainForLateJoiners() {
    w.moveTo(ProgramState.ENROLLING, ProgramState.MATCHING);
    assertThat(opening.open(w.coordinator, w.program.id())).isInstanceOf(StateChange.Changed.class);
    assertThat(w.program().state()).isEqualTo(ProgramState.ENROLLING);
  }

  @Test
  void someoneWhoDoesNotCoordinateItIsRefusedNothingIsWrittenAndTheRefusalIsAudited() {
    StateChange refused = opening.open(w.outsider, w.program.id());
    assertThat(refused).isEqualTo(new ProgramRefusal.NotCoordinator(w.program));
    assertThat(w.program().state()).isEqualTo(ProgramState.DRAFT);
    assertThat(w.audited()).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo("program open");
      assertThat(e.refused()).isTrue();
      assertThat(e.subject()).isEqualTo("not a coordinator");
    });
  }

  @Test
  void aClosedProgramDoesNotOpen() {
    w.moveTo(ProgramState.CLOSED);
    StateChange stuck = opening.open(w.coordinator, w.program.id());
    assertThat(stuck).isInstanceOf(StateChange.CannotMove.class);
    assertThat(((StateChange.CannotMove) stuck).program().state()).isEqualTo(ProgramState.CLOSED);
    assertThat(((StateChange.CannotMove) stuck).target()).isEqualTo(ProgramState.ENROLLING);
    assertThat(w.program().state()).isEqualTo(ProgramState.CLOSED);
    assertThat(w.audited()).isEmpty();
  }

  @Test
  void anActiveProgramDoesNotOpen() {
    w.moveTo(ProgramState.ENROLLING, ProgramState.ACTIVE);
    assertThat(opening.open(w.coordinator, w.program.id())).isInstanceOf(StateChange.CannotMove.class);
    assertThat(w.program().state()).isEqualTo(ProgramState.ACTIVE);
  }

  @Test
  void aProgramThatDoesNotExistIsNotFoundAndNothingIsAudited() {
    assertThat(opening.open(w.coordinator, w.program.id() + 1000)).isEqualTo(new ProgramRefusal.NoSuchProgram(w.program.id() + 1000));
    assertThat(w.world.audit.recent(10)).isEmpty();
  }

  @Test
  void aFailureAfterTheStateIsWrittenLeavesTheProgramAsItWas() {
    var failing = new OpeningProgram(w.world.transactions, w.world.programs, w.authority, w.failingAudit());
    assertThatThrownBy(() -> failing.open(w.coordinator, w.program.id())).hasMessageContaining("audit insert failed");
    assertThat(w.program().state()).isEqualTo(ProgramState.DRAFT);
    assertThat(w.audited()).extracting(AuditEntry::action).isEmpty();
  }
}
