package org.rmbot.mentoring.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;

/** The world's clock stands at Monday 5 January 2026, 08:00 UTC. */
class SchedulingProgramTest {
  private static final LocalDate FEB_2 = LocalDate.of(2026, 2, 2);
  private static final LocalDate MAY_4 = LocalDate.of(2026, 5, 4);
  @RegisterExtension final CoordinatorsWorld w = new CoordinatorsWorld();
  private SchedulingProgram scheduling;
  private Program before;

  @BeforeEach
  void setUp() {
    scheduling = new SchedulingProgram(w.world.transactions, w.world.programs, w.authority, w.world.audit, w.world.clock);
    before = w.program();
  }

  @Test
  void itsCoordinatorSetsTheDatesAndItIsAudited() {
    Scheduling scheduled = scheduling.schedule(w.coordinator, w.program.id(), FEB_2, MAY_4);
    assertThat(scheduled).isInstanceOf(Scheduling.Scheduled.class);
    Program program = ((Scheduling.Scheduled) scheduled).program();
    assertThat(program.startsOn()).isEqualTo(FEB_2);
    assertThat(program.endsOn()).isEqualTo(MAY_4);
    assertThat(w.program()).isEqualTo(program);
    w.assertOnlyAudited(w.coordinator, "program dates", "2026-02-02 to 2026-05-04");
  }

  @Test
  void theFirstDayMayBeToday() {
    assertThat(scheduling.schedule(w.admin, w.program.id(), LocalDate.of(2026, 1, 5), MAY_4))
        .isInstanceOf(Scheduling.Scheduled.class);
  }

  @Test
  void aFirstDayInThePastIsRefusedWithTodayAndNothingIsWritten() {
    Scheduling past = scheduling.schedule(w.coordinator, w.program.id(), LocalDate.of(2026, 1, 4), MAY_4);
    assertThat(past).isEqualTo(new Scheduling.StartsInThePast(LocalDate.of(2026, 1, 5)));
    assertThat(w.program()).isEqualTo(before);
    assertThat(w.audited()).isEmpty();
  }

  @Test
  void anActiveOrClosedProgramKeepsItsDates() {
    w.moveTo(ProgramState.ENROLLING, ProgramState.ACTIVE);
    assertThat(scheduling.schedule(w.coordinator, w.program.id(), FEB_2, MAY_4))
        .isEqualTo(new Scheduling.AlreadyUnderWay(w.program()));
    w.moveTo(ProgramState.CLOSED);
    assertThat(scheduling.schedule(w.coordinator, w.program.id(), FEB_2, MAY_4))
        .isEqualTo(new Scheduling.AlreadyUnderWay(w.program()));
    assertThat(w.program().startsOn()).isEqualTo(before.startsOn());
    assertThat(w.audited()).isEmpty();
  }

  @Test
  void anEndThatIsNotAfterTheStartIsNotAProgram() {
    assertThatThrownBy(() -> scheduling.schedule(w.coordinator, w.program.id(), MAY_4, FEB_2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> scheduling.schedule(w.coordinator, w.program.id(), FEB_2, FEB_2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(w.program()).isEqualTo(before);
    assertThat(w.audited()).isEmpty();
  }

  @Test
  void someoneWhoDoesNotCoordinateItIsRefusedNothingIsWrittenAndTheRefusalIsAudited() {
    assertThat(scheduling.schedule(w.outsider, w.program.id(), FEB_2, MAY_4)).isEqualTo(new ProgramRefusal.NotCoordinator(before));
    assertThat(w.program()).isEqualTo(before);
    w.assertOnlyRefused(w.outsider, "program dates", "not a coordinator");
  }

  @Test
  void aFailureAfterTheDatesAreWrittenLeavesTheOldDates() {
    var failing = new SchedulingProgram(w.world.transactions, w.world.programs, w.authority, w.failingAudit(), w.world.clock);
    w.assertFailsOnAudit(() -> failing.schedule(w.coordinator, w.program.id(), FEB_2, MAY_4));
    assertThat(w.program()).isEqualTo(before);
  }
}
