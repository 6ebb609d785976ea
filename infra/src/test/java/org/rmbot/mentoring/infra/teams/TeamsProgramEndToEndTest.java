package org.rmbot.mentoring.infra.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.common.MovableClock;
import org.rmbot.mentoring.testing.Poll;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * The same program as the Slack end-to-end test, inside Teams: every activity signed with the
 * tenant's key and posted to the real /api/messages, every connector call made by the SDK's
 * client to WireMock. Enrol six people through the enrolment card, match, both sides accept
 * (one through Action.Submit, one through Action.Execute), the introduction reaches both 1:1
 * chats, a check-in is answered, and status shows it. Then anonymous feedback: the coordinator
 * opens it through the card form, each invitation reaches a 1:1 chat, everyone opens the form
 * and answers (three through Action.Execute, three through Action.Submit), and the results show
 * only once it closes, without names.
 */
class TeamsProgramEndToEndTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private final TeamsTenant teams = new TeamsTenant();
  // a Monday, 10:00 in London: inside everyone's working hours
  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private final StringWriter log = new StringWriter();
  private final Map<String, TeamsTenant.Person> people = new LinkedHashMap<>();
  private TeamsTenant.Person admin;

  @BeforeEach
  void start() throws Exception {
    admin = teams.person("Cora Coordinator", "cora@example.com");
    Map<String, String> env = new HashMap<>(teams.env());
    env.putAll(Map.of(
        "DATABASE_URL", db.url().jdbcUrl(),
        "MENTORING_SECRET_KEY", "an-end-to-end-test-secret-that-is-long-enough",
        "MENTORING_ADMINS", "teams:" + TeamsTenant.TENANT + ":" + admin.aad(),
        "MENTORING_INSTANCE_ID", "e2e-teams"));
    teams.startBot(env, clock, new PrintWriter(log, true));
  }

  @AfterEach
  void stop() {
    teams.close();
  }

  private String say(TeamsTenant.Person who, String text) throws Exception {
    return teams.say(who, text);
  }

  /** A card's label and value rows (two columns each) as "label: value", from the activities the bot sent. */
  private static List<String> fields(String activities) throws Exception {
    List<String> rows = new java.util.ArrayList<>();
    for (String activity : activities.split("\n")) {
      TeamsTenant.JSON.readTree(activity).findParents("columns").forEach(row -> {
        if (row.path("type").asText().equals("ColumnSet")) {
          rows.add(runs(row.path("columns").get(0)) + ": " + runs(row.path("columns").get(1)));
        }
      });
    }
    return rows;
  }

  private static String runs(JsonNode node) {
    StringBuilder text = new StringBuilder();
    node.findParents("inlines").forEach(block -> block.path("inlines").forEach(run -> text.append(run.path("text").asText())));
    return text.toString();
  }

  private JsonNode click(TeamsTenant.Person who, String verb, ObjectNode data) throws Exception {
    HttpResponse<String> response = teams.send(teams.invoke(who, verb, data));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TeamsTenant.JSON.readTree(response.body());
  }

  @Test
  void aWholeProgramInTeams() throws Exception {
    assertThat(log.toString()).contains("teams: app " + TeamsTenant.APP_ID).contains("/api/messages");

    assertThat(say(admin, "program create \"Pilot\" Allyship")).contains("Created \\\"Pilot\\\"");
    assertThat(say(admin, "program open Pilot")).contains("is open for enrolment");

    String[][] joining = {
        {"Amara Okafor", "mentor", "2", "Data"}, {"Jonah Reyes", "mentor", "2", "Design"},
        {"Priya Nair", "mentor", "3", "Legal"}, {"Helen Carter", "mentee", "8", "Finance"},
        {"Richard Hughes", "mentee", "8", "Sales"}, {"Susan Whitfield", "mentee", "9", "Operations"}};
    for (String[] p : joining) {
      TeamsTenant.Person person = teams.person(p[0], p[0].split(" ")[0].toLowerCase() + "@example.com");
      people.put(person.aad(), person);
      String form = say(person, "join");
      assertThat(form).contains("application/vnd.microsoft.card.adaptive").contains("Join the program")
          .contains("\"rmForm\":\"join:");
      String formId = form.replaceAll("(?s).*\"rmForm\":\"(join:[0-9]+)\".*", "$1");
      ObjectNode answers = TeamsTenant.JSON.createObjectNode().put("rmForm", formId).put("role", p[1]).put("grade", p[2])
          .put("department", p[3]).put("topics_offered", "allyship;inclusive language").put("topics_sought", "allyship")
          .put("consent", "yes");
      JsonNode joined = click(person, "rm.submit", answers);
      // the form card is replaced by the answer, so it cannot be submitted twice
      assertThat(joined.path("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
      assertThat(joined.path("value").toString()).contains("You're in").contains("Pilot");
    }
    assertThat(count("select count(*) from participant where privacy_consent_at is not null")).isEqualTo(6);
    assertThat(count("select count(*) from teams_person where personal_reference is not null")).isEqualTo(7);

    assertThat(say(admin, "match commit")).contains("Proposed 3 pairs").contains("different departments");

    // each of the six gets a private proposal card with Accept and Decline in their 1:1 chat
    assertThat(Poll.until(Duration.ofSeconds(30), () -> passing() && people.values().stream()
        .allMatch(p -> teams.sentTo(p.conversationId()).stream().anyMatch(b -> b.contains("proposal.accept")))))
        .as("six proposals delivered: %s", nudges()).isTrue();

    List<long[]> pairs = db.jdbi().withHandle(h -> h.createQuery(
            "select p.id, mt.person_id, me.person_id from pairing p join participant mt on mt.id = p.mentor_id"
                + " join participant me on me.id = p.mentee_id order by p.id")
        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list());
    assertThat(pairs).hasSize(3);
    long firstPairing = pairs.get(0)[0];
    TeamsTenant.Person mentor = people.get(aadOf(pairs.get(0)[1]));
    TeamsTenant.Person mentee = people.get(aadOf(pairs.get(0)[2]));

    // the mentor's client is an old one: Action.Submit sends a message whose value is the button's data
    ObjectNode submit = teams.message(mentor, "");
    submit.remove("text");
    submit.put("replyToId", "1767765488332");
    submit.set("value", teams.button("proposal.accept", String.valueOf(firstPairing)));
    assertThat(teams.send(submit).statusCode()).isBetween(200, 202);
    assertThat(teams.updates()).anySatisfy(u -> assertThat(u.getUrl()).contains(mentor.conversationId())
        .endsWith("/activities/1767765488332"));
    assertThat(teams.updates().get(teams.updates().size() - 1).getBodyAsString()).contains("You accepted");
    // the mentee's is current: Action.Execute is answered in the same response, replacing the card
    JsonNode accepted = click(mentee, "proposal.accept", teams.button("proposal.accept", String.valueOf(firstPairing)));
    assertThat(accepted.path("value").toString()).contains("You both did");
    assertThat(state(firstPairing)).isEqualTo("active");
    // pressing it again changes nothing
    assertThat(click(mentee, "proposal.accept", teams.button("proposal.accept", String.valueOf(firstPairing)))
        .path("type").asText()).isEqualTo("application/vnd.microsoft.activity.message");

    // the introduction reaches each 1:1 chat, naming the other person (bots cannot start group chats)
    assertThat(Poll.until(Duration.ofSeconds(30), () -> passing()
        && teams.sentTo(mentor.conversationId()).stream().anyMatch(b -> b.contains("Meet your reverse mentoring partner"))
        && teams.sentTo(mentee.conversationId()).stream().anyMatch(b -> b.contains("Meet your reverse mentoring partner"))))
        .as("introduction delivered: %s", nudges()).isTrue();
    assertThat(teams.sentTo(mentee.conversationId())).filteredOn(b -> b.contains("Meet your reverse mentoring partner"))
        .hasSize(1).allSatisfy(b -> assertThat(b).contains(mentor.name()).contains(mentee.name()).contains("group chat"));

    // a forged click by someone else changes nothing
    TeamsTenant.Person other = people.values().stream().filter(p -> p != mentor && p != mentee).findFirst().orElseThrow();
    JsonNode forged = click(other, "check_in.met", teams.button("check_in.met", firstPairing + "|2026-01-05"));
    assertThat(forged.path("value").asText()).contains("isn't yours");
    JsonNode met = click(mentee, "check_in.met", teams.button("check_in.met", firstPairing + "|2026-01-05"));
    assertThat(met.path("value").toString()).contains("recorded that you met");
    assertThat(count("select count(*) from check_in")).isEqualTo(1);

    List<String> status = fields(say(admin, "status"));
    assertThat(status).contains("Pairs active: 1", "Met in the last window: 1");

    // a participant cannot run coordinator commands, and the attempt is audited
    assertThat(say(people.values().iterator().next(), "match commit")).contains("Only coordinators");
    assertThat(count("select count(*) from audit_log where outcome = 'refused'")).isEqualTo(1);

    // feedback asks people in a pair: the other two pairs accept too
    for (long[] pair : pairs.subList(1, pairs.size())) {
      for (long person : new long[] {pair[1], pair[2]}) {
        click(people.get(aadOf(person)), "proposal.accept", teams.button("proposal.accept", String.valueOf(pair[0])));
      }
      assertThat(state(pair[0])).isEqualTo("active");
    }
    anonymousFeedback();
  }

  private void anonymousFeedback() throws Exception {
    String openForm = say(admin, "feedback open");
    assertThat(openForm).contains("application/vnd.microsoft.card.adaptive").contains("Open feedback")
        .contains("\"id\":\"purpose\"").contains("\"id\":\"closes\"");
    String openFormId = formId(openForm, "feedback-open:[0-9]+");
    JsonNode opened = click(admin, "rm.submit", TeamsTenant.JSON.createObjectNode().put("rmForm", openFormId)
        .put("purpose", "feedback").put("audience", "everyone").put("closes", "2026-01-16"));
    assertThat(opened.path("value").toString()).contains("Opened").contains("6 people are invited").contains("Fri 16 Jan");
    long campaign = db.jdbi().withHandle(h -> h.createQuery(
        "select id from feedback_campaign where origin = 'manual'").mapTo(Long.class).one());
    String invitation = "\"rmValue\":\"b2." + campaign + ".";

    // each invitation reaches the person's 1:1 chat, saying who sees what, with the button to answer
    assertThat(Poll.until(Duration.ofSeconds(30), () -> passing() && people.values().stream()
        .allMatch(p -> teams.sentTo(p.conversationId()).stream()
            .anyMatch(b -> b.contains("\"rmAction\":\"feedback.open\"") && b.contains(invitation)))))
        .as("six invitations delivered: %s", nudges()).isTrue();
    for (TeamsTenant.Person p : people.values()) {
      assertThat(teams.sentTo(p.conversationId())).filteredOn(b -> b.contains("feedback.open") && b.contains(invitation))
          .hasSize(1).allSatisfy(b -> assertThat(b).contains("Who sees what").contains("at least 5"));
    }

    int i = 0;
    String seenBefore = seen();
    Map<String, String> tokens = new java.util.HashMap<>();
    for (TeamsTenant.Person p : people.values()) {
      // Answer anonymously: the form arrives as a new card, the invitation stays as it was
      int before = teams.connectorCalls().size();
      String token = tokenIn(teams.sentTo(p.conversationId()), campaign);
      tokens.put(p.conversationId(), token);
      JsonNode asked = click(p, "feedback.open", teams.button("feedback.open", token));
      assertThat(asked.path("value").asText()).contains("I've sent you a form");
      List<String> calls = teams.connectorCalls();
      String form = String.join("\n", calls.subList(before, calls.size()));
      assertThat(form).contains("I felt safe to speak candidly").contains("\"id\":\"about\"");
      ObjectNode answers = TeamsTenant.JSON.createObjectNode().put("rmForm", formId(form, "feedback:b2\\.[A-Za-z0-9._-]+"))
          .put("about", "understood").put("safe", i < 3 ? "4" : "5").put("working", "4").put("learned", "3");
      if (i == 0) {
        answers.put("comment", "The reverse sessions changed how I run meetings");
      }
      if (i % 2 == 0) {
        JsonNode sent = click(p, "rm.submit", answers);
        // the form is replaced by the thanks, so it cannot be sent twice
        assertThat(sent.path("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(sent.path("value").toString()).contains("your answers are saved");
      } else {
        int updates = teams.updates().size();
        ObjectNode submit = teams.message(p, "");
        submit.remove("text");
        submit.put("replyToId", "1767765488332");
        submit.set("value", answers);
        assertThat(teams.send(submit).statusCode()).isBetween(200, 202);
        assertThat(teams.updates()).hasSize(updates + 1);
        assertThat(teams.updates().get(updates).getUrl()).contains(p.conversationId());
        assertThat(teams.updates().get(updates).getBodyAsString()).contains("your answers are saved");
      }
      i++;
    }
    // a second answer is refused, and nothing links an answer to a person
    TeamsTenant.Person first = people.values().iterator().next();
    JsonNode again = click(first, "feedback.open", teams.button("feedback.open", tokens.get(first.conversationId())));
    assertThat(again.path("value").asText()).contains("already answered");
    assertThat(seen()).as("opening and sending the form stored nothing about the person, not even when last seen")
        .isEqualTo(seenBefore);
    // sealed to the mixer until it mixes them, in groups of k, or closes
    assertThat(count("select count(*) from feedback_sealed_ballot where campaign_id = " + campaign)).isEqualTo(6);
    assertThat(count("select count(*) from feedback_response where campaign_id = " + campaign)).isZero();

    String collecting = say(admin, "feedback results");
    assertThat(collecting).contains("Feedback is open until").contains("6 of 6 answered so far")
        .contains("No campaign has closed yet")
        .doesNotContain("4.5 / 5");
    assertThat(say(admin, "feedback close")).contains("Feedback: 6 answers");
    assertThat(count("select count(*) from feedback_response where campaign_id = " + campaign)).isEqualTo(6);
    String results = say(admin, "feedback results");
    assertThat(results).contains("6 of 6 invited answered").contains("I felt safe to speak candidly: 4.5 / 5")
        .contains("The reverse sessions changed how I run meetings");
    for (TeamsTenant.Person p : people.values()) {
      assertThat(results).doesNotContain(p.name());
    }
  }

  /** The ballot token on the invitation's button, in what the bot sent to a chat. */
  private static String tokenIn(List<String> sent, long campaign) {
    for (String body : sent) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\\\?\"rmValue\\\\?\":\\\\?\"(b2\\." + campaign
          + "\\.[A-Za-z0-9._-]+)").matcher(body);
      if (body.contains("feedback.open") && m.find()) {
        return m.group(1);
      }
    }
    throw new AssertionError("no invitation with a ballot token in " + sent);
  }

  private String seen() {
    return db.jdbi().withHandle(h -> h.createQuery("select string_agg(aad_object_id || ' ' || seen_at, ',' order by aad_object_id)"
        + " from teams_person").mapTo(String.class).one());
  }

  private static String formId(String card, String pattern) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\\\?\"rmForm\\\\?\":\\\\?\"(" + pattern + ")").matcher(card);
    assertThat(m.find()).as("a form in %s", card).isTrue();
    return m.group(1);
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

  private String aadOf(long personId) {
    return db.jdbi().withHandle(h -> h.createQuery(
            "select user_id from platform_identity where person_id = :p and platform = 'teams'")
        .bind("p", personId).mapTo(String.class).one());
  }

  private String state(long pairingId) {
    return db.jdbi().withHandle(h -> h.createQuery("select state from pairing where id = :p").bind("p", pairingId)
        .mapTo(String.class).one());
  }
}
