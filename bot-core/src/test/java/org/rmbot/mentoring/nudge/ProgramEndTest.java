package org.rmbot.mentoring.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.Direction;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramSettings;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.testing.NudgeWorld;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/**
 * After the program's last day (the end of {@code endsOn} in the program's zone) the bot has said
 * goodbye: rows planned earlier that organise pairs are cancelled when they come due, while the
 * same kinds due on the last day still go. The program stays active (nobody has closed it): the
 * end date alone decides.
 */
class ProgramEndTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();

  private static final LocalDate START = LocalDate.of(2026, 1, 6);
  private static final LocalDate LAST_DAY = LocalDate.of(2026, 3, 31);

  private World world;
  private NudgeWorld nudges;
  private Program program;
  private Person mentor;
  private Person mentee;
  private Pairing pairing;

  @BeforeEach
  void setUp() {
    world = new World(db.jdbi());
    nudges = NudgeWorld.onFakeSlack(world);
    program = world.programs.create(new NewProgram("Pilot", "LGBTQ+ inclusion", Direction.REVERSE, START, LAST_DAY, 14,
        45, new ProgramSettings(5, java.time.ZoneId.of("Europe/London"), 1, 2, 365)));
    world.programs.changeState(program.id(), ProgramState.ACTIVE);
    mentor = nudges.aPersonIn("Amara Okafor", "Europe/London");
    mentee = nudges.aPersonIn("Helen Carter", "America/New_York");
    world.clock.moveTo(Instant.parse("2026-01-07T10:00:00Z"));
    pairing = nudges.activePairing(program, nudges.mentor(program, mentor), nudges.mentee(program, mentee));
  }

  @AfterEach
  void tearDown() {
    nudges.close();
  }

  @Test
  void whatOrganisesPairsIsCancelledOnceTheLastDayIsOverAndNotBefore() {
    // the program's zone is London: its last day ends at 2026-04-01T00:00 there (BST, 23:00 UTC)
    Instant lastAfternoon = Instant.parse("2026-03-31T14:00:00Z");
    Instant weekAfter = Instant.parse("2026-04-07T14:00:00Z");
    List<NudgeKind> organising = List.of(NudgeKind.CHECK_IN, NudgeKind.REFLECTION, NudgeKind.MENTOR_PREPARATION,
        NudgeKind.BOOK_FIRST_MEETING, NudgeKind.STALLED);
    List<PlannedNudge> rows = new java.util.ArrayList<>();
    for (NudgeKind kind : organising) {
      rows.add(new PlannedNudge(program.id(), pairing.id(), mentee.id(), Audience.PERSON, kind, "window:2026-03-24",
          lastAfternoon, null));
      rows.add(new PlannedNudge(program.id(), pairing.id(), mentor.id(), Audience.PERSON, kind, "window:2026-04-07",
          weekAfter, null));
    }
    // what a coordinator asks for still goes after the end
    rows.add(new PlannedNudge(program.id(), null, mentee.id(), Audience.PERSON, NudgeKind.COORDINATOR_NUDGE,
        "at:2026-04-07T14:00", weekAfter, null));
    nudges.ledger.plan(rows);
    // a meeting after the end, booked before it: its reminders would come once the program is over
    Instant meeting = Instant.parse("2026-04-08T15:00:00Z");
    world.meetings.book(pairing.id(), meeting, mentee.id());
    long reminderId = nudges.ledger.plan(List.of(new PlannedNudge(program.id(), pairing.id(), mentor.id(),
        Audience.PERSON, NudgeKind.MEETING_REMINDER,
        "meeting:" + world.meetings.ofPairing(pairing.id()).get(0).id() + "@" + meeting.getEpochSecond() + "/PT24H",
        meeting.minus(Duration.ofHours(24)), meeting))) > 0 ? 1 : 0;
    assertThat(reminderId).as("the reminder row was planned").isEqualTo(1);

    world.clock.moveTo(lastAfternoon.plus(Duration.ofMinutes(1)));
    nudges.delivering.dispatchAllDue();
    // on the last day they still go (or wait for a later hour, if the day's limits say so)
    assertThat(nudges.ledger.ofProgram(program.id())).filteredOn(n -> n.windowRef().equals("window:2026-03-24"))
        .hasSize(organising.size()).noneMatch(n -> n.state() == NudgeState.CANCELLED)
        .anyMatch(n -> n.state() == NudgeState.SENT);
    world.clock.moveTo(Instant.parse("2026-04-01T00:30:00Z")); // Wed 1 Apr, 01:30 in London: the end has passed
    nudges.delivering.dispatchAllDue();
    world.clock.moveTo(meeting);
    nudges.delivering.dispatchAllDue();

    Map<String, Nudge> byKey = nudges.ledger.ofProgram(program.id()).stream()
        .collect(Collectors.toMap(n -> n.kind().code() + "@" + n.windowRef(), Function.identity()));
    for (NudgeKind kind : organising) {
      Nudge after = byKey.get(kind.code() + "@window:2026-04-07");
      assertThat(after.state()).as("%s due a week after the end", kind).isEqualTo(NudgeState.CANCELLED);
      assertThat(after.lastError()).isEqualTo("program_ended");
    }
    Nudge reminder = byKey.values().stream().filter(n -> n.kind() == NudgeKind.MEETING_REMINDER).findFirst().orElseThrow();
    assertThat(reminder.state()).isEqualTo(NudgeState.CANCELLED);
    assertThat(reminder.lastError()).isEqualTo("program_ended");
    assertThat(byKey.get("coordinator_nudge@at:2026-04-07T14:00").state()).isEqualTo(NudgeState.SENT);
    assertThat(nudges.slack.to(NudgeWorld.slackUser(mentor))).as("what the mentor got after the end")
        .noneMatch(d -> !d.at().isBefore(Instant.parse("2026-03-31T23:00:00Z")));
  }

  @Test
  void thePlannerPlansNoRemindersOrReflectionsThatWouldComeAfterTheEnd() {
    world.clock.moveTo(Instant.parse("2026-03-30T10:00:00Z"));
    world.meetings.book(pairing.id(), Instant.parse("2026-04-08T15:00:00Z"), mentee.id());
    world.meetings.book(pairing.id(), Instant.parse("2026-03-31T16:00:00Z"), mentee.id());
    world.clock.moveTo(Instant.parse("2026-03-30T10:05:00Z"));
    nudges.planning.planDue();

    List<Nudge> reminders = nudges.ledger.ofProgram(program.id()).stream()
        .filter(n -> n.kind() == NudgeKind.MEETING_REMINDER).toList();
    assertThat(reminders).as("only the meeting on the last day is reminded").isNotEmpty()
        .allSatisfy(n -> assertThat(n.windowRef()).contains("@" + Instant.parse("2026-03-31T16:00:00Z").getEpochSecond()));
  }
}
