package org.rmbot.mentoring.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ActionIds;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.conversation.Reply;
import org.rmbot.mentoring.feedback.Campaign;
import org.rmbot.mentoring.feedback.CampaignAudience;
import org.rmbot.mentoring.feedback.CampaignResults;
import org.rmbot.mentoring.feedback.Purpose;
import org.rmbot.mentoring.meeting.CheckInAnswer;
import org.rmbot.mentoring.testing.FakeChatPlatform;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * A participant's private words stay sealed in every table; {@code my-data} hands them
 * everything back as a file; {@code forget-me} and a coordinator's {@code forget @person}
 * erase them after a button, keep the program's anonymous aggregates, and are audited.
 */
class PrivacyTest {
  private static final String FOCUS = "raised in foster care";
  private static final String REFLECTION = "told my mentee about my first pride march";
  private static final String HELP = "my partner mocked my accent";
  private static final String COMMENT = "the sessions feel rushed";

  @RegisterExtension final TestDatabase db = new TestDatabase();
  private DeskWorld w;
  private Scene scene;
  private Caller amara;
  private long amaraId;
  private long pairingId;

  @BeforeEach
  void setUp() {
    w = new DeskWorld(db.database());
    scene = new Scene(w, 5, Map.of(0, FOCUS), List.of());
    amara = scene.mentors.get(0);
    amaraId = scene.person(amara).id();
    pairingId = scene.pairings.get(0).id();
    // a reflection through its form, a help request with a note, a check-in, a feedback answer
    assertThat(w.click(amara, ActionIds.WRITE_REFLECTION, String.valueOf(pairingId))).isInstanceOf(Reply.ShowForm.class);
    assertThat(DeskWorld.text(w.submit(amara, ActionIds.REFLECTION_FORM + pairingId, Map.of("text", REFLECTION))))
        .contains("Saved to your private journal");
    assertThat(DeskWorld.text(w.say(amara, "help-request " + HELP))).contains("Your request is private");
    w.core.meetings().checkIn(pairingId, amaraId, LocalDate.of(2026, 1, 5), CheckInAnswer.MET);
    w.core.meetings().book(pairingId, w.world.clock.instant().plus(Duration.ofDays(3)), amaraId);
    Campaign campaign = w.nudges.feedback().open(scene.program.id(), Purpose.FEEDBACK, CampaignAudience.EVERYONE,
        w.world.clock.instant().plus(Duration.ofDays(7)), Actor.person(scene.person(scene.coordinator).id())).value();
    w.deliver();
    for (Caller c : scene.everyone().subList(0, 6)) {
      w.submit(c, "feedback:" + w.token(c, campaign.id()), Map.of("safe", c == amara ? "3" : "4", "working", "4", "learned", "4",
          "comment", c == amara ? COMMENT : "fine"));
    }
    w.deliver();
  }

  @AfterEach
  void tearDown() {
    w.close();
  }

  @Test
  void privateWordsAreOnlyCiphertextInEveryTable() {
    List<String> everyRow = w.world.jdbi.withHandle(h -> {
      List<String> tables = h.createQuery(
              "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")
          .mapTo(String.class).list();
      List<String> rows = new java.util.ArrayList<>();
      for (String table : tables) {
        rows.addAll(h.createQuery("select to_jsonb(t)::text from \"" + table + "\" t").mapTo(String.class).list());
      }
      return rows;
    });
    assertThat(everyRow).isNotEmpty();
    for (String secret : List.of(FOCUS, REFLECTION, HELP, COMMENT)) {
      String hex = java.util.HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
      assertThat(everyRow).as(secret).noneMatch(row -> row.contains(secret) || row.contains(hex));
    }
    // the sealed columns hold something, and it opens only with the key and its own context
    assertThat(w.count("select count(*) from participant where focus_areas_sealed is not null")).isEqualTo(1);
    assertThat(w.count("select count(*) from help_request where sealed_note is not null")).isEqualTo(1);
    assertThat(w.count("select count(*) from reflection")).isEqualTo(1);
  }

  @Test
  void myDataSendsEverythingHeldAboutTheCallerAsAFileInTheirDirectMessages() throws Exception {
    Reply reply = w.say(amara, "my-data");
    assertThat(DeskWorld.text(reply)).contains("I've sent you my-data.json in our direct messages");
    FakeChatPlatform.Upload file = w.slack.uploads().get(w.slack.uploads().size() - 1);
    assertThat(file.fileName()).isEqualTo("my-data.json");
    assertThat(file.members()).containsExactly(amara.identity().userId());
    JsonNode data = new ObjectMapper().readTree(file.content());
    assertThat(data.at("/about").asText()).isEqualTo("Everything the reverse mentoring bot holds about you. Anonymous"
        + " feedback answers are not here: they are stored with nothing that links them to you, so nobody can find"
        + " yours, not even for you.");
    assertThat(data.at("/person/email").asText()).isEqualTo("mentor.number0@example.com");
    assertThat(data.at("/platform_identities/0/user_id").asText()).isEqualTo("UM0");
    assertThat(data.at("/participations/0/focus_areas").asText()).isEqualTo(FOCUS);
    assertThat(data.at("/participations/0/focus_areas_shared_at").isNull()).isTrue();
    assertThat(data.at("/pairings/0/partner").asText()).isEqualTo("Mentee Number0");
    assertThat(data.at("/reflections/0/text").asText()).isEqualTo(REFLECTION);
    assertThat(data.at("/help_requests/0/note").asText()).isEqualTo(HELP);
    assertThat(data.at("/check_ins/0/answer").asText()).isEqualTo("met");
    assertThat(data.at("/meetings/0/recorded_by_you").asBoolean()).isTrue();
    assertThat(data.at("/messages_to_you").size()).isGreaterThan(0);
    assertThat(data.has("feedback_answered_in_campaigns_still_open"))
        .as("the bot cannot tell which campaigns a person answered, so my-data cannot list them").isFalse();
    assertThat(new String(file.content(), StandardCharsets.UTF_8)).doesNotContain(COMMENT);
    // someone else's data is not in it
    assertThat(new String(file.content(), StandardCharsets.UTF_8)).doesNotContain("mentor.number1@example.com");
  }

  @Test
  void forgetMeAlsoErasesWhatTheTeamsAdapterKeepsToReachThePerson() {
    for (long person : new long[] {amaraId, scene.person(scene.mentors.get(1)).id()}) {
      w.world.jdbi.useHandle(h -> {
        h.execute("insert into platform_identity (platform, workspace_id, user_id, person_id) values ('teams', 'tenant', ?, ?)",
            "aad-" + person, person);
        h.execute("""
            insert into teams_person (tenant_id, aad_object_id, user_id, service_url, personal_conversation_id, seen_at)
            values ('tenant', ?, ?, 'https://smba.example', ?, now())""", "aad-" + person, "29:" + person, "a:" + person);
        h.execute("""
            insert into teams_pending_file (id, conversation_id, file_name, sealed, expires_at)
            values (gen_random_uuid(), ?, 'my-data.json', '\\x00', now() + interval '1 day')""", "a:" + person);
      });
    }
    Block.Button confirm = DeskWorld.button(w.say(amara, "forget-me"));
    w.click(amara, confirm.actionId(), confirm.value());

    assertThat(w.count("select count(*) from teams_person where aad_object_id = 'aad-" + amaraId + "'")).isZero();
    assertThat(w.count("select count(*) from teams_pending_file where conversation_id = 'a:" + amaraId + "'")).isZero();
    assertThat(w.count("select count(*) from teams_person")).as("someone else's stays").isEqualTo(1);
    assertThat(w.count("select count(*) from teams_pending_file")).as("someone else's stays").isEqualTo(1);
  }

  @Test
  void forgetMeAsksFirstThenErasesThePersonEverywhereAndKeepsAnonymousAggregates() {
    Reply asked = w.say(amara, "forget-me");
    Block.Button confirm = DeskWorld.button(asked);
    assertThat(confirm.style()).isEqualTo(Block.ButtonStyle.DANGER);
    assertThat(w.count("select count(*) from person where id = " + amaraId)).isEqualTo(1);

    Reply done = w.click(amara, confirm.actionId(), confirm.value());
    assertThat(done).isInstanceOf(Reply.Replace.class);
    assertThat(DeskWorld.text(done)).contains("I've erased everything I held about you");

    for (String table : List.of("person where id = ", "platform_identity where person_id = ", "participant where person_id = ",
        "reflection where author_person_id = ", "help_request where person_id = ", "check_in where person_id = ",
        "nudge where recipient_person_id = ", "program_coordinator where person_id = ")) {
      assertThat(w.count("select count(*) from " + table + amaraId)).as(table).isZero();
    }
    assertThat(w.count("select count(*) from feedback_token"))
        .as("the used tokens name nobody, so there is none of hers to find; all six stay until close").isEqualTo(6);
    // the pairing stays as an anonymous aggregate: ended, without her, without the explanation; its meeting too
    String pairing = w.world.jdbi.withHandle(h -> h.createQuery(
            "select state || '/' || coalesce(mentor_id::text, 'none') || '/' || explanation from pairing where id = " + pairingId)
        .mapTo(String.class).one());
    assertThat(pairing).isEqualTo("ended/none/");
    assertThat(w.count("select count(*) from meeting where pairing_id = " + pairingId + " and recorded_by is null")).isEqualTo(1);
    assertThat(w.count("select count(*) from audit_log where actor like '%person " + amaraId + "' or subject = 'person " + amaraId + "'"))
        .isZero();
    assertThat(w.world.audit.recent(5)).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("forget-me");
      assertThat(e.subject()).isEqualTo("erased person");
    });
    // anonymous feedback keeps counting
    w.world.clock.advance(Duration.ofDays(8));
    CampaignResults results = w.nudges.feedback().latestResults(scene.program.id(), Purpose.FEEDBACK).orElseThrow();
    assertThat(results.visibility()).isEqualTo(CampaignResults.Visibility.SHOWN);
    assertThat(results.questions().get(0).overall().answered()).isEqualTo(6);
    // her partner's view and the program's figures still work
    assertThat(DeskWorld.text(w.say(scene.mentees.get(0), "me"))).contains("Pilot");
    assertThat(DeskWorld.text(w.say(scene.coordinator, "status"))).contains("Paused / ended: 0 / 1");
    // speaking again starts afresh
    assertThat(DeskWorld.text(w.say(amara, "me"))).contains("You're not in a mentoring program yet");
  }

  @Test
  void aCoordinatorErasesSomeoneAtTheirRequestAndAForgedClickIsRefusedAndAudited() {
    Caller jonah = scene.mentors.get(1);
    long jonahId = scene.person(jonah).id();
    Reply asked = w.say(scene.coordinator, "forget <@UM1>");
    Block.Button confirm = DeskWorld.button(asked);
    assertThat(confirm.value()).isEqualTo(String.valueOf(jonahId));

    Reply forged = w.click(amara, confirm.actionId(), confirm.value());
    assertThat(DeskWorld.text(forged)).startsWith("Only coordinators can use `forget`");
    assertThat(w.world.audit.recent(1).get(0)).satisfies(e -> {
      assertThat(e.refused()).isTrue();
      assertThat(e.actorPersonId()).isEqualTo(amaraId);
      assertThat(e.action()).isEqualTo("forget");
    });
    assertThat(w.count("select count(*) from person where id = " + jonahId)).isEqualTo(1);

    assertThat(DeskWorld.text(w.click(scene.coordinator, confirm.actionId(), confirm.value())))
        .contains("everything I held about Mentor Number1 is erased");
    assertThat(w.count("select count(*) from person where id = " + jonahId)).isZero();
    assertThat(w.world.audit.recent(1).get(0)).satisfies(e -> {
      assertThat(e.action()).isEqualTo("forget");
      assertThat(e.actorPersonId()).isEqualTo(scene.person(scene.coordinator).id());
      assertThat(e.subject()).isEqualTo("erased person");
      assertThat(e.programId()).isEqualTo(scene.program.id());
    });
  }

  @Test
  void aReflectionIsSharedWithThePartnerOnlyWhenItsAuthorChooses() {
    Caller partner = scene.mentees.get(0);
    assertThat(DeskWorld.text(w.say(partner, "journal"))).doesNotContain(REFLECTION);
    Block.Button share = DeskWorld.button(w.say(amara, "journal"));
    assertThat(share.actionId()).isEqualTo(ActionIds.SHARE_REFLECTION);

    // a click by anyone else shares nothing
    assertThat(DeskWorld.text(w.click(partner, share.actionId(), share.value()))).contains("wasn't shared");
    assertThat(DeskWorld.text(w.say(partner, "journal"))).doesNotContain(REFLECTION);

    assertThat(DeskWorld.text(w.click(amara, share.actionId(), share.value()))).contains("Shared");
    assertThat(DeskWorld.text(w.say(partner, "journal"))).contains("Mentor Number0 shared this with you", REFLECTION);
    assertThat(DeskWorld.text(w.say(amara, "journal"))).contains("Shared with your partner.");
    assertThat(DeskWorld.text(w.say(scene.mentees.get(1), "journal"))).doesNotContain(REFLECTION);
    assertThat(DeskWorld.text(w.say(scene.coordinator, "journal"))).doesNotContain(REFLECTION);
  }
}
