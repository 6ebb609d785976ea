package org.rmbot.mentoring.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.audit.AuditEntry;
import org.rmbot.mentoring.command.Command;
import org.rmbot.mentoring.command.CommandCatalogue;
import org.rmbot.mentoring.command.CommandHelp;
import org.rmbot.mentoring.command.CommandParser;
import org.rmbot.mentoring.command.Invocation;
import org.rmbot.mentoring.command.ParseResult;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.conversation.Reply;
import org.rmbot.mentoring.infra.render.PlatformChecks;
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
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * Every command of the catalogue, run through {@code ChatRouter.command} by each role against
 * the program "Pilot": a participant of it, a stranger, the coordinator of another program, a
 * coordinator of Pilot and a workspace admin. Participant commands answer everyone; coordinator
 * commands are refused to the first three, and every refusal is in the audit log with the
 * person who tried; admin commands only admins may run.
 */
class RoleMatrixTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private DeskWorld w;
  private Program pilot;
  private long openRequest;

  enum Role_ {
    PARTICIPANT("UMIA", "Mia Mentor"),
    STRANGER("USTRANGER", "Sid Stranger"),
    OTHER_COORDINATOR("UOTHER", "Olga Other"),
    COORDINATOR("UCORA", "Cora Coordinator"),
    ADMIN("UADMIN", "Ada Admin");

    final String user;
    final String name;

    Role_(String user, String name) {
      this.user = user;
      this.name = name;
    }

    Caller caller() {
      return DeskWorld.caller(user, name);
    }
  }

  /** Stands for the number of the open help request set up in Pilot, known once it exists. */
  private static final String OPEN_REQUEST = "9999";

  /** The text each catalogue entry is typed as: people are mentioned as Slack does, programs by name. */
  private static final Map<Class<? extends Command>, String> TYPED = typed();

  private static Map<Class<? extends Command>, String> typed() {
    Map<Class<? extends Command>, String> t = new LinkedHashMap<>();
    t.put(Command.Help.class, "help");
    t.put(Command.Join.class, "join");
    t.put(Command.Me.class, "me");
    t.put(Command.Snooze.class, "snooze 2w");
    t.put(Command.Pause.class, "pause");
    t.put(Command.Resume.class, "resume");
    t.put(Command.Leave.class, "leave");
    t.put(Command.HelpRequest.class, "help-request we could use some support");
    t.put(Command.Journal.class, "journal");
    t.put(Command.MyData.class, "my-data");
    t.put(Command.ForgetMe.class, "forget-me");
    t.put(Command.CreateProgram.class, "program create \"Second wave\" Allyship");
    t.put(Command.OpenProgram.class, "program open Pilot");
    t.put(Command.Status.class, "status Pilot");
    t.put(Command.MatchPreview.class, "match preview Pilot");
    t.put(Command.MatchCommit.class, "match commit Pilot");
    t.put(Command.Rematch.class, "rematch Pilot");
    t.put(Command.Pair.class, "pair <@UNOAH> <@UNINA>");
    t.put(Command.NeverPair.class, "never-pair <@UNOAH> <@UNINA>");
    t.put(Command.Unpair.class, "unpair <@UMAX>");
    t.put(Command.PausePairing.class, "pause <@UMAX>");
    t.put(Command.ResumePairing.class, "resume <@UMAX>");
    t.put(Command.NudgePerson.class, "nudge <@UMAX>");
    t.put(Command.NudgeAtRisk.class, "nudge at-risk");
    t.put(Command.HelpRequests.class, "help-requests Pilot");
    t.put(Command.ResolveHelpRequest.class, "help-requests done " + OPEN_REQUEST);
    t.put(Command.OpenFeedback.class, "feedback open Pilot");
    t.put(Command.CloseFeedback.class, "feedback close Pilot");
    t.put(Command.FeedbackResults.class, "feedback results Pilot");
    t.put(Command.Reminders.class, "reminders Pilot");
    t.put(Command.SwitchReminder.class, "reminders off midpoint Pilot");
    t.put(Command.Report.class, "report Pilot");
    t.put(Command.Export.class, "export Pilot");
    t.put(Command.ProgramDates.class, "program dates Pilot 2026-03-02 2026-08-31");
    t.put(Command.Forget.class, "forget <@UMAX>");
    t.put(Command.AddCoordinator.class, "coordinator add <@USTRANGER> Pilot");
    // last: everything after it would meet a closed program
    t.put(Command.CloseProgram.class, "program close Pilot");
    return t;
  }

  /** Commands that only admins may run, whatever the catalogue's help audience says. */
  private static final Set<Class<? extends Command>> ADMIN_ONLY = Set.of(Command.CreateProgram.class, Command.AddCoordinator.class);

  /**
   * Coordinator commands that act on the caller's own program when they name none: the other
   * program's coordinator runs them on that program, which is theirs to run.
   */
  private static final Set<Class<? extends Command>> ON_OWN_PROGRAM = Set.of(Command.NudgeAtRisk.class);

  /** What success looks like for Pilot's coordinator and the admin, where it says something specific. */
  private static final Map<Class<? extends Command>, String> SUCCESS = Map.ofEntries(
      Map.entry(Command.CreateProgram.class, "Created \"Second wave\""),
      Map.entry(Command.Status.class, "Pairs active: 1"),
      Map.entry(Command.NeverPair.class, "Noted: Noah Mentor and Nina Mentee will never be proposed together"),
      Map.entry(Command.Unpair.class, "is ended"),
      Map.entry(Command.NudgePerson.class, "I'll send Max Mentee a friendly nudge"),
      Map.entry(Command.HelpRequests.class, "#%s Max Mentee"),
      Map.entry(Command.ResolveHelpRequest.class, "is marked done"),
      Map.entry(Command.OpenFeedback.class, "callbackId=feedback-open:"),
      Map.entry(Command.FeedbackResults.class, "Feedback: Pilot"),
      Map.entry(Command.Reminders.class, "Scheduled messages in Pilot"),
      Map.entry(Command.SwitchReminder.class, "Switched off for \"Pilot\""),
      Map.entry(Command.Report.class, "I've sent the report for \"Pilot\""),
      Map.entry(Command.Export.class, "I've sent two CSV files for \"Pilot\""),
      Map.entry(Command.ProgramDates.class, "\"Pilot\" has started, so its dates can't change now. It runs from Mon 5 Jan 2026"),
      Map.entry(Command.Forget.class, "Erase everything I hold about Max Mentee?"),
      Map.entry(Command.AddCoordinator.class, "Sid Stranger now coordinates \"Pilot\""),
      Map.entry(Command.CloseProgram.class, "\"Pilot\" is closed"));

  @BeforeEach
  void setUp() {
    w = new DeskWorld(db.database());
    pilot = w.core.programs().create(NewProgram.reverse("Pilot", "LGBTQ+ inclusion", LocalDate.of(2026, 1, 5)));
    w.core.programs().changeState(pilot.id(), ProgramState.ACTIVE);
    Program other = w.core.programs().create(NewProgram.reverse("Other", "Generations", LocalDate.of(2026, 1, 5)));
    Person cora = person("UCORA", "Cora Coordinator");
    w.core.programs().addCoordinator(pilot.id(), cora.id());
    w.core.programs().addCoordinator(other.id(), person("UOTHER", "Olga Other").id());
    person("USTRANGER", "Sid Stranger");
    person("UADMIN", "Ada Admin");
    Participant mia = enrol(person("UMIA", "Mia Mentor"), Role.MENTOR, 2);
    Participant max = enrol(person("UMAX", "Max Mentee"), Role.MENTEE, 8);
    enrol(person("UNOAH", "Noah Mentor"), Role.MENTOR, 2);
    enrol(person("UNINA", "Nina Mentee"), Role.MENTEE, 9);
    Pairing proposed = w.core.pairings().propose(pilot.id(), mia.id(), max.id(), 0, "test pair", false);
    w.core.pairingLifecycle().apply(proposed.id(), PairingEvent.MENTOR_ACCEPTS);
    w.core.pairingLifecycle().apply(proposed.id(), PairingEvent.MENTEE_ACCEPTS);
    openRequest = w.world.jdbi.withHandle(h -> h.createQuery(
            "insert into help_request (program_id, person_id, created_at) values (:p, :person, now()) returning id")
        .bind("p", pilot.id()).bind("person", max.personId()).mapTo(Long.class).one());
  }

  private String typed(String text) {
    return text.replace(OPEN_REQUEST, String.valueOf(openRequest));
  }

  @AfterEach
  void tearDown() {
    w.close();
  }

  private Person person(String user, String name) {
    Person p = w.core.people().save(new NewPerson(name.toLowerCase().replace(' ', '.') + "@example.com", name,
        ZoneId.of("Europe/London"), WorkingHours.officeHours()));
    w.core.people().link(p.id(), new PlatformIdentity(Platform.SLACK, DeskWorld.WORKSPACE, user));
    return p;
  }

  private Participant enrol(Person person, Role role, int grade) {
    return w.core.participants().enrol(new Enrolment(pilot.id(), person.id(), role, grade, "Dept " + person.id(), null,
        Set.of("allyship"), Set.of("allyship"), Set.of("English"), 1, true));
  }

  @Test
  void everyCommandOfTheCatalogueIsInTheMatrix() {
    Set<Class<? extends Command>> catalogued = CommandCatalogue.all().stream().map(CommandHelp::command).collect(Collectors.toSet());
    assertThat(TYPED.keySet()).containsExactlyInAnyOrderElementsOf(catalogued);
    for (var entry : TYPED.entrySet()) {
      ParseResult parsed = new CommandParser(Invocation.SLASH_COMMAND).parse(entry.getValue());
      assertThat(parsed).as(entry.getValue()).isInstanceOfSatisfying(ParseResult.Parsed.class,
          p -> assertThat(p.command()).isInstanceOf(entry.getKey()));
    }
  }

  @ParameterizedTest
  @EnumSource(Role_.class)
  void everyCommandAsEveryRole(Role_ role) {
    Caller caller = role.caller();
    long personId = w.core.people().findByIdentity(caller.identity()).orElseThrow().id();
    for (var entry : TYPED.entrySet()) {
      Class<? extends Command> command = entry.getKey();
      CommandHelp help = CommandCatalogue.all().stream().filter(h -> h.command() == command).findFirst().orElseThrow();
      int refusalsBefore = refusals(personId).size();

      Reply reply = w.say(caller, typed(entry.getValue()));
      String said = DeskWorld.text(reply);
      List<AuditEntry> refused = refusals(personId).subList(refusalsBefore, refusals(personId).size());

      boolean allowed = switch (help.audience()) {
        case PARTICIPANT -> true;
        case COORDINATOR -> ADMIN_ONLY.contains(command) ? role == Role_.ADMIN
            : role == Role_.COORDINATOR || role == Role_.ADMIN || (role == Role_.OTHER_COORDINATOR && ON_OWN_PROGRAM.contains(command));
        case ADMIN -> role == Role_.ADMIN;
      };
      String what = role + " " + entry.getValue() + " -> " + said;
      assertThat(said).as(what).doesNotContain("something went wrong");
      if (allowed) {
        assertThat(refused).as(what).isEmpty();
        assertThat(said).as(what).doesNotStartWith("Only ");
        if (role == Role_.COORDINATOR || role == Role_.ADMIN) {
          assertThat(said).as(what).contains(String.format(SUCCESS.getOrDefault(command, ""), openRequest));
        }
      } else {
        assertThat(refusal(said)).as(what).isTrue();
        assertThat(refused).as(what).hasSize(1);
      }
    }
  }

  /**
   * Every reply of the catalogue as each role gets it (and their help on each command, and their
   * Home tab), rendered for Slack and for Teams: inside every limit of the reference files, with
   * nothing of it lost (the coordinator's help is the longest), and every instruction naming the
   * command the way it works on that platform.
   */
  @ParameterizedTest
  @EnumSource(Role_.class)
  void everyReplyShowsWholeOnBothPlatforms(Role_ role) {
    Caller caller = role.caller();
    List<String> problems = new java.util.ArrayList<>();
    List<String> typed = new java.util.ArrayList<>();
    CommandCatalogue.all().stream().map(CommandHelp::verb).distinct().forEach(verb -> typed.add("help " + verb));
    TYPED.values().forEach(text -> typed.add(typed(text)));
    for (String text : typed) {
      Reply reply = w.say(caller, text);
      String what = role + " " + text;
      if (reply instanceof Reply.Say say) {
        problems.addAll(PlatformChecks.problems(what, say.message()));
      } else if (reply instanceof Reply.Replace replace) {
        problems.addAll(PlatformChecks.problems(what, replace.message()));
      } else if (reply instanceof Reply.ShowForm show) {
        problems.addAll(PlatformChecks.slackFormProblems(what, show.form()));
        problems.addAll(PlatformChecks.teamsFormProblems(what, show.form()));
      }
    }
    org.rmbot.mentoring.chat.ChatMessage home = w.desk.home(caller);
    problems.addAll(PlatformChecks.slackHomeProblems(role + " home", home));
    problems.addAll(PlatformChecks.teamsProblems(role + " home", home));
    // and what the commands sent on their own (the report in a direct message) or planned (nudges)
    w.deliver();
    for (var delivered : w.slack.deliveries()) {
      problems.addAll(PlatformChecks.problems(role + " delivered " + delivered.message().deliveryKey(), delivered.message()));
    }
    if (role == Role_.COORDINATOR || role == Role_.ADMIN) {
      assertThat(w.slack.deliveries()).as("the report reached the coordinator's direct messages")
          .anyMatch(d -> d.message().fallbackText().startsWith("Report for"));
    }
    assertThat(problems).isEmpty();
  }

  /** Left without a program, or naming someone unknown, coordinator commands still refuse (and audit) non-coordinators. */
  @ParameterizedTest
  @EnumSource(value = Role_.class, names = {"PARTICIPANT", "STRANGER"})
  void coordinatorCommandsWithoutAProgramAreRefusedToo(Role_ role) {
    long personId = w.core.people().findByIdentity(role.caller().identity()).orElseThrow().id();
    List<String> typed = List.of("status", "match preview", "match commit", "rematch", "nudge at-risk", "feedback open",
        "feedback close", "feedback results", "report", "export", "forget <@UNOBODY>", "unpair <@UNOBODY>",
        "pair <@UNOAH> <@UNOBODY>", "nudge <@UMAX>", "coordinator add <@UNOBODY>", "program create Mine",
        "help-requests", "help-requests done 424242", "reminders", "reminders off midpoint");
    for (String text : typed) {
      int before = refusals(personId).size();
      String said = DeskWorld.text(w.say(role.caller(), text));
      assertThat(said).as(role + " " + text).startsWith("Only ");
      assertThat(refusals(personId)).as(role + " " + text).hasSize(before + 1);
    }
  }

  /**
   * A refusal: "Only ..." for someone who may not use the command at all; for a coordinator who
   * named something outside their programs, the answer a missing one gets (RefusalsRevealNothingTest).
   */
  private static boolean refusal(String said) {
    return said.startsWith("Only ") || said.startsWith("You coordinate no program called")
        || said.contains("in a program you coordinate.") || said.startsWith("That isn't a program you coordinate");
  }

  private List<AuditEntry> refusals(long personId) {
    return w.core.audit().recent(10_000).stream().filter(e -> e.refused() && Long.valueOf(personId).equals(e.actorPersonId()))
        .toList();
  }
}
