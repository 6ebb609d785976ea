package org.rmbot.mentoring.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.conversation.Reply;
import org.rmbot.mentoring.feedback.FeedbackInvitation;
import org.rmbot.mentoring.participant.NewPerson;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.testing.FakeChatPlatform;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * One deadline, told the same way to everyone: the coordinator in London picks Friday 20
 * February as the last day; the end of that day in her zone is one instant, and each person is
 * told that instant in their own time (Berlin 01:00, Kolkata 05:30 on Saturday; São Paulo
 * 21:00, New York 19:00 on Friday), in the invitation, on the form's thank-you and in the
 * coordinator's own replies. Nobody is told a bare day that means another instant.
 */
class OneDeadlineTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private DeskWorld w;
  private Scene scene;

  @BeforeEach
  void setUp() {
    w = new DeskWorld(db.database());
    scene = new Scene(w, 2, Map.of(), List.of());
    moveTo(scene.mentors.get(0), "Europe/Berlin");
    moveTo(scene.mentors.get(1), "Asia/Kolkata");
    moveTo(scene.mentees.get(0), "America/Sao_Paulo");
    moveTo(scene.mentees.get(1), "America/New_York");
  }

  @AfterEach
  void tearDown() {
    w.close();
  }

  @Test
  void everyoneIsToldTheSameInstantInTheirOwnTime() {
    Reply opened = w.submit(scene.coordinator, "feedback-open:" + scene.program.id(),
        Map.of("purpose", "feedback", "audience", "everyone", "closes", "2026-02-20"));
    assertThat(DeskWorld.text(opened)).contains("closes at the end of Fri 20 Feb (your time)");
    // a day, so that each invitation reaches its reader inside their working hours
    for (int hour = 0; hour < 24; hour++) {
      w.deliver();
      w.world.clock.advance(java.time.Duration.ofHours(1));
    }

    Map<Caller, String> expected = new HashMap<>();
    expected.put(scene.mentors.get(0), "Sat 21 Feb, 01:00 (your time)");
    expected.put(scene.mentors.get(1), "Sat 21 Feb, 05:30 (your time)");
    expected.put(scene.mentees.get(0), "Fri 20 Feb, 21:00 (your time)");
    expected.put(scene.mentees.get(1), "Fri 20 Feb, 19:00 (your time)");
    long campaign = w.nudges.feedback().campaigns(scene.program.id()).get(0).id();
    expected.forEach((who, moment) -> {
      FakeChatPlatform.Delivery invitation = w.slack.to(who.identity().userId()).stream()
          .filter(d -> d.message().deliveryKey().startsWith("feedback_invitation/")).findFirst().orElseThrow();
      assertThat(invitation.message().fallbackText()).as(who.displayName()).contains("Open until " + moment);
      assertThat(invitation.message().meaning().moments()).containsExactly(java.time.Instant.parse("2026-02-21T00:00:00Z"));
      // the anonymous path looks nothing up, not even the person's zone: it knows it only when the
      // platform says it with the click (Teams does, Slack does not); otherwise the same instant in UTC
      boolean zoneSaid = scene.mentees.contains(who);
      Caller clicking = zoneSaid
          ? new Caller(who.identity(), null, java.util.Optional.empty(), java.util.Optional.of(scene.person(who).timeZone()))
          : Caller.of(who.identity());
      Reply form = w.click(clicking, FeedbackInvitation.OPEN_FORM, w.token(who, campaign));
      Reply thanks = w.submit(clicking, ((Reply.ShowForm) form).form().callbackId(),
          Map.of("safe", "4", "working", "4", "learned", "4"));
      assertThat(DeskWorld.text(thanks)).as(who.displayName())
          .contains("after the campaign closes at " + (zoneSaid ? moment : "Sat 21 Feb, 00:00 UTC"));
      if (!zoneSaid) {
        assertThat(DeskWorld.text(thanks)).as(who.displayName()).doesNotContain("(your time)");
      }
    });
    assertThat(DeskWorld.text(w.say(scene.coordinator, "feedback results")))
        .contains("Feedback is open until the end of Fri 20 Feb (your time)");
  }

  private void moveTo(Caller who, String zone) {
    Person p = scene.person(who);
    w.core.people().save(new NewPerson(p.email(), p.displayName(), ZoneId.of(zone), p.workingHours()));
  }
}
