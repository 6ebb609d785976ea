package org.rmbot.mentoring.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.PairingEvent;
import org.rmbot.mentoring.participant.Enrolment;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.testing.TestDatabase;

/** {@code me}: each state a participant's pairing can be in, as each side sees it. */
class MeTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private DeskWorld w;
  private Scene scene;
  private Caller mentor;
  private Caller mentee;
  private Pairing pairing;

  @BeforeEach
  void setUp() {
    w = new DeskWorld(db.database());
    scene = new Scene(w, 2, Map.of(), List.of());
    mentor = scene.mentors.get(0);
    mentee = scene.mentees.get(0);
    pairing = scene.pairings.get(0);
  }

  @AfterEach
  void tearDown() {
    w.close();
  }

  private String me(Caller caller) {
    return DeskWorld.text(w.say(caller, "me"));
  }

  @Test
  void someoneInNoProgramIsToldHowToJoin() {
    assertThat(me(DeskWorld.caller("UNEW", "New Person"))).contains("You're not in a mentoring program yet");
  }

  @Test
  void anActivePairingNamesThePartnerAndTheNextMeetingOnly() {
    assertThat(me(mentor)).contains("*Pilot*: you're a mentor").contains("Paired with *Mentee Number0* (your mentee)")
        .contains("No meeting booked yet: your mentee will send an invitation").doesNotContain("Mentor Number1");
    assertThat(me(mentee)).contains("Paired with *Mentor Number0* (your mentor)").contains("Next step: book your next meeting");

    long menteePerson = scene.person(mentee).id();
    w.core.meetings().book(pairing.id(), w.world.clock.instant().minus(Duration.ofDays(7)), menteePerson);
    w.core.meetings().book(pairing.id(), w.world.clock.instant().plus(Duration.ofDays(9)), menteePerson);
    w.core.meetings().book(pairing.id(), w.world.clock.instant().plus(Duration.ofDays(2)), menteePerson);
    // Monday 5 Jan 2026 10:00 in London, two days on
    assertThat(me(mentor)).contains("Next meeting: Wed 7 Jan");
  }

  @Test
  void proposalsPausesAndEndedPairingsReadAsTheyAre() {
    w.core.pairingLifecycle().apply(pairing.id(), PairingEvent.PAUSE);
    assertThat(me(mentor)).contains("Your pairing with Mentee Number0 is paused");
    w.core.pairingLifecycle().apply(pairing.id(), PairingEvent.END);
    assertThat(me(mentor)).contains("No match yet: you're in the pool").doesNotContain("Mentee Number0");

    // a second program, where a proposal waits for this mentor's answer, then for the partner's
    Program second = w.core.programs().create(NewProgram.reverse("Second", "Allyship", LocalDate.of(2026, 1, 5)));
    w.core.programs().changeState(second.id(), ProgramState.ACTIVE);
    long a = w.core.participants().enrol(enrolment(second, scene.person(mentor).id(), Role.MENTOR)).id();
    long b = w.core.participants().enrol(enrolment(second, scene.person(scene.mentees.get(1)).id(), Role.MENTEE)).id();
    Pairing proposed = w.core.pairings().propose(second.id(), a, b, 0, "shared topic: allyship", false);
    String both = me(mentor);
    assertThat(both).contains("*Pilot*: you're a mentor").contains("*Second*: you're a mentor")
        .contains("Mentee Number1").contains("shared topic: allyship");
    assertThat(both.indexOf("*Pilot*")).isLessThan(both.indexOf("*Second*"));
    w.core.pairingLifecycle().apply(proposed.id(), PairingEvent.MENTOR_ACCEPTS);
    assertThat(me(mentor)).contains("You accepted a match with Mentee Number1; waiting for their answer");
    assertThat(me(scene.mentees.get(1))).contains("Mentor Number0").doesNotContain("waiting for their answer");
  }

  private static Enrolment enrolment(Program program, long personId, Role role) {
    return new Enrolment(program.id(), personId, role, role == Role.MENTOR ? 2 : 8, "Dept " + personId, null,
        java.util.Set.of("allyship"), java.util.Set.of("allyship"), java.util.Set.of("English"), 1, true);
  }
}
