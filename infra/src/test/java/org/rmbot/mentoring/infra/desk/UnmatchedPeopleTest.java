package org.rmbot.mentoring.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.ActionIds;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.participant.Enrolment;
import org.rmbot.mentoring.participant.NewPerson;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.participant.WorkingHours;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.testing.FakeChatPlatform;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * Someone a matching round leaves without a partner, on real PostgreSQL through the desk: told
 * once, privately and kindly, why in plain words and what happens next; never sent what is
 * meant for pairs (the kickoff, pair feedback); not counted among those asked for feedback.
 * Four mentors, two mentees: Theo is left over because both mentees went to others; Uma works
 * in the mentees' department, which rules her out.
 */
class UnmatchedPeopleTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private static final List<String> SOLVER_WORDS = List.of("eligible", "capacity", "excluded", "taken:", "scores higher",
      "grades below", "optimum");

  private DeskWorld w;
  private Program pilot;
  private final Caller cora = DeskWorld.caller("UCORA", "Cora Coordinator");
  private final Caller theo = DeskWorld.caller("UTHEO", "Theo Leftover");
  private final Caller uma = DeskWorld.caller("UUMA", "Uma Samedept");

  @BeforeEach
  void setUp() {
    w = new DeskWorld(db.database());
    LocalDate start = LocalDate.of(2026, 1, 6);
    pilot = w.core.programs().create(NewProgram.reverse("Pilot", "LGBTQ+ inclusion", start));
    w.core.programs().setDates(pilot.id(), start, start.plusWeeks(12));
    w.core.programs().changeState(pilot.id(), ProgramState.ENROLLING);
    w.core.programs().addCoordinator(pilot.id(), person(cora).id());
    enrol(DeskWorld.caller("UMIA", "Mia Mentor"), Role.MENTOR, 2, "Engineering");
    enrol(DeskWorld.caller("UNOAH", "Noah Mentor"), Role.MENTOR, 2, "Sales");
    enrol(theo, Role.MENTOR, 3, "Legal");
    enrol(uma, Role.MENTOR, 2, "Finance");
    enrol(DeskWorld.caller("UMAX", "Max Mentee"), Role.MENTEE, 8, "Finance");
    enrol(DeskWorld.caller("UNINA", "Nina Mentee"), Role.MENTEE, 9, "Finance");
  }

  @AfterEach
  void tearDown() {
    w.close();
  }

  @Test
  void theUnmatchedAreToldWhyOnceAndNeverGetWhatIsMeantForPairs() {
    String committed = DeskWorld.text(w.say(cora, "match commit Pilot"));
    assertThat(committed).contains("Proposed 2 pairs")
        .contains("Theo Leftover: every mentee who could be paired with them")
        .contains("Uma Samedept: no one they can be paired with: all 2 mentees waiting are ruled out (2 in the same department)");
    w.deliver();
    for (String mentee : List.of("UMAX", "UNINA")) {
      accept(mentee);
    }
    for (String mentor : List.of("UMIA", "UNOAH")) {
      accept(mentor);
    }
    // the day of the kickoff, everyone's working hours
    for (int hour = 0; hour < 30; hour++) {
      w.nudges.planning().planDue();
      w.deliver();
      w.world.clock.advance(Duration.ofHours(1));
    }
    String opened = DeskWorld.text(w.submit(cora, "feedback-open:" + pilot.id(),
        Map.of("purpose", "feedback", "audience", "everyone", "closes", "2026-01-30")));
    assertThat(opened).contains("4 people are invited");
    // someone joins late: the rematch pairs her with Theo; Uma is left over again, and is not told twice
    enrol(DeskWorld.caller("UZOE", "Zoe Latecomer"), Role.MENTEE, 8, "Finance");
    Instant rematch = w.world.clock.instant();
    assertThat(DeskWorld.text(w.say(cora, "rematch Pilot"))).contains("Proposed 1 pair").contains("1 unmatched")
        .contains("*Theo Leftover* (mentor) + *Zoe Latecomer* (mentee)");
    for (int hour = 0; hour < 30; hour++) {
      w.nudges.planning().planDue();
      w.deliver();
      w.world.clock.advance(Duration.ofHours(1));
    }

    for (Caller unmatched : List.of(theo, uma)) {
      List<FakeChatPlatform.Delivery> got = w.slack.to(unmatched.identity().userId()).stream()
          .filter(d -> d.message().meaning().key().equals("unmatched")).toList();
      assertThat(got).as(unmatched.displayName()).hasSize(1);
      assertThat(w.slack.to(unmatched.identity().userId()).stream().filter(d -> d.at().isBefore(rematch)))
          .as("before the rematch, %s got only the news", unmatched.displayName())
          .extracting(d -> d.message().meaning().key()).containsExactly("unmatched");
      FakeChatPlatform.Delivery told = got.get(0);
      assertThat(told.members()).containsExactly(unmatched.identity().userId());
      String text = DeskWorld.text(told.message());
      assertThat(text).contains("What happens next").contains("It says nothing about you");
      assertThat(SOLVER_WORDS).noneMatch(text::contains);
    }
    assertThat(DeskWorld.text(w.slack.to("UTHEO").get(0).message())).contains("every mentee who could be paired with you");
    assertThat(DeskWorld.text(w.slack.to("UUMA").get(0).message())).contains("under the program's rules");
    for (String paired : List.of("UMIA", "UNOAH", "UMAX", "UNINA")) {
      assertThat(w.slack.to(paired)).extracting(d -> d.message().meaning().key())
          .contains("kickoff", "feedback_invitation.feedback").doesNotContain("unmatched");
    }
    assertThat(w.nudges.ledger().ofProgram(pilot.id())).filteredOn(n -> n.kind().code().equals("kickoff")
        && n.lastError() != null).extracting(n -> n.lastError()).containsOnly("not_in_a_pairing").hasSize(2);
  }

  private void accept(String user) {
    FakeChatPlatform.Delivery proposal = w.slack.to(user).stream()
        .filter(d -> d.message().deliveryKey().startsWith("proposal/")).findFirst().orElseThrow();
    w.click(DeskWorld.caller(user, user), ActionIds.PROPOSAL_ACCEPT, button(proposal.message()).value());
    w.deliver();
  }

  private static Block.Button button(ChatMessage m) {
    return m.blocks().stream().filter(Block.Actions.class::isInstance).map(Block.Actions.class::cast)
        .flatMap(a -> a.buttons().stream()).filter(b -> b.actionId().equals(ActionIds.PROPOSAL_ACCEPT))
        .findFirst().orElseThrow();
  }

  private Person person(Caller caller) {
    Person p = w.core.people().save(new NewPerson(caller.email().orElseThrow(), caller.displayName(),
        ZoneId.of("Europe/London"), WorkingHours.officeHours()));
    w.core.people().link(p.id(), new PlatformIdentity(Platform.SLACK, DeskWorld.WORKSPACE, caller.identity().userId()));
    return p;
  }

  private void enrol(Caller caller, Role role, int grade, String department) {
    // Theo offers nothing the mentees look for: the best matching leaves him over
    Set<String> offered = caller == theo ? Set.of("cooking") : Set.of("allyship");
    w.core.participants().enrol(new Enrolment(pilot.id(), person(caller).id(), role, grade, department, null,
        offered, Set.of("allyship"), Set.of("English"), 1, true));
  }
}
