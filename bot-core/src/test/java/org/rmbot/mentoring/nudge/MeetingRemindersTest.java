package org.rmbot.mentoring.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
import org.rmbot.mentoring.testing.FakeChatPlatform.Delivery;
import org.rmbot.mentoring.testing.NudgeWorld;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/**
 * Meeting reminders on real PostgreSQL, with the planner and delivery run at every due time:
 * one reminder of each kind per person and meeting, the day-before one moved earlier (to the
 * last working day) when its day is not a working one, and the hour-before one an hour before,
 * or not at all, with the reason in the ledger, when that hour is outside the person's day.
 */
class MeetingRemindersTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE dd MMM HH:mm", Locale.ENGLISH);

  private World world;
  private NudgeWorld nudges;
  private Person mentor;
  private Person mentee;
  private Pairing pairing;

  @BeforeEach
  void setUp() {
    world = new World(db.jdbi());
    nudges = NudgeWorld.onFakeSlack(world);
    LocalDate start = LocalDate.of(2026, 1, 5);
    Program program = world.programs.create(new NewProgram("Pilot", "LGBTQ+ inclusion", Direction.REVERSE, start,
        start.plusWeeks(12), 14, 45, ProgramSettings.defaults()));
    world.programs.changeState(program.id(), ProgramState.ACTIVE);
    policyWithoutOtherNudges(program);
    mentor = nudges.aPersonIn("Amara Okafor", "Europe/London");
    mentee = nudges.aPersonIn("Helen Carter", "Europe/London");
    world.clock.moveTo(Instant.parse("2026-01-07T10:00:00Z"));
    pairing = nudges.activePairing(program, nudges.mentor(program, mentor), nudges.mentee(program, mentee));
  }

  @AfterEach
  void tearDown() {
    nudges.close();
  }

  @Test
  void aMondayMeetingIsRemindedOnFridayAndNotTwiceOnTheDay() {
    // Monday 12 January, 09:30 in London: the day before is a Sunday, the hour before is 08:30, before their day starts
    Instant meeting = Instant.parse("2026-01-12T09:30:00Z");
    world.meetings.book(pairing.id(), meeting, mentee.id());

    runUntil(meeting.plus(Duration.ofHours(1)));

    for (Person p : List.of(mentor, mentee)) {
      List<Delivery> reminders = reminders(p);
      assertThat(reminders).extracting(d -> local(p, d.at()))
          .as("reminders to %s", p.displayName()).containsExactly("Fri 09 Jan 09:30");
      assertThat(reminders.get(0).message().fallbackText()).contains("Mon 12 Jan, 09:30 (your time)")
          .doesNotContain("Europe/London");
    }
    assertThat(nudges.ledger.ofProgram(pairing.programId()))
        .filteredOn(n -> n.kind() == NudgeKind.MEETING_REMINDER && n.windowRef().endsWith("/PT1H"))
        .hasSize(2)
        .allSatisfy(n -> {
          assertThat(n.state()).isEqualTo(NudgeState.SKIPPED);
          assertThat(n.lastError()).isEqualTo("outside_working_hours");
        });
  }

  @Test
  void theHourBeforeReminderArrivesAnHourBefore() {
    Instant meeting = Instant.parse("2026-01-13T11:00:00Z");
    world.meetings.book(pairing.id(), meeting, mentee.id());

    runUntil(meeting.plus(Duration.ofHours(1)));

    for (Person p : List.of(mentor, mentee)) {
      assertThat(reminders(p)).extracting(d -> local(p, d.at())).containsExactly("Mon 12 Jan 11:00", "Tue 13 Jan 10:00");
      assertThat(reminders(p).get(1).message().fallbackText()).contains("starts in an hour, at 11:00 (your time)");
    }
  }

  private List<Delivery> reminders(Person p) {
    return nudges.slack.to(NudgeWorld.slackUser(p)).stream()
        .filter(d -> d.message().deliveryKey().startsWith("meeting_reminder/")).toList();
  }

  /** Only reminders: the other kinds of nudge are switched off for this program. */
  private void policyWithoutOtherNudges(Program program) {
    world.jdbi.useHandle(h -> h.createUpdate("update program set nudge_policy = cast(:p as jsonb) where id = :id")
        .bind("p", """
            {"disabled": ["introduction", "book_first_meeting", "mentor_preparation", "check_in", "reflection",
              "stalled", "at_risk", "kickoff", "midpoint", "closing", "feedback_campaign"]}""")
        .bind("id", program.id()).execute());
  }

  /** The planner and delivery at every due time, as the scheduler runs them, and at least every hour. */
  private void runUntil(Instant end) {
    while (world.clock.instant().isBefore(end)) {
      Instant now = world.clock.instant();
      nudges.planning.planDue();
      nudges.dispatchAllDue();
      Instant next = now.plus(Duration.ofHours(1));
      Instant due = nudges.nextDueAt().orElse(next);
      world.clock.moveTo(due.isAfter(now) && due.isBefore(next) ? due : next);
    }
  }

  private static String local(Person p, Instant at) {
    ZonedDateTime local = at.atZone(p.timeZone());
    return LOCAL.format(local);
  }
}
