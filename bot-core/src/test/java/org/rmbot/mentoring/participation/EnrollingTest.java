package org.rmbot.mentoring.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.privacy.SealedBox;
import org.rmbot.mentoring.privacy.SecretKey;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

class EnrollingTest {
  private static final SealedBox BOX = new SealedBox(SecretKey.of("an-enrolling-test-secret-that-is-long-enough"));
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final String MANAGER = "their.manager@example.com";
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private World world;
  private Enrolling enrolling;
  private Program program;
  private Person person;

  @BeforeEach
  void setUp() {
    world = new World(db.jdbi());
    enrolling = new Enrolling(world.transactions, world.programs, world.people, world.participants, BOX);
    program = world.aReverseProgram();
    person = world.aPerson("Jo Joiner");
  }

  private static JoinAnswers answers(int grade, String managerEmail) {
    return new JoinAnswers(Role.MENTOR, grade, "Engineering", managerEmail, Set.of("allyship"), Set.of("strategy"),
        Set.of("English"), "being out at work", true, true);
  }

  private Optional<Participant> enrolment() {
    return world.participants.find(program.id(), person.id());
  }

  private ZoneId zoneOnFile() {
    return world.people.findById(person.id()).orElseThrow().timeZone();
  }

  private byte[] sealedFocusAreas(long participantId) {
    return world.jdbi.withHandle(h -> h.createQuery("select focus_areas_sealed from participant where id = :id")
        .bind("id", participantId).mapTo(byte[].class).one());
  }

  @Test
  void someoneJoinsAnEnrollingProgramWithTheirZoneManagerAndSealedFocusAreas() {
    world.programs.changeState(program.id(), ProgramState.ENROLLING);
    Joining joining = enrolling.enrol(program.id(), person, Optional.of(NEW_YORK), answers(4, MANAGER));
    assertThat(joining).isInstanceOf(Joining.Joined.class);
    Participant joined = ((Joining.Joined) joining).participant();
    assertThat(((Joining.Joined) joining).program().id()).isEqualTo(program.id());
    assertThat(enrolment()).contains(joined);
    assertThat(joined.role()).isEqualTo(Role.MENTOR);
    assertThat(zoneOnFile()).isEqualTo(NEW_YORK);
    Person manager = world.people.findByEmail(MANAGER).orElseThrow();
    assertThat(manager.timeZone()).isEqualTo(NEW_YORK);
    assertThat(joined.managerPersonId()).isEqualTo(manager.id());
    assertThat(BOX.open(sealedFocusAreas(joined.id()), "focus/participant:" + joined.id())).isEqualTo("being out at work");
    assertThat(world.participants.namingLivedExperience(program.id())).containsExactly(person.id());
  }

  @Test
  void someoneWhoNamesThemselvesAsTheirManagerHasNone() {
    world.programs.changeState(program.id(), ProgramState.ENROLLING);
    enrolling.enrol(program.id(), person, Optional.empty(), answers(4, person.email()));
    assertThat(enrolment().orElseThrow().managerPersonId()).isNull();
    assertThat(zoneOnFile()).isEqualTo(ZoneId.of("Europe/London"));
  }

  @Test
  void aProgramThatDoesNotEnrolIsRefusedAndNothingIsWritten() {
    int people = world.people.count();
    assertThat(enrolling.enrolling(program.id())).isEmpty();
    assertThat(enrolling.enrol(program.id(), person, Optional.of(NEW_YORK), answers(4, MANAGER)))
        .isEqualTo(new Joining.NotOpenAnyMore());
    world.programs.changeState(program.id(), ProgramState.ENROLLING);
    world.programs.changeState(program.id(), ProgramState.ACTIVE);
    assertThat(enrolling.enrol(program.id(), person, Optional.of(NEW_YORK), answers(4, MANAGER)))
        .isEqualTo(new Joining.NotOpenAnyMore());
    assertThat(enrolment()).isEmpty();
    assertThat(zoneOnFile()).isEqualTo(ZoneId.of("Europe/London"));
    assertThat(world.people.count()).isEqualTo(people);
  }

  @Test
  void aProgramThatDoesNotExistIsRefused() {
    assertThat(enrolling.enrol(program.id() + 1000, person, Optional.empty(), answers(4, null)))
        .isEqualTo(new Joining.NotOpenAnyMore());
    assertThat(world.participants.ofPerson(person.id())).isEmpty();
  }

  @Test
  void aFailureAfterTheZoneAndTheManagerAreSavedLeavesNothingWritten() {
    world.programs.changeState(program.id(), ProgramState.ENROLLING);
    int people = world.people.count();
    // the database refuses a grade over 100 (the form never sends one): the enrolment fails after two writes
    assertThatThrownBy(() -> enrolling.enrol(program.id(), person, Optional.of(NEW_YORK), answers(101, MANAGER)))
        .hasMessageContaining("grade");
    assertThat(enrolment()).isEmpty();
    assertThat(zoneOnFile()).isEqualTo(ZoneId.of("Europe/London"));
    assertThat(world.people.findByEmail(MANAGER)).isEmpty();
    assertThat(world.people.count()).isEqualTo(people);
  }
}
