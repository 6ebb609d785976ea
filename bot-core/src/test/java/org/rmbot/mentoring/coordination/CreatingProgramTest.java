package org.rmbot.mentoring.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.common.Outcome;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.program.Programs;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

class CreatingProgramTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private World world;
  private Person admin;

  @BeforeEach
  void setUp() {
    world = new World(db.jdbi());
    admin = world.aPerson("Ada Admin");
  }

  private Authority onlyAdmin() {
    return new Authority() {
      @Override
      public boolean isAdmin(long personId) {
        return personId == admin.id();
      }

      @Override
      public boolean canCoordinate(long personId, long programId) {
        return isAdmin(personId);
      }
    };
  }

  @Test
  void anAdminCreatesADraftAndCoordinatesIt() {
    var creating = new CreatingProgram(world.transactions, world.programs, onlyAdmin(), world.audit, world.clock);
    Outcome<Program> created = creating.create(new CreatingProgram.CreateProgram(admin, "Spring", Optional.empty()));
    assertThat(created.isDone()).isTrue();
    assertThat(created.value().state()).isEqualTo(ProgramState.DRAFT);
    assertThat(world.programs.coordinators(created.value().id())).containsExactly(admin.id());
  }

  @Test
  void someoneElseIsRejectedWithAReason() {
    Person other = world.aPerson("Not Admin");
    var creating = new CreatingProgram(world.transactions, world.programs, onlyAdmin(), world.audit, world.clock);
    Outcome<Program> created = creating.create(new CreatingProgram.CreateProgram(other, "Spring", Optional.empty()));
    assertThat(created).isInstanceOf(Outcome.Rejected.class);
    assertThat(world.programs.findByName("Spring")).isEmpty();
  }

  @Test
  void aFailureAfterTheProgramIsWrittenLeavesNoProgram() {
    Programs failingCoordinator = new Programs() {
      @Override public Program create(NewProgram program) { return world.programs.create(program); }
      @Override public Optional<Program> findById(long id) { return world.programs.findById(id); }
      @Override public Optional<Program> findByName(String name) { return world.programs.findByName(name); }
      @Override public List<Program> all() { return world.programs.all(); }
      @Override public void changeState(long programId, ProgramState state) { world.programs.changeState(programId, state); }
      @Override public void setDates(long programId, java.time.LocalDate startsOn, java.time.LocalDate endsOn) {
        world.programs.setDates(programId, startsOn, endsOn);
      }
      @Override public void lockForUpdate(long programId) { world.programs.lockForUpdate(programId); }
      @Override public void addCoordinator(long programId, long personId) { throw new IllegalStateException("coordinator insert failed"); }
      @Override public boolean isCoordinator(long programId, long personId) { return world.programs.isCoordinator(programId, personId); }
      @Override public List<Long> coordinators(long programId) { return world.programs.coordinators(programId); }
    };
    var creating = new CreatingProgram(world.transactions, failingCoordinator, onlyAdmin(), world.audit, world.clock);
    assertThatThrownBy(() -> creating.create(new CreatingProgram.CreateProgram(admin, "Spring", Optional.empty())))
        .hasMessageContaining("coordinator insert failed");
    assertThat(world.programs.findByName("Spring")).isEmpty();
    assertThat(world.programs.all()).isEmpty();
  }
}
