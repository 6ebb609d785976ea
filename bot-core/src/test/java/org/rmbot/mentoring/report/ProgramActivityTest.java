package org.rmbot.mentoring.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.meeting.CheckInAnswer;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.PairingEvent;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.Direction;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramSettings;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.privacy.SecretKey;
import org.rmbot.mentoring.testing.FakeChatPlatform.Delivery;
import org.rmbot.mentoring.testing.NudgeWorld;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/**
 * The program's figures, on real PostgreSQL after three weeks of real planning and delivery:
 * each equals the count of what actually happened (messages the platform received, answers
 * given, meetings booked), and the report, its CSV and the status say the same number under
 * the same name. The chart counts a meeting in the week it happened (the booked one), not the
 * week of the check-in that confirmed it.
 */
class ProgramActivityTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private static final SecretKey SECRET = SecretKey.of("a-figures-test-secret-that-is-long-enough-1234");

  private World world;
  private NudgeWorld nudges;

  @BeforeEach
  void setUp() {
    world = new World(db.jdbi());
    nudges = NudgeWorld.withFeedback(world, SECRET);
  }

  @AfterEach
  void tearDown() {
    nudges.close();
  }

  @Test
  void everyFigureIsTheCountOfWhatHappenedAndSaysTheSameEverywhere() {
    LocalDate start = LocalDate.of(2026, 1, 5);
    Program program = world.programs.create(new NewProgram("Pilot", "LGBTQ+ inclusion", Direction.REVERSE, start,
        start.plusWeeks(12), 14, 45, ProgramSettings.defaults()));
    world.programs.changeState(program.id(), ProgramState.ACTIVE);
    Person amara = nudges.aPersonIn("Amara Okafor", "Europe/London");
    Person helen = nudges.aPersonIn("Helen Carter", "Europe/London");
    Person chidi = nudges.aPersonIn("Chidi Mensah", "Europe/London");
    Person dana = nudges.aPersonIn("Dana Whitfield", "Europe/London");
    Person eli = nudges.aPersonIn("Eli Park", "Europe/London");
    Person fay = nudges.aPersonIn("Fay Grant", "Europe/London");
    world.programs.addCoordinator(program.id(), nudges.aPersonIn("Grace Lee", "Europe/London").id());
    Pairing met = nudges.activePairing(program, nudges.mentor(program, amara), nudges.mentee(program, helen));
    nudges.activePairing(program, nudges.mentor(program, chidi), nudges.mentee(program, dana));
    Pairing declined = world.pairings.propose(program.id(), nudges.mentor(program, eli).id(),
        nudges.mentee(program, fay).id(), 0, "test pair", false);
    nudges.lifecycle.apply(declined.id(), PairingEvent.DECLINE);
    // a meeting in the week of 12 January, confirmed by both at the check-in on 19 January
    world.meetings.book(met.id(), Instant.parse("2026-01-13T14:00:00Z"), helen.id());

    runUntil(Instant.parse("2026-01-26T17:00:00Z"), met, List.of(amara, helen));

    ProgramReport report = new ImpactReport(world.jdbi, nudges.feedback, world.clock).of(program);
    ProgramActivity a = report.activity();
    List<Delivery> delivered = nudges.slack.deliveries();
    assertThat(a.pairsProposed()).isEqualTo(3);
    assertThat(a.pairsAccepted()).isEqualTo(2);
    assertThat(a.pairsDeclined()).isEqualTo(1);
    assertThat(a.introductions()).isEqualTo(count(delivered, "introduction")).isEqualTo(2);
    assertThat(a.meetingsBooked()).isEqualTo(1);
    assertThat(a.meetingsHeld()).as("one meeting, though both said they met").isEqualTo(1);
    assertThat(a.answeredMet()).isEqualTo(2);
    assertThat(a.checkInsSent()).isEqualTo(count(delivered, "check_in"));
    assertThat(a.remindersSent()).isEqualTo(count(delivered, "meeting_reminder"));
    assertThat(a.messagesSent()).as("every message the platform received from the schedule, and nothing else")
        .isEqualTo(delivered.size());
    assertThat(nudges.milestones.ofProgram(program.id())).as("a campaign opened, which is not a message")
        .anyMatch(m -> m.doneAt() != null && !m.switchedOff());

    assertThat(report.weeks()).filteredOn(w -> w.start().equals(LocalDate.of(2026, 1, 12)))
        .singleElement().extracting(ProgramReport.Week::meetingsHeld).isEqualTo(1);
    assertThat(report.weeks()).filteredOn(w -> w.start().equals(LocalDate.of(2026, 1, 19)))
        .singleElement().extracting(ProgramReport.Week::meetingsHeld).isEqualTo(0);

    ChatMessage message = ReportMessage.of(report);
    assertThat(message.meaning().figures()).containsAllEntriesOf(a.figures())
        .containsEntry("pairs_active", 2L);
    String fields = message.blocks().stream().filter(Block.Fields.class::isInstance).map(Block.Fields.class::cast)
        .flatMap(f -> f.fields().stream()).map(f -> f.label() + ": " + f.value()).reduce("", (x, y) -> x + "\n" + y);
    assertThat(fields).contains("Pairs: 3 proposed, 2 accepted by both, 1 declined; 2 active now")
        .contains("Meetings: 1 booked, 1 held").contains("Messages sent: " + delivered.size() + " (");
    String csv = new String(ReportCsv.figures(report), StandardCharsets.UTF_8);
    for (Map.Entry<String, Long> f : a.figures().entrySet()) {
      assertThat(csv).contains("activity," + f.getKey() + ",," + f.getValue() + "\r\n");
    }
    ProgramStatus status = new ProgramFigures(world.jdbi, world.clock).status(program);
    assertThat(status.pairings("active")).isEqualTo(report.activePairs());
    assertThat(status.atRisk()).isEqualTo(report.atRisk());
  }

  private static int count(List<Delivery> delivered, String kind) {
    return (int) delivered.stream().filter(d -> d.message().deliveryKey().startsWith(kind + "/")).count();
  }

  /** The planner and delivery at every due time; the first pair answers "we met" to its check-ins. */
  private void runUntil(Instant end, Pairing met, List<Person> answering) {
    int seen = 0;
    while (world.clock.instant().isBefore(end)) {
      Instant now = world.clock.instant();
      nudges.planning.planDue();
      nudges.dispatchAllDue();
      List<Delivery> all = nudges.slack.deliveries();
      for (Delivery d : all.subList(seen, all.size())) {
        for (Person p : answering) {
          if (d.message().deliveryKey().startsWith("check_in/pairing:" + met.id() + "/person:" + p.id() + "/")) {
            String window = d.message().deliveryKey().substring(d.message().deliveryKey().indexOf("window:") + 7);
            world.meetings.checkIn(met.id(), p.id(), LocalDate.parse(window), CheckInAnswer.MET);
          }
        }
      }
      seen = all.size();
      Instant next = now.plus(Duration.ofHours(6));
      Instant due = nudges.nextDueAt().orElse(next);
      world.clock.moveTo(due.isAfter(now) && due.isBefore(next) ? due : next);
    }
  }
}
