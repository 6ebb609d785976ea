package org.rmbot.mentoring.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.audit.AuditSubject;

class AddingCoordinatorTest {
  @RegisterExtension final CoordinatorsWorld w = new CoordinatorsWorld();
  private AddingCoordinator adding;
  private long newcomer;

  @BeforeEach
  void setUp() {
    adding = w.wired(AddingCoordinator::new);
    newcomer = w.world.aPerson("Nia Newcomer").id();
  }

  @Test
  void anAdminMakesSomeoneACoordinatorAndItIsAudited() {
    assertThat(adding.refusal(w.admin, Optional.of(w.program.name()))).isEmpty();
    Addition added = adding.add(w.admin, w.program.id(), newcomer);
    assertThat(added).isEqualTo(new Addition.Added(w.program()));
    assertThat(w.world.programs.isCoordinator(w.program.id(), newcomer)).isTrue();
    assertThat(w.authority.canCoordinate(newcomer, w.program.id())).isTrue();
    w.assertOnlyAudited(w.admin, "coordinator add", AuditSubject.person(newcomer).stored());
  }

  @Test
  void aCoordinatorWhoIsNotAnAdminIsRefusedBeforeAnythingElseAndTheRefusalIsAuditedAgainstTheNamedProgram() {
    assertThat(adding.refusal(w.coordinator, Optional.of(w.program.name()))).contains(new Addition.NotAnAdmin());
    assertThat(w.world.programs.coordinators(w.program.id())).containsExactly(w.coordinator.personId());
    w.assertOnlyRefused(w.coordinator, "coordinator add", "not an admin");
  }

  @Test
  void aRefusalNamingNoProgramOrAnUnknownOneIsAuditedWithoutAProgram() {
    assertThat(adding.refusal(w.outsider, Optional.empty())).isPresent();
    assertThat(adding.refusal(w.outsider, Optional.of("No such program"))).isPresent();
    assertThat(w.audited()).isEmpty();
    assertThat(w.world.audit.recent(10)).hasSize(2).allSatisfy(e -> {
      assertThat(e.refused()).isTrue();
      assertThat(e.programId()).isNull();
      assertThat(e.subject()).isEqualTo("not an admin");
    });
  }

  @Test
  void addingIsRefusedOnTheCallTooWhenTheActorIsNoAdminAndNothingIsWritten() {
    assertThat(adding.add(w.outsider, w.program.id(), newcomer)).isEqualTo(new Addition.NotAnAdmin());
    assertThat(w.world.programs.isCoordinator(w.program.id(), newcomer)).isFalse();
    w.assertOnlyRefused(w.outsider, "coordinator add", "not an admin");
  }

  @Test
  void aProgramThatDoesNotExistIsNotFoundAndNothingIsAudited() {
    assertThat(adding.add(w.admin, w.missingProgramId(), newcomer)).isEqualTo(new ProgramRefusal.NoSuchProgram(w.missingProgramId()));
    w.assertNothingAudited();
  }

  @Test
  void aFailureAfterTheCoordinatorIsWrittenLeavesTheProgramsCoordinatorsAsTheyWere() {
    AddingCoordinator failing = w.wiredToFailingAudit(AddingCoordinator::new);
    w.assertFailsOnAudit(() -> failing.add(w.admin, w.program.id(), newcomer));
    assertThat(w.world.programs.coordinators(w.program.id())).containsExactly(w.coordinator.personId());
  }
}
