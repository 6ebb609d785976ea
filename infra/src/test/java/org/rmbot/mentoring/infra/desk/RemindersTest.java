package org.rmbot.mentoring.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.command.ReminderKinds;
import org.rmbot.mentoring.conversation.Reply;
import org.rmbot.mentoring.nudge.NudgeKind;
import org.rmbot.mentoring.nudge.NudgePolicies;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * {@code reminders}: a coordinator sees the program's scheduled messages and switches one kind off
 * and on in chat. The switch keeps the program's other policy settings, stops what is already
 * planned, and is audited; a stored policy the bot cannot read is left for an admin, and said so.
 */
class RemindersTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private DeskWorld w;
  private Scene scene;
  private NudgePolicies policies;

  @BeforeEach
  void setUp() {
    w = new DeskWorld(db.database());
    scene = new Scene(w, 1, Map.of(), List.of());
    policies = new NudgePolicies(w.world.jdbi);
  }

  @AfterEach
  void tearDown() {
    w.close();
  }

  @Test
  void theKindsInChatAreExactlyTheKindsAProgramMaySwitchOff() {
    List<String> switchable = org.rmbot.mentoring.nudge.NudgePolicy.switches();
    assertThat(ReminderKinds.all().keySet()).containsExactlyElementsOf(switchable);
  }

  @Test
  void aCoordinatorSwitchesTheKickoffOffBeforeItGoesOutThenOnAgain() {
    policies.override(scene.program.id(), "{\"bookFirstMeetingAfter\": \"P2D\"}");
    w.nudges.planning().planDue(); // today is the program's first day: the kickoff is planned for now

    String listed = DeskWorld.text(w.say(scene.coordinator, "reminders"));
    assertThat(listed).contains("Scheduled messages in Pilot").contains("every 14 days")
        .contains("On · kickoff: the message to everyone on the program's first day")
        .contains("the first meeting is asked for 2 days after a pair starts")
        .contains("meeting reminders go 1 day and 1 hour before").doesNotContain("*Off*");

    assertThat(DeskWorld.text(w.say(scene.coordinator, "reminders off kickoff")))
        .contains("Switched off for \"Pilot\": the message to everyone on the program's first day")
        .contains("Any already planned won't go out");
    assertThat(storedPolicy()).contains("\"disabled\": [\"kickoff\"]").contains("\"bookFirstMeetingAfter\": \"P2D\"");
    assertThat(w.count("select count(*) from nudge where kind = 'kickoff' and state = 'planned'")).isPositive();

    w.deliver();
    assertThat(w.count("select count(*) from nudge where kind = 'kickoff' and state = 'cancelled' and last_error = 'switched_off'"))
        .isEqualTo(w.count("select count(*) from nudge where kind = 'kickoff'")).isPositive();
    assertThat(w.count("select count(*) from nudge where kind = 'introduction' and state = 'sent'"))
        .as("the other kinds still go out").isPositive();

    assertThat(DeskWorld.text(w.say(scene.coordinator, "reminders"))).contains("*Off* · kickoff");
    assertThat(DeskWorld.text(w.say(scene.coordinator, "reminders off kickoff")))
        .contains("The message to everyone on the program's first day is already off for \"Pilot\"");

    assertThat(DeskWorld.text(w.say(scene.coordinator, "reminders on kickoff"))).contains("Switched on for \"Pilot\"")
        .contains("any skipped while it was off won't be sent");
    assertThat(storedPolicy()).doesNotContain("disabled").contains("\"bookFirstMeetingAfter\": \"P2D\"");
    assertThat(policies.of(scene.program.id()).sends(NudgeKind.KICKOFF)).isTrue();

    assertThat(w.count("select count(*) from audit_log where action in ('reminders off', 'reminders on')"
        + " and program_id = " + scene.program.id() + " and subject = 'kickoff'")).isEqualTo(2);
  }

  @Test
  void aCampaignAlreadyOpenStillClosesWhenCampaignsAreSwitchedOff() {
    Reply form = w.say(scene.coordinator, "feedback open");
    w.submit(scene.coordinator, ((Reply.ShowForm) form).form().callbackId(),
        Map.of("purpose", "feedback", "audience", "everyone", "closes", "2026-01-16"));
    assertThat(DeskWorld.text(w.say(scene.coordinator, "reminders off feedback-campaign"))).contains("Switched off");

    w.world.clock.moveTo(Instant.parse("2026-01-17T12:00:00Z"));
    w.deliver();
    assertThat(w.count("select count(*) from campaign_milestone where action = 'close' and done_at is not null"))
        .isEqualTo(1);
    assertThat(w.count("select count(*) from audit_log where action = 'feedback released'")).isEqualTo(1);
  }

  @Test
  void aPausedPairsMessageIsSkippedAsPausedEvenWhenItsKindIsOff() {
    w.nudges.planning().planDue(); // the pair's introduction, planned for now
    assertThat(DeskWorld.text(w.say(scene.coordinator, "pause <@UM0>"))).doesNotStartWith("Only ");
    w.say(scene.coordinator, "reminders off introduction");

    w.deliver();
    // a window spent paused must still read as paused, or it would count as one without a meeting
    assertThat(w.count("select count(*) from nudge where kind = 'introduction' and state = 'skipped'"
        + " and last_error = 'pairing_paused'")).isEqualTo(1);
    assertThat(w.count("select count(*) from nudge where last_error = 'switched_off'")).isZero();
  }

  @Test
  void aStoredPolicyTheBotCannotReadIsLeftAsItIsAndSaidSo() {
    w.world.jdbi.useHandle(h -> h.execute("update program set nudge_policy = '{\"pepTalk\": true}' where id = ?",
        scene.program.id()));

    assertThat(DeskWorld.text(w.say(scene.coordinator, "reminders off midpoint")))
        .contains("I couldn't change the schedule of \"Pilot\"").contains("unknown setting 'pepTalk'")
        .contains("Ask a workspace admin");
    assertThat(storedPolicy()).isEqualTo("{\"pepTalk\": true}");
    assertThat(w.count("select count(*) from audit_log where action = 'reminders off'")).isZero();
  }

  @Test
  void aParticipantCannotSeeOrChangeTheSchedule() {
    String said = DeskWorld.text(w.say(scene.mentees.get(0), "reminders off check-in"));
    assertThat(said).startsWith("Only ");
    assertThat(storedPolicy()).isEqualTo("{}");
  }

  private String storedPolicy() {
    return w.world.jdbi.withHandle(h -> h.createQuery("select nudge_policy::text from program where id = :id")
        .bind("id", scene.program.id()).mapTo(String.class).one());
  }
}
