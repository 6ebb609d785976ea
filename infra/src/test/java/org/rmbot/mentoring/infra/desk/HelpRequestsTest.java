package org.rmbot.mentoring.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * A participant's private help request reaches the program's coordinators: they are told, read
 * the note with {@code help-requests}, and mark it done; the note stays sealed in the database,
 * the partner and other programs' coordinators never see it, and every look is audited.
 */
class HelpRequestsTest {
  private static final String NOTE = "my partner keeps cancelling and I feel dismissed";

  @RegisterExtension final TestDatabase db = new TestDatabase();
  private DeskWorld w;
  private Scene scene;
  private Caller amara;

  @BeforeEach
  void setUp() {
    w = new DeskWorld(db.database());
    scene = new Scene(w, 2, Map.of(), List.of());
    amara = scene.mentees.get(0);
  }

  @AfterEach
  void tearDown() {
    w.close();
  }

  @Test
  void coordinatorsReadTheNoteAndMarkTheRequestDone() {
    assertThat(DeskWorld.text(w.say(amara, "help-request " + NOTE))).contains("Your request is private");
    w.deliver();
    String told = w.slack.to("UCORA").stream().map(d -> DeskWorld.text(d.message())).reduce("", String::concat);
    assertThat(told).contains("Mentee Number0* asked for support").contains("Type `help-requests` to read their note");
    assertThat(told).doesNotContain(NOTE);
    long number = w.world.jdbi.withHandle(h -> h.createQuery("select id from help_request").mapTo(Long.class).one());

    String listed = DeskWorld.text(w.say(scene.coordinator, "help-requests"));
    assertThat(listed).contains("#" + number + " Mentee Number0").contains(NOTE).contains("1 request");
    assertThat(w.count("select count(*) from audit_log where action = 'help-requests' and outcome = 'done'")).isEqualTo(1);

    assertThat(DeskWorld.text(w.say(scene.coordinator, "help-requests done " + number))).contains("is marked done");
    assertThat(DeskWorld.text(w.say(scene.coordinator, "help-requests"))).contains("No open help requests in \"Pilot\"");
    assertThat(DeskWorld.text(w.say(scene.coordinator, "status"))).contains("Open help requests: 0");
    assertThat(DeskWorld.text(w.say(scene.coordinator, "help-requests done " + number)))
        .contains("There's no open help request #" + number + " in a program you coordinate");
  }

  @Test
  void theNoteIsSealedAndOnlyThisProgramsCoordinatorsSeeIt() {
    w.say(amara, "help-request " + NOTE);
    byte[] stored = w.world.jdbi.withHandle(h -> h.createQuery("select sealed_note from help_request").mapTo(byte[].class).one());
    assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("dismissed");

    Caller partner = scene.mentors.get(0);
    assertThat(DeskWorld.text(w.say(partner, "help-requests"))).startsWith("Only ").doesNotContain(NOTE);
    var other = w.core.programs().create(NewProgram.reverse("Other", "Generations", java.time.LocalDate.of(2026, 1, 5)));
    Caller olga = DeskWorld.caller("UOLGA", "Olga Other");
    w.say(olga, "me");
    w.core.programs().addCoordinator(other.id(), scene.person(olga).id());
    assertThat(DeskWorld.text(w.say(olga, "help-requests Pilot"))).startsWith("You coordinate no program called \"Pilot\"")
        .doesNotContain(NOTE);
    assertThat(DeskWorld.text(w.say(olga, "help-requests"))).contains("No open help requests in \"Other\"");
    long number = w.world.jdbi.withHandle(h -> h.createQuery("select id from help_request").mapTo(Long.class).one());
    // the same answer as for a number that does not exist: the request and its program stay unnamed
    assertThat(DeskWorld.text(w.say(olga, "help-requests done " + number)))
        .startsWith("There's no open help request #" + number + " in a program you coordinate. Type `help-requests` to see the open ones.")
        .doesNotContain("Pilot");
    assertThat(w.count("select count(*) from help_request where resolved_at is null")).isEqualTo(1);
    assertThat(w.count("select count(*) from audit_log where outcome = 'refused' and action like 'help-requests%'")).isEqualTo(3);
  }
}
