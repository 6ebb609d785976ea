package org.rmbot.mentoring.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

class ProgramsInDatabaseTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private World world;

  @BeforeEach
  void setUp() {
    world = new World(db.jdbi());
  }

  @Test
  void aProgramIsFoundByItsNameWithoutCaseOrSurroundingSpaces() {
    Program created = world.programs.create(NewProgram.reverse("  Spring Cohort ", " Allyship ", LocalDate.of(2026, 3, 2)));

    assertThat(created.name()).isEqualTo("Spring Cohort");
    assertThat(created.theme()).isEqualTo("Allyship");
    assertThat(created.state()).isEqualTo(ProgramState.DRAFT);
    assertThat(world.programs.findByName(" spring COHORT ")).contains(created);
    assertThat(world.programs.findByName("Autumn Cohort")).isEmpty();
    assertThat(world.programs.findById(created.id())).contains(created);
  }

  @Test
  void statesAndDatesChangeAndEveryProgramIsListedInOrder() {
    Program first = world.aReverseProgram();
    Program second = world.programs.create(NewProgram.reverse("Undated", "Allyship", null));
    assertThat(second.startsOn()).isNull();
    assertThat(second.endsOn()).isNull();

    world.programs.changeState(first.id(), ProgramState.ENROLLING);
    world.programs.setDates(second.id(), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 9, 30));

    assertThat(world.programs.all()).extracting(Program::id).containsExactly(first.id(), second.id());
    assertThat(world.programs.findById(first.id()).orElseThrow().state()).isEqualTo(ProgramState.ENROLLING);
    Program dated = world.programs.findById(second.id()).orElseThrow();
    assertThat(dated.startsOn()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(dated.endsOn()).isEqualTo(LocalDate.of(2026, 9, 30));
  }

  @Test
  void coordinatorsAreAddedOnceAndListedByPerson() {
    Program program = world.aReverseProgram();
    Person ana = world.aPerson("Ana");
    Person ben = world.aPerson("Ben");
    Person cy = world.aPerson("Cy");

    world.programs.addCoordinator(program.id(), ben.id());
    world.programs.addCoordinator(program.id(), ana.id());
    world.programs.addCoordinator(program.id(), ben.id());

    assertThat(world.programs.coordinators(program.id())).containsExactly(ana.id(), ben.id());
    assertThat(world.programs.isCoordinator(program.id(), ana.id())).isTrue();
    assertThat(world.programs.isCoordinator(program.id(), cy.id())).isFalse();
  }

  @Test
  void aLockedProgramRowIsHeldUntilTheTransactionEnds() {
    Program program = world.aReverseProgram();

    boolean heldElsewhere = world.transactions.inTransaction(() -> {
      world.programs.lockForUpdate(program.id());
      return CompletableFuture.supplyAsync(() -> triesToLock(program.id())).join();
    });

    assertThat(heldElsewhere).isTrue();
    assertThat(triesToLock(program.id())).isFalse();
  }

  /** Whether another connection finds the program's row locked. */
  private boolean triesToLock(long programId) {
    return db.jdbi().inTransaction(h -> {
      h.execute("set local lock_timeout = '200ms'");
      try {
        h.createQuery("select id from program where id = :id for update").bind("id", programId).mapTo(Long.class).one();
        return false;
      } catch (UnableToExecuteStatementException e) {
        return true;
      }
    });
  }
}
