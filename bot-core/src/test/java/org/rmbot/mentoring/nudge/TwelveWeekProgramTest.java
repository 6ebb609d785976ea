package org.rmbot.mentoring.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.meeting.CheckInAnswer;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.PairingEvent;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.Direction;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramSettings;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.testing.FakeChatPlatform.Delivery;
import org.rmbot.mentoring.testing.NudgeWorld;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/**
 * A whole 12-week program on the movable clock: the planner and the delivery run as the
 * scheduler would (whenever something comes due, and at least every six hours), people answer check-ins as
 * they arrive, and the test checks exactly what each person received and when, in their own
 * time zone.
 *
 * <p>Three pairs, all activated on Monday 5 January 2026 at 08:00 UTC, meeting every 14 days:
 * <ul>
 *   <li>Amara (mentor, London) and Bettina (mentee, Berlin) meet steadily: Bettina books the
 *       first meeting before being asked, both answer "we met" every window. Amara snoozes from
 *       20 February to 9 March.
 *   <li>Chidi (mentor, London) and Dana (mentee, New York) never meet: the gentle nudge after two
 *       windows, then the at-risk alert to Grace, the coordinator (New York), after three.
 *   <li>Eli and Fiona (both London) pause their pairing from 12 January to 9 February, skip the
 *       first window after it, then meet. The paused windows do not count towards escalation.
 * </ul>
 */
class TwelveWeekProgramTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE dd MMM HH:mm", Locale.ENGLISH);

  private World world;
  private NudgeWorld nudges;

  @BeforeEach
  void setUp() {
    world = new World(db.jdbi());
    nudges = NudgeWorld.onFakeSlack(world);
  }

  @AfterEach
  void tearDown() {
    nudges.close();
  }

  @Test
  void twelveWeeksOfNudgesReachEachPersonInTheirOwnWorkingHours() {
    LocalDate start = LocalDate.of(2026, 1, 5);
    Program program = world.programs.create(new NewProgram("Pilot", "LGBTQ+ inclusion", Direction.REVERSE, start,
        start.plusWeeks(12), 14, 45, ProgramSettings.defaults()));
    world.programs.changeState(program.id(), ProgramState.ACTIVE);
    Person amara = nudges.aPersonIn("Amara Okafor", "Europe/London");
    Person bettina = nudges.aPersonIn("Bettina Kraus", "Europe/Berlin");
    Person chidi = nudges.aPersonIn("Chidi Mensah", "Europe/London");
    Person dana = nudges.aPersonIn("Dana Whitfield", "America/New_York");
    Person eli = nudges.aPersonIn("Eli Park", "Europe/London");
    Person fiona = nudges.aPersonIn("Fiona Grant", "Europe/London");
    Person grace = nudges.aPersonIn("Grace Lee", "America/New_York");
    world.programs.addCoordinator(program.id(), grace.id());
    Participant amaraAsMentor = nudges.mentor(program, amara);
    Pairing steady = nudges.activePairing(program, amaraAsMentor, nudges.mentee(program, bettina));
    Pairing stalled = nudges.activePairing(program, nudges.mentor(program, chidi), nudges.mentee(program, dana));
    Pairing paused = nudges.activePairing(program, nudges.mentor(program, eli), nudges.mentee(program, fiona));

    Map<Instant, Runnable> events = new TreeMap<>();
    events.put(Instant.parse("2026-01-05T12:00:00Z"),
        () -> world.meetings.book(steady.id(), Instant.parse("2026-01-08T14:00:00Z"), bettina.id()));
    events.put(Instant.parse("2026-01-12T08:00:00Z"), () -> nudges.lifecycle.apply(paused.id(), PairingEvent.PAUSE));
    events.put(Instant.parse("2026-02-09T08:00:00Z"), () -> nudges.lifecycle.apply(paused.id(), PairingEvent.RESUME));
    events.put(Instant.parse("2026-02-20T08:00:00Z"),
        () -> world.participants.snoozeUntil(amaraAsMentor.id(), Instant.parse("2026-03-09T00:00:00Z")));
    // who answers "we met" when a check-in arrives
    Predicate<Delivery> answersMet = d -> {
      String user = d.members().get(0);
      boolean steadyPair = user.equals(NudgeWorld.slackUser(amara)) || user.equals(NudgeWorld.slackUser(bettina));
      boolean pausedPair = user.equals(NudgeWorld.slackUser(eli)) || user.equals(NudgeWorld.slackUser(fiona));
      return steadyPair || (pausedPair && d.at().isAfter(Instant.parse("2026-03-01T00:00:00Z")));
    };

    runUntil(Instant.parse("2026-04-14T00:00:00Z"), events, answersMet);

    assertThat(received(amara)).containsExactly(
        "Mon 05 Jan 09:00 introduction",
        "Mon 05 Jan 09:00 kickoff",
        "Tue 06 Jan 09:00 mentor_preparation",
        "Wed 07 Jan 14:00 meeting_reminder",
        "Thu 08 Jan 13:00 meeting_reminder",
        "Mon 19 Jan 09:00 check_in",
        "Mon 19 Jan 10:00 reflection",
        "Mon 02 Feb 09:00 check_in",
        "Mon 02 Feb 10:00 reflection",
        "Mon 16 Feb 09:00 midpoint",
        "Mon 16 Feb 09:00 check_in",
        "Mon 16 Feb 10:00 reflection",
        // snoozed from 20 Feb to 9 Mar: the check-in and reflection of 2 March wait for her
        "Mon 09 Mar 09:00 check_in",
        "Mon 09 Mar 09:00 reflection",
        "Mon 16 Mar 09:00 check_in",
        "Mon 16 Mar 10:00 reflection",
        // British summer time from 29 March
        "Mon 30 Mar 09:00 closing",
        "Mon 30 Mar 09:00 check_in",
        "Mon 30 Mar 11:00 reflection");
    assertThat(received(bettina)).containsExactly(
        "Mon 05 Jan 09:00 kickoff",
        "Mon 05 Jan 10:00 introduction",
        // she booked the first meeting before being asked: no "please book" nudge
        "Wed 07 Jan 15:00 meeting_reminder",
        "Thu 08 Jan 14:00 meeting_reminder",
        "Mon 19 Jan 09:00 check_in",
        "Mon 19 Jan 11:00 reflection",
        "Mon 02 Feb 09:00 check_in",
        "Mon 02 Feb 11:00 reflection",
        "Mon 16 Feb 09:00 midpoint",
        "Mon 16 Feb 09:00 check_in",
        "Mon 16 Feb 11:00 reflection",
        "Mon 02 Mar 09:00 check_in",
        "Mon 02 Mar 11:00 reflection",
        "Mon 16 Mar 09:00 check_in",
        "Mon 16 Mar 11:00 reflection",
        "Mon 30 Mar 09:00 closing",
        "Mon 30 Mar 10:00 check_in",
        "Mon 30 Mar 12:00 reflection");
    assertThat(received(chidi)).containsExactly(
        "Mon 05 Jan 09:00 kickoff",
        // London and New York share 14:00-17:00 UK time
        "Mon 05 Jan 14:00 introduction",
        "Tue 06 Jan 09:00 mentor_preparation",
        "Mon 19 Jan 09:00 check_in",
        "Mon 02 Feb 09:00 check_in",
        "Wed 04 Feb 09:00 stalled",
        "Mon 16 Feb 09:00 midpoint",
        "Mon 16 Feb 09:00 check_in",
        "Mon 02 Mar 09:00 check_in",
        "Mon 16 Mar 09:00 check_in",
        "Mon 30 Mar 09:00 closing",
        "Mon 30 Mar 09:00 check_in");
    assertThat(received(dana)).containsExactly(
        "Mon 05 Jan 09:00 introduction",
        "Mon 05 Jan 09:00 kickoff",
        "Tue 06 Jan 09:00 book_first_meeting",
        "Mon 19 Jan 09:00 check_in",
        "Mon 02 Feb 09:00 check_in",
        "Wed 04 Feb 09:00 stalled",
        "Mon 16 Feb 09:00 midpoint",
        "Mon 16 Feb 09:00 check_in",
        "Mon 02 Mar 09:00 check_in",
        // US daylight saving time from 8 March: still 09:00 local
        "Mon 16 Mar 09:00 check_in",
        "Mon 30 Mar 09:00 closing",
        "Mon 30 Mar 09:00 check_in");
    assertThat(received(eli)).containsExactly(
        "Mon 05 Jan 09:00 introduction",
        "Mon 05 Jan 09:00 kickoff",
        "Tue 06 Jan 09:00 mentor_preparation",
        // paused from 12 January to 9 February: nothing about the pairing
        "Mon 16 Feb 09:00 midpoint",
        "Mon 16 Feb 09:00 check_in",
        "Mon 02 Mar 09:00 check_in",
        "Mon 02 Mar 11:00 reflection",
        "Mon 16 Mar 09:00 check_in",
        "Mon 16 Mar 11:00 reflection",
        "Mon 30 Mar 09:00 closing",
        "Mon 30 Mar 09:00 check_in",
        "Mon 30 Mar 11:00 reflection");
    assertThat(received(fiona)).containsExactly(
        "Mon 05 Jan 09:00 introduction",
        "Mon 05 Jan 09:00 kickoff",
        "Tue 06 Jan 09:00 book_first_meeting",
        "Mon 16 Feb 09:00 midpoint",
        "Mon 16 Feb 09:00 check_in",
        "Mon 02 Mar 09:00 check_in",
        "Mon 02 Mar 11:00 reflection",
        "Mon 16 Mar 09:00 check_in",
        "Mon 16 Mar 11:00 reflection",
        "Mon 30 Mar 09:00 closing",
        "Mon 30 Mar 09:00 check_in",
        "Mon 30 Mar 11:00 reflection");
    assertThat(received(grace)).containsExactly(
        "Mon 05 Jan 09:00 kickoff",
        "Mon 16 Feb 09:00 midpoint",
        "Wed 18 Feb 09:00 at_risk",
        "Mon 30 Mar 09:00 closing");

    for (Delivery d : nudges.slack.deliveries()) {
      for (String user : d.members()) {
        Person person = world.people.findById(Long.parseLong(user.substring(1))).orElseThrow();
        assertThat(WorkingTime.isWorking(person, d.at())).as("%s at %s", person.displayName(), d.at()).isTrue();
      }
    }
    assertThat(nudges.ledger.ofProgram(program.id())).allSatisfy(n -> assertThat(n.state().isFinal()).isTrue());
    assertThat(nudges.ledger.deadLetters(program.id())).isEmpty();
    assertThat(reasons(program, NudgeKind.BOOK_FIRST_MEETING)).containsExactlyInAnyOrder("meeting_booked", null, null);
    assertThat(nudges.ledger.ofProgram(program.id())).filteredOn(n -> Long.valueOf(paused.id()).equals(n.pairingId())
            && n.kind() == NudgeKind.CHECK_IN && n.state() == NudgeState.SKIPPED)
        .extracting(Nudge::lastError).containsOnly("pairing_paused").hasSize(4);

    String closingToBettina = text(bettina, "closing");
    assertThat(closingToBettina).contains("Amara Okafor");
    assertThat(text(grace, "closing")).contains("Amara Okafor", "Chidi Mensah", "Eli Park");
    assertThat(text(grace, "at_risk")).contains("Chidi Mensah", "Dana Whitfield");
    assertThat(text(amara, "mentor_preparation")).contains("LGBTQ+ inclusion");
    assertThat(world.audit.ofProgram(program.id())).extracting(e -> e.action() + " " + e.subject() + " " + e.at())
        .containsExactly("open feedback campaign campaign:kickoff 2026-01-05T09:00:00Z",
            "open feedback campaign campaign:midpoint 2026-02-16T09:00:00Z",
            "open feedback campaign campaign:closing 2026-03-30T09:00:00Z");
  }

  /** Runs the planner and the delivery as the scheduler would: at every due time, and at least every six hours. */
  private void runUntil(Instant end, Map<Instant, Runnable> events, Predicate<Delivery> answersMet) {
    int seen = 0;
    while (world.clock.instant().isBefore(end)) {
      Instant now = world.clock.instant();
      events.entrySet().removeIf(e -> {
        if (!e.getKey().isAfter(now)) {
          e.getValue().run();
          return true;
        }
        return false;
      });
      nudges.planning.planDue();
      nudges.dispatchAllDue();
      List<Delivery> all = nudges.slack.deliveries();
      for (Delivery d : all.subList(seen, all.size())) {
        if (kind(d).equals("check_in") && answersMet.test(d)) {
          String[] value = checkInValue(d).split("\\|");
          long person = Long.parseLong(d.members().get(0).substring(1));
          world.meetings.checkIn(Long.parseLong(value[0]), person, LocalDate.parse(value[1]), CheckInAnswer.MET);
        }
      }
      seen = all.size();
      // the scheduler plans every minute or so: what people just did is planned before time moves on
      nudges.planning.planDue();
      Instant next = now.plus(Duration.ofHours(6));
      Instant due = nudges.nextDueAt().orElse(next);
      if (due.isAfter(now) && due.isBefore(next)) {
        next = due;
      }
      for (Instant at : events.keySet()) {
        if (at.isAfter(now) && at.isBefore(next)) {
          next = at;
        }
      }
      world.clock.moveTo(next);
    }
  }

  private List<String> received(Person person) {
    List<String> lines = new ArrayList<>();
    for (Delivery d : nudges.slack.to(NudgeWorld.slackUser(person))) {
      ZonedDateTime local = d.at().atZone(person.timeZone());
      lines.add(LOCAL.format(local) + " " + kind(d));
    }
    return lines;
  }

  private String text(Person person, String kind) {
    return nudges.slack.to(NudgeWorld.slackUser(person)).stream().filter(d -> kind(d).equals(kind))
        .map(d -> d.message().fallbackText()).findFirst().orElseThrow();
  }

  private List<String> reasons(Program program, NudgeKind kind) {
    return nudges.ledger.ofProgram(program.id()).stream().filter(n -> n.kind() == kind).map(Nudge::lastError).toList();
  }

  /** The kind is the first part of the delivery key the ledger gave the message. */
  private static String kind(Delivery d) {
    return d.message().deliveryKey().substring(0, d.message().deliveryKey().indexOf('/'));
  }

  private static String checkInValue(Delivery d) {
    return d.message().blocks().stream().filter(b -> b instanceof Block.Actions).map(b -> (Block.Actions) b)
        .flatMap(a -> a.buttons().stream()).filter(b -> b.actionId().equals(NudgeMessages.CHECK_IN_MET))
        .findFirst().orElseThrow().value();
  }
}
