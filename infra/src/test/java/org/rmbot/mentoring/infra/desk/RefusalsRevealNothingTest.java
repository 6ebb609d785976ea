package org.rmbot.mentoring.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.conversation.Reply;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.PairingEvent;
import org.rmbot.mentoring.participant.Enrolment;
import org.rmbot.mentoring.participant.NewPerson;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.participant.WorkingHours;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.persistence.Database;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * Finding 10 and its kind: a command that names something by id or by name answers someone who
 * may not see it exactly as it answers for something that does not exist, so nobody learns which
 * ids, programs, pairings, help requests or people exist elsewhere. Each command is sent twice by
 * the coordinator of one program and by a participant: once naming a thing of another program
 * ("Secret circle", whose people are Sam, Sue and Noel), once naming nothing; with what was typed
 * blanked out, the two answers must be identical and neither may name the other program's people.
 */
class RefusalsRevealNothingTest {
  private static final String MISSING_ID = "987654";
  /** One world for every case: refusals change nothing that another case reads. */
  private static Database database;
  private static DeskWorld w;
  private static Map<String, String> other;

  /** What is typed, with {ref} for the thing named; the key of the other program's thing. */
  record Case(String kind, String template, String otherKey, String missing) {
    @Override
    public String toString() {
      return kind + " " + template;
    }
  }

  static Stream<Arguments> cases() {
    Stream<Case> named = Stream.of("status", "match preview", "match commit", "rematch", "help-requests", "feedback open",
            "feedback close", "feedback results", "report", "export", "reminders", "reminders off midpoint",
            "program open", "program close")
        .map(c -> new Case("command", c + " {ref}", "programName", "\"Nowhere\""));
    Stream<Case> others = Stream.of(
        new Case("command", "program dates {ref} 2026-03-02 2026-08-31", "programName", "\"Nowhere\""),
        new Case("command", "join {ref}", "programName", "\"Nowhere\""),
        new Case("command", "help-requests done {ref}", "helpRequest", MISSING_ID),
        new Case("command", "unpair #{ref}", "pairing", MISSING_ID),
        new Case("command", "pause #{ref}", "pairing", MISSING_ID),
        new Case("command", "resume #{ref}", "pairing", MISSING_ID),
        new Case("command", "unpair <@{ref}>", "user", "UNOBODY"),
        new Case("command", "pause <@{ref}>", "user", "UNOBODY"),
        new Case("command", "resume <@{ref}>", "user", "UNOBODY"),
        new Case("command", "nudge <@{ref}>", "user", "UNOBODY"),
        new Case("command", "pair <@USAM> <@{ref}>", "user", "UNOBODY"),
        new Case("command", "never-pair <@USAM> <@{ref}>", "user", "UNOBODY"),
        new Case("command", "forget <@{ref}>", "user", "UNOBODY"),
        new Case("click", "proposal.accept|{ref}", "pairing", MISSING_ID),
        new Case("click", "proposal.decline|{ref}", "pairing", MISSING_ID),
        new Case("click", "check_in.met|{ref}|2026-01-05", "pairing", MISSING_ID),
        new Case("click", "meeting.book|{ref}", "pairing", MISSING_ID),
        new Case("click", "reflection.write|{ref}", "pairing", MISSING_ID),
        new Case("click", "privacy.forget|{ref}", "person", MISSING_ID),
        new Case("form", "feedback-open:{ref}", "programId", MISSING_ID),
        new Case("form", "join:{ref}", "programId", MISSING_ID),
        new Case("form", "booking:{ref}", "pairing", MISSING_ID),
        new Case("form", "reflection:{ref}", "pairing", MISSING_ID));
    return Stream.concat(named, others).flatMap(c -> Stream.of(Arguments.of("UCORA", c), Arguments.of("UMIA", c)));
  }

  @BeforeAll
  static void setUp() {
    database = TestDatabase.fresh(6);
    w = new DeskWorld(database);
    Program pilot = program("Pilot", "UCORA", "Cora Coordinator");
    Participant mia = enrol(pilot, person("UMIA", "Mia Mentor"), Role.MENTOR, 2);
    Participant max = enrol(pilot, person("UMAX", "Max Mentee"), Role.MENTEE, 8);
    pair(pilot, mia, max);
    // the other program's ids are distinctive, so that blanking what was typed blanks nothing else
    w.world.jdbi.useHandle(h -> {
      for (String table : List.of("program", "person", "participant", "pairing", "help_request")) {
        h.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), 555000)");
      }
    });
    Program secret = program("Secret circle", "UOLGA", "Olga Other");
    Participant sam = enrol(secret, person("USAM", "Sam Senior"), Role.MENTOR, 2);
    Person sue = person("USUE", "Sue Junior");
    Participant sueIn = enrol(secret, sue, Role.MENTEE, 8);
    enrol(secret, person("UNOEL", "Noel Newcomer"), Role.MENTEE, 9);
    Pairing secretPair = pair(secret, sam, sueIn);
    long request = w.world.jdbi.withHandle(h -> h.createQuery(
            "insert into help_request (program_id, person_id, created_at) values (:p, :person, now()) returning id")
        .bind("p", secret.id()).bind("person", sue.id()).mapTo(Long.class).one());
    other = Map.of("programName", "\"Secret circle\"", "programId", String.valueOf(secret.id()),
        "helpRequest", String.valueOf(request), "pairing", String.valueOf(secretPair.id()), "user", "USUE",
        "person", String.valueOf(sue.id()));
  }

  @AfterAll
  static void tearDown() {
    w.close();
    database.close();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void anotherProgramsThingAndAMissingOneGetTheSameAnswer(String user, Case c) {
    Caller caller = DeskWorld.caller(user, user.equals("UCORA") ? "Cora Coordinator" : "Mia Mentor");
    String otherRef = other.get(c.otherKey());
    String forOther = answer(caller, c, otherRef).replace(otherRef, "{ref}");
    String forMissing = answer(caller, c, c.missing()).replace(c.missing(), "{ref}");
    assertThat(forOther).as("naming another program's %s", c.otherKey()).isEqualTo(forMissing);
    for (String secret : List.of("Secret circle", "Sam Senior", "Sue Junior", "Noel", "Olga")) {
      assertThat(forOther).as("%s must not be told", secret).doesNotContain(secret);
    }
  }

  private static String answer(Caller caller, Case c, String ref) {
    String typed = c.template().replace("{ref}", ref);
    Reply reply = switch (c.kind()) {
      case "command" -> w.say(caller, typed);
      case "click" -> {
        String[] parts = typed.split("\\|", 2);
        yield w.click(caller, parts[0], parts[1]);
      }
      default -> w.submit(caller, typed, Map.of("purpose", "feedback", "audience", "everyone", "closes", "2026-02-20",
          "role", "mentor", "grade", "3", "department", "Data", "consent", "yes", "date", "2026-02-02", "time", "10:00",
          "text", "a note"));
    };
    return reply.getClass().getSimpleName() + ": " + DeskWorld.text(reply);
  }

  private static Program program(String name, String coordinatorUser, String coordinatorName) {
    Program p = w.core.programs().create(NewProgram.reverse(name, "Allyship", LocalDate.of(2026, 1, 5)));
    w.core.programs().changeState(p.id(), ProgramState.ACTIVE);
    w.core.programs().addCoordinator(p.id(), person(coordinatorUser, coordinatorName).id());
    return p;
  }

  private static Person person(String user, String name) {
    Person p = w.core.people().save(new NewPerson(name.toLowerCase().replace(' ', '.') + "@example.com", name,
        ZoneId.of("Europe/London"), WorkingHours.officeHours()));
    w.core.people().link(p.id(), new PlatformIdentity(Platform.SLACK, DeskWorld.WORKSPACE, user));
    return p;
  }

  private static Participant enrol(Program program, Person person, Role role, int grade) {
    return w.core.participants().enrol(new Enrolment(program.id(), person.id(), role, grade, "Dept " + person.id(), null,
        Set.of("allyship"), Set.of("allyship"), Set.of("English"), 1, true));
  }

  private static Pairing pair(Program program, Participant mentor, Participant mentee) {
    Pairing p = w.core.pairings().propose(program.id(), mentor.id(), mentee.id(), 0, "test pair", false);
    w.core.pairingLifecycle().apply(p.id(), PairingEvent.MENTOR_ACCEPTS);
    w.core.pairingLifecycle().apply(p.id(), PairingEvent.MENTEE_ACCEPTS);
    return p;
  }
}
