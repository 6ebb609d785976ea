package org.rmbot.mentoring.infra.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.common.MovableClock;
import org.rmbot.mentoring.infra.Application;
import org.rmbot.mentoring.feedback.FeedbackInvitation;
import org.rmbot.mentoring.infra.demo.FakeSlackWorkspace;
import org.rmbot.mentoring.infra.demo.SlackCall;
import org.rmbot.mentoring.testing.Poll;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * A whole program through Slack, as people would run it: every request signed and sent to the
 * real HTTP endpoint, every Web API call made by the real Slack client to WireMock.
 * Enrol six people, match, both sides accept, the introduction is posted, a check-in is
 * answered and status shows it; then anonymous feedback is opened, answered by all six through
 * the invitation's button and form, and its results read.
 */
class SlackProgramEndToEndTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private final FakeSlackWorkspace slack = new FakeSlackWorkspace();
  // a Monday, 10:00 in London: inside everyone's working hours
  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private final StringWriter log = new StringWriter();
  private Application app;

  @BeforeEach
  void start() throws Exception {
    app = SlackServe.start(db, slack, clock, new PrintWriter(log, true), "e2e");
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    slack.close();
  }

  /** The bot's answer to a command: in the acknowledgement, or through the response URL when it took longer. */
  private String say(String user, String text) throws Exception {
    FakeSlackWorkspace.Sent sent = slack.command(user, text);
    assertThat(sent.statusCode()).as(text + ": " + sent.body()).isEqualTo(200);
    return slack.answerTo(sent, Duration.ofSeconds(30));
  }

  @Test
  void aWholeProgramInSlack() throws Exception {
    assertThat(log.toString()).contains("slack: connected to workspace " + FakeSlackWorkspace.TEAM);

    assertThat(say("UADMIN", "program create \"Pilot\" Allyship")).contains("Created \\\"Pilot\\\"");
    assertThat(say("UADMIN", "program open Pilot")).contains("is open for enrolment");

    String[][] people = {
        {"UM1", "Amara Okafor", "mentor", "2", "Data"}, {"UM2", "Jonah Reyes", "mentor", "2", "Design"},
        {"UM3", "Priya Nair", "mentor", "3", "Legal"}, {"UE1", "Helen Carter", "mentee", "8", "Finance"},
        {"UE2", "Richard Hughes", "mentee", "8", "Sales"}, {"UE3", "Susan Whitfield", "mentee", "9", "Operations"}};
    long programId = db.jdbi().withHandle(h -> h.createQuery("select id from program").mapTo(Long.class).one());
    for (String[] p : people) {
      slack.person(p[0], p[1], p[0].toLowerCase() + "@example.com", "Europe/London");
      say(p[0], "join");
      HttpResponse<String> joined = slack.submit(p[0], "join:" + programId, Map.of(
          "role", p[2], "grade", p[3], "department", p[4], "topics_offered", "allyship;inclusive language",
          "topics_sought", "allyship", "consent", "yes")).response();
      assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
    }
    // the modal is opened just after the command is acknowledged
    assertThat(Poll.until(Duration.ofSeconds(10), () -> slack.calls("views.open").size() == 6)).isTrue();
    assertThat(slack.calls("views.open")).allSatisfy(body -> assertThat(body).contains("Join the program"));
    // a form acknowledged late is saved just after its acknowledgement
    assertThat(Poll.until(Duration.ofSeconds(30),
        () -> count("select count(*) from participant where privacy_consent_at is not null") == 6)).isTrue();

    String committed = say("UADMIN", "match commit");
    assertThat(committed).contains("Proposed 3 pairs").contains("different departments");

    // each of the six gets a private proposal with Accept and Decline, delivered by the nudge schedule
    assertThat(Poll.until(Duration.ofSeconds(30), () -> passing() && slack.calls("chat.postMessage").stream()
        .filter(b -> b.contains("proposal.accept")).count() == 6)).as("six proposals delivered: %s", nudges()).isTrue();

    List<long[]> pairs = db.jdbi().withHandle(h -> h.createQuery(
            "select p.id, mt.person_id, me.person_id from pairing p join participant mt on mt.id = p.mentor_id"
                + " join participant me on me.id = p.mentee_id order by p.id")
        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list());
    assertThat(pairs).hasSize(3);
    long firstPairing = pairs.get(0)[0];
    String mentorUser = userOf(pairs.get(0)[1]);
    String menteeUser = userOf(pairs.get(0)[2]);

    slack.click(mentorUser, "proposal.accept", String.valueOf(firstPairing));
    slack.click(menteeUser, "proposal.accept", String.valueOf(firstPairing));
    assertThat(Poll.until(Duration.ofSeconds(10), () -> slack.responses().stream()
        .anyMatch(b -> b.contains("You both did")))).isTrue();
    assertThat(state(firstPairing)).isEqualTo("active");
    int version = count("select version from pairing where id = " + firstPairing);

    // Slack may deliver the same click again: applied twice, it changes nothing the second time
    slack.click(menteeUser, "proposal.accept", String.valueOf(firstPairing));
    assertThat(Poll.until(Duration.ofSeconds(10), () -> slack.responses().stream()
        .anyMatch(b -> b.contains("already under way")))).isTrue();
    assertThat(count("select version from pairing where id = " + firstPairing)).isEqualTo(version);

    // App Home shows the mentee their pairing
    String home = "{\"token\":\"x\",\"team_id\":\"" + FakeSlackWorkspace.TEAM + "\",\"api_app_id\":\"A1\","
        + "\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event_time\":1767607200,\"event\":{\"type\":"
        + "\"app_home_opened\",\"user\":\"" + menteeUser + "\",\"channel\":\"D1\",\"tab\":\"home\","
        + "\"event_ts\":\"1767607200.000100\"}}";
    assertThat(slack.signedPost(home, "application/json").statusCode()).isEqualTo(200);
    assertThat(Poll.until(Duration.ofSeconds(10), () -> slack.calls("views.publish").stream()
        .anyMatch(b -> b.contains("Paired with") && b.contains("user_id=" + menteeUser)))).isTrue();

    // the introduction: a group conversation with both, then the welcome
    assertThat(Poll.until(Duration.ofSeconds(30), () -> passing() && slack.calls("chat.postMessage").stream()
        .anyMatch(b -> b.contains("Meet your reverse mentoring partner")))).as("introduction posted").isTrue();
    assertThat(slack.calls("conversations.open")).anySatisfy(b ->
        assertThat(b).contains("users=" + mentorUser + "," + menteeUser));

    // a forged click by someone else changes nothing
    String outsider = Arrays.stream(people).map(p -> p[0])
        .filter(u -> !u.equals(mentorUser) && !u.equals(menteeUser)).findFirst().orElseThrow();
    FakeSlackWorkspace.Sent forged = slack.click(outsider, "check_in.met", firstPairing + "|2026-01-05");
    FakeSlackWorkspace.Sent met = slack.click(menteeUser, "check_in.met", firstPairing + "|2026-01-05");
    assertThat(slack.awaitAnswer(forged, Duration.ofSeconds(30)).body()).contains("isn\\u0027t yours");
    assertThat(slack.awaitAnswer(met, Duration.ofSeconds(30)).body()).contains("recorded that you met");
    assertThat(count("select count(*) from check_in")).isEqualTo(1);

    String status = say("UADMIN", "status");
    assertThat(status).contains("Pairs active").contains("Met in the last window");
    assertThat(status).containsPattern("Pairs active\\*\\\\n1\"").containsPattern("Met in the last window\\*\\\\n1\"");

    // a participant cannot run coordinator commands, and the attempt is audited
    assertThat(say("UM2", "match commit")).contains("Only coordinators");
    assertThat(count("select count(*) from audit_log where outcome = 'refused'")).isEqualTo(1);

    // feedback asks people in a pair: the other two pairs accept too
    for (long[] pair : pairs.subList(1, pairs.size())) {
      slack.click(userOf(pair[1]), "proposal.accept", String.valueOf(pair[0]));
      slack.click(userOf(pair[2]), "proposal.accept", String.valueOf(pair[0]));
      assertThat(Poll.until(Duration.ofSeconds(10), () -> state(pair[0]).equals("active"))).isTrue();
    }
    anonymousFeedback(programId, people);
  }

  /**
   * The coordinator opens anonymous feedback through its form; each of the six gets a private
   * invitation, opens the form from its button and answers; the coordinator sees how many
   * answered while it runs and, once closed with at least k = 5 answers, the figures.
   */
  private void anonymousFeedback(long programId, String[][] people) throws Exception {
    FakeSlackWorkspace.Sent open = slack.command("UADMIN", "feedback open");
    assertThat(open.statusCode()).isEqualTo(200);
    JsonObject openForm = view(slack.awaitAnswer(open, Duration.ofSeconds(10)));
    assertThat(openForm.get("callback_id").getAsString()).isEqualTo("feedback-open:" + programId);
    assertThat(inputs(openForm)).containsOnlyKeys("purpose", "audience", "closes")
        .containsEntry("purpose", "radio_buttons").containsEntry("closes", "datepicker");
    FakeSlackWorkspace.Sent opened = slack.submit("UADMIN", "feedback-open:" + programId,
        Map.of("purpose", "feedback", "audience", "everyone", "closes", "2026-01-09"), inputs(openForm));
    assertThat(opened.statusCode()).isEqualTo(200);
    assertThat(opened.body()).as("no form errors").isEmpty();
    assertThat(slack.awaitPostTo("UADMIN", opened, Duration.ofSeconds(10)).decodedBody())
        .contains("Opened feedback for \"Pilot\"").contains("6 people are invited").contains("groups of at least 5");
    long campaign = db.jdbi().withHandle(h -> h.createQuery("select id from feedback_campaign where purpose = 'feedback'")
        .mapTo(Long.class).one());

    // the invitations go out through the nudge ledger, one private message each, with the anonymity notice
    assertThat(Poll.until(Duration.ofSeconds(30), () -> passing() && invitations(campaign).size() == 6))
        .as("six invitations delivered: %s", nudges()).isTrue();
    Map<String, SlackCall> invited = new java.util.HashMap<>();
    for (SlackCall invitation : invitations(campaign)) {
      List<String> members = slack.membersOf(invitation.param("channel"));
      assertThat(members).hasSize(1);
      invited.put(members.get(0), invitation);
      assertThat(invitation.decodedBody()).contains("Who sees what: this is anonymous");
    }
    assertThat(invited).containsOnlyKeys(java.util.Arrays.stream(people).map(p -> p[0]).toList());

    int[][] scores = {{5, 2, 3}, {4, 3, 3}, {4, 4, 3}, {3, 5, 3}, {5, 4, 3}, {3, 3, 3}}; // means 4.0 and 3.5; all 3 on the last
    String comment = "The first meeting was awkward; by the third we had a real conversation.";
    for (int i = 0; i < people.length; i++) {
      String user = people[i][0];
      String token = buttonValue(invited.get(user));
      assertThat(token).as("a ballot token: campaign, role, nonce, MAC; never the person").startsWith("b2." + campaign + ".")
          .doesNotContain(user);
      FakeSlackWorkspace.Sent click = slack.click(user, FeedbackInvitation.OPEN_FORM, token);
      assertThat(click.statusCode()).isEqualTo(200);
      SlackCall shown = slack.awaitAnswer(click, Duration.ofSeconds(10));
      assertThat(shown.method()).as("the button opens the form").isEqualTo("views.open");
      JsonObject form = view(shown);
      assertThat(form.get("callback_id").getAsString()).isEqualTo(FeedbackInvitation.FORM_PREFIX + token);
      assertThat(inputs(form)).containsOnlyKeys("about", "safe", "working", "learned", "comment");
      Map<String, String> answers = new java.util.HashMap<>(Map.of("about", "understood",
          "safe", String.valueOf(scores[i][0]), "working", String.valueOf(scores[i][1]), "learned", String.valueOf(scores[i][2])));
      if (i == 0) {
        answers.put("comment", comment);
      }
      FakeSlackWorkspace.Sent sent = slack.submit(user, FeedbackInvitation.FORM_PREFIX + token, answers, inputs(form));
      assertThat(sent.statusCode()).isEqualTo(200);
      assertThat(sent.body()).as("the thanks are shown in the modal, not sent as a message")
          .contains("\"response_action\":\"update\"").contains("your answers are saved");
    }
    assertThat(slack.callsAfter(0)).as("no message about an answer: the bot cannot tell who answered")
        .noneMatch(c -> c.method().equals("chat.postMessage") && c.decodedBody().contains("answers are saved"));

    // a second answer from the same person is refused and not counted
    FakeSlackWorkspace.Sent again = slack.submit(people[0][0], FeedbackInvitation.FORM_PREFIX + buttonValue(invited.get(people[0][0])),
        Map.of("about", "understood", "safe", "1", "working", "1", "learned", "1"), Map.of("about", "radio_buttons",
            "safe", "radio_buttons", "working", "radio_buttons", "learned", "radio_buttons"));
    assertThat(again.body()).contains("already");

    assertThat(say("UADMIN", "feedback results")).contains("Feedback is open until").contains("6 of 6 answered so far");
    assertThat(say("UADMIN", "feedback close")).contains("Feedback: 6 answers");
    String results = say("UADMIN", "feedback results");
    assertThat(results).contains("6 of 6 invited answered")
        .contains("I felt safe to speak candidly: 4.0 / 5")
        .contains("The pairing is working for me: 3.5 / 5")
        .contains("I learned something I will act on: hidden, so that no one")
        .contains(comment);
    // anonymous: the comment is shown to the coordinator, never written to the log or next to a name
    assertThat(log.toString()).doesNotContain(comment);
    assertThat(count("select count(*) from audit_log where action = 'feedback open' and subject = 'campaign " + campaign
        + " (feedback, everyone)'")).isEqualTo(1);
  }

  /** The invitations to one campaign the bot posted, each a private message with the open-form button. */
  private List<SlackCall> invitations(long campaign) {
    return slack.callsAfter(0).stream().filter(c -> c.method().equals("chat.postMessage")).filter(c -> {
      String blocks = c.param("blocks");
      return blocks != null && JsonParser.parseString(blocks).getAsJsonArray().asList().stream()
          .map(JsonElement::getAsJsonObject)
          .filter(b -> b.has("elements") && "actions".equals(b.get("type").getAsString()))
          .flatMap(b -> b.getAsJsonArray("elements").asList().stream().map(JsonElement::getAsJsonObject))
          .anyMatch(e -> FeedbackInvitation.OPEN_FORM.equals(e.get("action_id").getAsString())
              && e.get("value").getAsString().startsWith("b2." + campaign + "."));
    }).toList();
  }

  /** The value of the open-form button in an invitation the bot posted. */
  private static String buttonValue(SlackCall invitation) {
    return JsonParser.parseString(invitation.param("blocks")).getAsJsonArray().asList().stream()
        .map(JsonElement::getAsJsonObject)
        .filter(b -> b.has("elements") && "actions".equals(b.get("type").getAsString()))
        .flatMap(b -> b.getAsJsonArray("elements").asList().stream().map(JsonElement::getAsJsonObject))
        .filter(e -> FeedbackInvitation.OPEN_FORM.equals(e.get("action_id").getAsString()))
        .map(e -> e.get("value").getAsString()).findFirst().orElseThrow();
  }

  /** The modal the bot asked Slack to open. */
  private static JsonObject view(SlackCall viewsOpen) {
    assertThat(viewsOpen.method()).isEqualTo("views.open");
    return JsonParser.parseString(viewsOpen.param("view")).getAsJsonObject();
  }

  /** A modal's inputs: block id to element type, in order. */
  private static Map<String, String> inputs(JsonObject view) {
    Map<String, String> inputs = new java.util.LinkedHashMap<>();
    for (JsonElement element : view.getAsJsonArray("blocks")) {
      JsonObject block = element.getAsJsonObject();
      if ("input".equals(block.get("type").getAsString())) {
        inputs.put(block.get("block_id").getAsString(), block.getAsJsonObject("element").get("type").getAsString());
      }
    }
    return inputs;
  }

  @Test
  void aFormSlackWillNotOpenIsExplainedToThePerson() throws Exception {
    say("UADMIN", "program create \"Pilot\" Allyship");
    say("UADMIN", "program open Pilot");
    slack.person("UE1", "Helen Carter", "helen@example.com", "Europe/London");
    slack.answer("views.open", "{\"ok\":false,\"error\":\"expired_trigger_id\"}");
    FakeSlackWorkspace.Sent join = slack.command("UE1", "join");
    assertThat(join.statusCode()).isEqualTo(200);
    assertThat(join.body()).as("a bare acknowledgement (the interim one on a machine too slow for the budget)")
        .satisfiesAnyOf(body -> assertThat(body).isEmpty(), body -> assertThat(body).contains("Working on it"));
    SlackCall told = slack.await(join.after(), c -> c.path().equals("/response/" + join.id()), Duration.ofSeconds(10),
        "an answer to the join command");
    assertThat(told.body()).contains("let me open the form").contains("\"response_type\":\"ephemeral\"");
  }

  @Test
  void malformedButSignedRequestsGetA4xxOrAClearReplyNeverA5xx() throws Exception {
    String[][] bodies = {
        {"payload=not-json", "application/x-www-form-urlencoded"},
        {"payload=%7B%22type%22%3A%22block_actions%22%7D", "application/x-www-form-urlencoded"},
        {"payload=%7B%22type%22%3A%22mystery%22%7D", "application/x-www-form-urlencoded"},
        {"{\"type\":\"event_callback\",\"event\":", "application/json"},
        {"{\"type\":\"url_verification\",\"challenge\":\"abc\"}", "application/json"},
        {"", "application/x-www-form-urlencoded"},
        {"%%%=&&&", "application/x-www-form-urlencoded"},
        {"command=%2Fmentoring&text=status", "application/x-www-form-urlencoded"},
    };
    for (String[] body : bodies) {
      HttpResponse<String> response = slack.signedPost(body[0], body[1]);
      assertThat(response.statusCode()).as(body[0] + " -> " + response.body()).isLessThan(500);
    }
    FakeSlackWorkspace.Sent huge = slack.command("UADMIN", "status " + "x".repeat(10_000));
    assertThat(huge.statusCode()).isEqualTo(200);
    assertThat(slack.answerTo(huge, Duration.ofSeconds(30))).contains("longer than any command I know");
    assertThat(count("select count(*) from program")).isZero();
  }

  @Test
  void badSignaturesAndStaleRequestsAreRefusedWith401() throws Exception {
    String body = "token=x&team_id=" + FakeSlackWorkspace.TEAM + "&user_id=UADMIN&command=%2Fmentoring&text=status";
    long now = System.currentTimeMillis() / 1000;
    assertThat(slack.post(body, "application/x-www-form-urlencoded", String.valueOf(now),
        FakeSlackWorkspace.sign("wrong-secret", now, body)).statusCode()).isEqualTo(401);
    long stale = now - 600;
    assertThat(slack.post(body, "application/x-www-form-urlencoded", String.valueOf(stale),
        FakeSlackWorkspace.sign(FakeSlackWorkspace.SIGNING_SECRET, stale, body)).statusCode()).isEqualTo(401);
    // Bolt alone accepts any future timestamp, so a request signed ahead could be replayed for ever
    long future = now + 600;
    assertThat(slack.post(body, "application/x-www-form-urlencoded", String.valueOf(future),
        FakeSlackWorkspace.sign(FakeSlackWorkspace.SIGNING_SECRET, future, body)).statusCode()).isEqualTo(401);
    assertThat(slack.post(body, "application/x-www-form-urlencoded", null, null).statusCode()).isEqualTo(401);
  }

  /** Time passes while we wait, as it would: rate limits refill on the bot's clock. */
  private boolean passing() {
    clock.advance(Duration.ofMillis(250));
    return true;
  }

  private String nudges() {
    List<String> rows = db.jdbi().withHandle(h -> h.createQuery(
        "select kind || ' ' || state || ' ' || coalesce(last_error, '') || ' ' || next_attempt_at from nudge order by id")
        .mapTo(String.class).list());
    return String.join("\n", rows);
  }

  private int count(String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }

  private String userOf(long personId) {
    return db.jdbi().withHandle(h -> h.createQuery("select user_id from platform_identity where person_id = :p")
        .bind("p", personId).mapTo(String.class).one());
  }

  private String state(long pairingId) {
    return db.jdbi().withHandle(h -> h.createQuery("select state from pairing where id = :p").bind("p", pairingId)
        .mapTo(String.class).one());
  }
}
