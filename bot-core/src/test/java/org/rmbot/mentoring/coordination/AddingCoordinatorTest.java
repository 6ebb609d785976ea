package org.rmbot.mentoring.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

class AddingCoordinatorTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private CoordinatorsWorld w;
  private AddingCoordinator adding;
  private long newcomer;

  @BeforeEach
  void setUp() {
    w = new CoordinatorsWorld(new World(db.jdbi()));
    adding = new AddingCoordinator(w.world.transactions, w.world.programs, w.authority, w.world.audit);
    newcomer = w.world.aPerson("Nia Newcomer").id();
  }

  @Test
  void anAdminMakesSomeoneACoordinatorAndItIsAudited() {
    assertThat(adding.refusal(w.admin, Optional.of(w.program.name()))).isEmpty();
    Addition added = adding.add(w.admin, w.program.id(), newcomer);
    assertThat(added).isEqualTo(new Addition.Added(w.program()));
    assertThat(w.world.programs.isCoordinator(w.program.id(), newcomer)).isTrue();
    assertThat(w.authority.canCoordinate(newcomer, w.program.id())).isTrue();
    assertThat(w.audited()).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo("coordinator add");
      assertThat(e.actorPersonId()).isEqualTo(w.admin.personId());
      assertThat(e.subject()).isEqualTo(AuditSubject.person(newcomer).stored());
      assertThat(e.refused()).isFalse();
    });
  }

  @Test
  void aCoordinatorWhoIsNotAnAdminIsRefusedBeforeAnythingElseAndTheRefusalIsAuditedAgainstTheNamedProgram() {
    assertThat(adding.refusal(w.coordinator, Optional.of(w.program.name()))).contains(new Addition.NotAnAdmin());
    assertThat(w.world.programs.coordinators(w.program.id())).containsExactly(w.coordinator.personId());
    assertThat(w.audited()).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo("coordinator add");
      assertThat(e.refused()).isTrue();
      assertThat(e.subject()).isEqualTo("not an admin");
    });
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
    assertThat(w.audited()).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo("coordinator add");
      assertThat(e.refused()).isTrue();
      assertThat(e.subject()).isEqualTo("not an admin");
    });
  }

  @Test
  void aProgramThatDoesNotExistIsNotFoundAndNothingIsAudited() {
    assertThat(adding.add(w.admin, w.program.id() + 1000, newcomer)).isEqualTo(new ProgramRefusal.NoSuchProgram(w.program.id() + 1000));
    assertThat(w.world.audit.recent(10)).isEmpty();
  }

  @Test
  void aFailureAfterTheCoordinatorIsWrittenLeavesTheProgramsCoordinatorsAsTheyWere() {
    var failing = new AddingCoordinator(w.world.transactions, w.world.programs, w.authority, w.failingAudit());
    assertThatThrownBy(() -> failing.add(w.admin, w.program.id(), newcomer)).hasMessageContaining("audit insert failed");
    assertThat(w.world.programs.coordinators(w.program.id())).containsExactly(w.coordinator.personId());
    assertThat(w.audited()).isEmpty();
  }
}
