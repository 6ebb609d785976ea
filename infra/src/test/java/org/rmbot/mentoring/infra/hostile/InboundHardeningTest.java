package org.rmbot.mentoring.infra.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rmbot.mentoring.feedback.FeedbackInvitation;
import org.rmbot.mentoring.infra.Application;
import org.rmbot.mentoring.infra.demo.FakeSlackWorkspace;

/**
 * The inbound promises of docs/RELIABILITY.md ("Hostile and bad input"), attacked one by one on
 * the real server: bodies over the limit refused with 413 before they are read or checked, on
 * every endpoint; signed payloads with nulls where objects belong answered below 500; a replayed
 * signed Slack request or Teams activity applied once, also when the replay reaches another
 * instance; Slack's retries of an event applied once; and the anonymous-feedback paths leaving
 * no row in the replay store.
 */
class InboundHardeningTest {
  private static final String FORM = "application/x-www-form-urlencoded";
  private static HostileBot bot;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  static void start() throws Exception {
    bot = new HostileBot();
  }

  @AfterAll
  static void stop() {
    bot.close();
  }

  private int errorsBefore;

  @BeforeEach
  void markErrors() {
    errorsBefore = bot.errors.size();
  }

  private java.util.List<String> newErrors() {
    return java.util.List.copyOf(bot.errors.subList(errorsBefore, bot.errors.size()));
  }

  // Bodies over the limit

  @ParameterizedTest
  @ValueSource(strings = {"/slack/events", "/api/messages", "/healthz", "/readyz", "/metrics", "/", "/no/such/path"})
  void aBodyDeclaredOverTheLimitIsRefusedWith413WhileMostOfItIsStillUnsent(String path) throws Exception {
    // 300 MB declared, 64 KiB sent: an answer now means the server did not wait to read the rest
    int status = bot.declaredButUnsent(path, 300_000_000L, new byte[64 * 1024], Map.of("Content-Type", "application/json"));
    assertThat(status).as("POST %s declaring 300 MB", path).isEqualTo(413);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/slack/events", "/api/messages"})
  void aChunkedBodyWithoutALengthIsRefusedWith413OnceItPassesTheLimit(String path) throws Exception {
    assertThat(bot.chunked(path, 4 * 1024 * 1024, Map.of("Content-Type", FORM))).as("chunked POST %s of 4 MB", path)
        .isEqualTo(413);
  }

  /** An endpoint that takes no body reads none: a POST is refused as a method it does not answer. */
  @ParameterizedTest
  @ValueSource(strings = {"/healthz", "/readyz", "/metrics"})
  void aChunkedBodyToAnEndpointThatTakesNoneIsRefusedUnread(String path) throws Exception {
    assertThat(bot.chunked(path, 4 * 1024 * 1024, Map.of("Content-Type", FORM))).as("chunked POST %s of 4 MB", path)
        .isEqualTo(405);
  }

  @Test
  void aSignedTwentyMegabyteBodyIsRefusedBeforeItIsReadOrItsSignatureChecked() throws Exception {
    byte[] body = ("token=x&team_id=" + FakeSlackWorkspace.TEAM + "&user_id=UMAX&command=%2Fmentoring&text="
        + "a".repeat(20 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
    long timestamp = Instant.now().getEpochSecond();
    Map<String, String> headers = Map.of("Content-Type", FORM, "X-Slack-Request-Timestamp", String.valueOf(timestamp),
        "X-Slack-Signature", "v0=" + InboundFuzzTest.hmac(FakeSlackWorkspace.SIGNING_SECRET, timestamp, body));
    byte[] firstMegabyte = java.util.Arrays.copyOf(body, 1024 * 1024);
    assertThat(bot.declaredButUnsent("/slack/events", body.length, firstMegabyte, headers)).isEqualTo(413);
  }

  // Nulls and wrong types in signed payloads

  @ParameterizedTest
  @ValueSource(strings = {
      // finding 9: a block action whose only action is null
      "{\"type\":\"block_actions\",\"team\":{\"id\":\"%T\"},\"user\":{\"id\":\"UMAX\",\"team_id\":\"%T\"},\"actions\":[null]}",
      "{\"type\":\"block_actions\",\"team\":{\"id\":\"%T\"},\"user\":{\"id\":\"UMAX\",\"team_id\":\"%T\"},\"actions\":[null,null]}",
      "{\"type\":\"block_actions\",\"team\":{\"id\":\"%T\"},\"user\":{\"id\":\"UMAX\",\"team_id\":\"%T\"},\"actions\":[{}]}",
      "{\"type\":\"block_actions\",\"team\":{\"id\":\"%T\"},\"user\":{\"id\":\"UMAX\",\"team_id\":\"%T\"},\"actions\":[{\"action_id\":null,\"value\":null}]}",
      "{\"type\":\"block_actions\",\"team\":null,\"user\":{\"id\":\"UMAX\",\"team_id\":null},\"actions\":[{\"action_id\":\"proposal.accept\"}]}",
      "{\"type\":\"block_actions\",\"team\":{\"id\":\"%T\"},\"user\":null,\"actions\":[{\"action_id\":\"proposal.accept\"}]}",
      "{\"type\":\"block_actions\",\"team\":{\"id\":\"%T\"},\"user\":{\"id\":\"UMAX\"},\"actions\":\"proposal.accept\"}",
      "{\"type\":\"view_submission\",\"team\":{\"id\":\"%T\"},\"user\":{\"id\":\"UMAX\",\"team_id\":\"%T\"},\"view\":null}",
      "{\"type\":\"view_submission\",\"team\":{\"id\":\"%T\"},\"user\":{\"id\":\"UMAX\",\"team_id\":\"%T\"},\"view\":{\"id\":\"V1\",\"team_id\":\"%T\",\"type\":\"modal\",\"callback_id\":null,\"state\":null}}",
      "{\"type\":\"view_submission\",\"team\":{\"id\":\"%T\"},\"user\":{\"id\":\"UMAX\",\"team_id\":\"%T\"},\"view\":{\"id\":\"V1\",\"team_id\":\"%T\",\"type\":\"modal\",\"callback_id\":\"join:1\",\"state\":{\"values\":null}}}",
      "{\"type\":\"view_submission\",\"team\":{\"id\":\"%T\"},\"user\":{\"id\":\"UMAX\",\"team_id\":\"%T\"},\"view\":{\"id\":\"V1\",\"team_id\":\"%T\",\"type\":\"modal\",\"callback_id\":\"join:1\",\"state\":{\"values\":{\"b\":null}}}}",
      "{\"type\":\"view_submission\",\"team\":{\"id\":\"%T\"},\"user\":{\"id\":\"UMAX\",\"team_id\":\"%T\"},\"view\":{\"id\":\"V1\",\"team_id\":\"%T\",\"type\":\"modal\",\"callback_id\":\"join:1\",\"state\":{\"values\":{\"b\":{\"role\":null}}}}}",
      "{\"type\":\"view_submission\",\"team\":{\"id\":\"%T\"},\"user\":{\"id\":\"UMAX\",\"team_id\":\"%T\"},\"view\":{\"id\":\"V1\",\"team_id\":\"%T\",\"type\":\"modal\",\"callback_id\":\"join:1\",\"state\":{\"values\":{\"b\":{\"role\":{\"type\":\"radio_buttons\",\"selected_option\":null}}}}}}",
      "{\"type\":\"view_submission\",\"team\":{\"id\":\"%T\"},\"user\":{\"id\":\"UMAX\",\"team_id\":\"%T\"},\"view\":{\"id\":\"V1\",\"team_id\":\"%T\",\"type\":\"modal\",\"callback_id\":\"join:1\",\"state\":{\"values\":{\"b\":{\"t\":{\"type\":\"checkboxes\",\"selected_options\":[null]}}}}}}",
      "{\"type\":null}",
      "null",
      "[null]"})
  void signedInteractionsWithNullsOrWrongTypesAreAnsweredBelow500(String json) throws Exception {
    String body = "payload=" + enc(json.replace("%T", FakeSlackWorkspace.TEAM));
    HttpResponse<String> response = signed(bot.url(), body, FORM, Map.of());
    assertThat(response.statusCode()).as("%s -> %s", json, response.body()).isLessThan(500);
    assertThat(newErrors()).as("errors logged").isEmpty();
  }

  /**
   * Found by InboundFuzzTest: a signed click from a person the bot knows by email, whose
   * workspace id is a JSON number. Bolt reads it as the workspace "1.0E308" (or "-1", "true"); it
   * must be refused, not become a new identity of that person.
   */
  @ParameterizedTest
  @ValueSource(strings = {"1e308", "-1", "true"})
  void aSignedClickWhoseWorkspaceIdIsNotAnIdIsRefusedAndLinksNobody(String workspace) throws Exception {
    long identities = count("select count(*) from platform_identity");
    String click = "{\"type\":\"block_actions\",\"team\":{\"id\":" + workspace + "},\"user\":{\"id\":\"USTRANGER\",\"team_id\":"
        + workspace + "},\"actions\":[{\"action_id\":\"check_in.met\",\"value\":\"1|2026-01-05\"}]}";
    HttpResponse<String> response = signed(bot.url(), "payload=" + enc(click), FORM, Map.of());
    assertThat(response.statusCode()).as("%s -> %s", click, response.body()).isEqualTo(400);
    assertThat(count("select count(*) from platform_identity")).as("identities").isEqualTo(identities);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\":\"event_callback\",\"team_id\":\"%T\",\"event\":null}",
      "{\"type\":\"event_callback\",\"team_id\":\"%T\",\"event\":{\"type\":null}}",
      "{\"type\":\"event_callback\",\"team_id\":\"%T\",\"event\":{\"type\":\"app_home_opened\",\"user\":null,\"tab\":null}}",
      "{\"type\":\"event_callback\",\"team_id\":\"%T\",\"authorizations\":[null],\"event\":{\"type\":\"app_home_opened\",\"user\":\"UMAX\",\"tab\":\"home\"}}",
      "{\"type\":\"event_callback\",\"team_id\":null,\"event_id\":null,\"event\":{\"type\":\"app_home_opened\",\"user\":\"UMAX\",\"tab\":\"home\"}}",
      "{\"type\":\"url_verification\",\"challenge\":null}",
      "{\"type\":null,\"event\":[null]}"})
  void signedEventsWithNullsOrWrongTypesAreAnsweredBelow500(String json) throws Exception {
    HttpResponse<String> response = signed(bot.url(), json.replace("%T", FakeSlackWorkspace.TEAM), "application/json", Map.of());
    assertThat(response.statusCode()).as("%s -> %s", json, response.body()).isLessThan(500);
    assertThat(newErrors()).as("errors logged").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"entities", "membersAdded", "membersRemoved", "attachments", "reactionsAdded"})
  void teamsActivitiesWithANullInAListAreAnsweredBelow500(String list) throws Exception {
    ObjectNode activity = bot.teams.message(bot.amara, "help");
    activity.putArray(list).addNull();
    HttpResponse<String> response = bot.teams.send(activity);
    assertThat(response.statusCode()).as("%s: [null] -> %s", list, response.body()).isLessThan(500);
    assertThat(newErrors()).as("errors logged").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"action\":null}", "{\"action\":{\"verb\":null,\"data\":null}}",
      "{\"action\":{\"verb\":\"proposal.accept\",\"data\":{\"rmAction\":null,\"rmValue\":null}}}",
      "{\"action\":{\"verb\":\"rm.submit\",\"data\":{\"rmForm\":null,\"text\":null}}}",
      "{\"action\":{\"verb\":\"x\",\"data\":[null]}}", "null", "[null]"})
  void teamsInvokesWithNullsAreAnsweredBelow500(String value) throws Exception {
    ObjectNode activity = bot.teams.invoke(bot.amara, "x", bot.teams.button("x", "1"));
    activity.set("value", new com.fasterxml.jackson.databind.ObjectMapper().readTree(value));
    HttpResponse<String> response = bot.teams.send(activity);
    assertThat(response.statusCode()).as("value %s -> %s", value, response.body()).isLessThan(500);
    assertThat(newErrors()).as("errors logged").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"from", "recipient", "conversation", "channelData", "value", "localTimezone", "locale", "id"})
  void teamsMessagesWithAFieldNulledAreAnsweredBelow500(String field) throws Exception {
    ObjectNode activity = bot.teams.message(bot.amara, "help");
    activity.putNull(field);
    HttpResponse<String> response = bot.teams.send(activity);
    assertThat(response.statusCode()).as("%s: null -> %s", field, response.body()).isLessThan(500);
    assertThat(newErrors()).as("errors logged").isEmpty();
  }

  // Replays

  /** Finding 8: the same signed help-request three times made three requests and told the coordinator three times. */
  @Test
  void aSignedCommandReplayedThreeTimesInsideTheWindowHasOneEffect() throws Exception {
    long requests = count("select count(*) from help_request");
    // each request alerts the coordinator once (its two-day follow-up, planned with it, is not counted)
    String alertsSql = "select count(*) from nudge where kind = 'help_request' and window_ref not like '%:still-open'";
    long alerts = count(alertsSql);
    try (Application instance = bot.another("replay-1")) {
      String url = "http://127.0.0.1:" + instance.port();
      String body = command("UMAX", "help-request", "replay-1");
      Map<String, String> signature = signature(body, Instant.now().getEpochSecond());
      for (int i = 0; i < 3; i++) {
        assertThat(post(url, body, FORM, signature).statusCode()).isEqualTo(200);
      }
    } // closing lets any work still queued finish
    assertThat(count("select count(*) from help_request")).as("help requests").isEqualTo(requests + 1);
    assertThat(count(alertsSql)).as("messages planned to the coordinator").isEqualTo(alerts + 1);
  }

  @Test
  void aReplayThatReachesAnotherInstanceHasNoEffectThere() throws Exception {
    long requests = count("select count(*) from help_request");
    String body = command("UMAX", "help-request", "replay-2");
    Map<String, String> signature = signature(body, Instant.now().getEpochSecond());
    try (Application first = bot.another("replay-first"); Application second = bot.another("replay-second")) {
      assertThat(post("http://127.0.0.1:" + first.port(), body, FORM, signature).statusCode()).isEqualTo(200);
      assertThat(post("http://127.0.0.1:" + second.port(), body, FORM, signature).statusCode()).isEqualTo(200);
    }
    assertThat(count("select count(*) from help_request")).isEqualTo(requests + 1);
  }

  /** Slack re-signs a retried event and marks it with X-Slack-Retry-Num; its event_id is the same. */
  @Test
  void slackRetriesOfAnEventAreAppliedOnce() throws Exception {
    long published = bot.slack.calls("views.publish").size();
    String event = "{\"token\":\"x\",\"team_id\":\"" + FakeSlackWorkspace.TEAM + "\",\"api_app_id\":\"A1\",\"type\":\"event_callback\","
        + "\"event_id\":\"Ev0RETRY1\",\"event_time\":1767607200,\"event\":{\"type\":\"app_home_opened\",\"user\":\"UMAX\","
        + "\"channel\":\"DUMAX\",\"tab\":\"home\",\"event_ts\":\"1767607200.000100\"}}";
    try (Application instance = bot.another("retries")) {
      String url = "http://127.0.0.1:" + instance.port();
      long now = Instant.now().getEpochSecond();
      assertThat(post(url, event, "application/json", signature(event, now - 2)).statusCode()).isEqualTo(200);
      for (int retry = 1; retry <= 2; retry++) {
        Map<String, String> headers = new java.util.HashMap<>(signature(event, now - 2 + retry));
        headers.put("X-Slack-Retry-Num", String.valueOf(retry));
        headers.put("X-Slack-Retry-Reason", "http_timeout");
        assertThat(post(url, event, "application/json", headers).statusCode()).isEqualTo(200);
      }
    }
    assertThat(bot.slack.calls("views.publish")).as("App Home published").hasSize((int) published + 1);
  }

  @Test
  void aReplayedTeamsActivityHasOneEffect() throws Exception {
    long requests = count("select count(*) from help_request");
    ObjectNode activity = bot.teams.message(bot.maxInTeams, "help-request");
    String token = "Bearer " + bot.teams.token();
    for (int i = 0; i < 3; i++) {
      assertThat(bot.teams.post(activity.toString(), token).statusCode()).isBetween(200, 202);
    }
    try (Application second = bot.another("teams-replay")) {
      HttpResponse<String> there = post("http://127.0.0.1:" + second.port() + "/api/messages", activity.toString(),
          Map.of("Content-Type", "application/json", "Authorization", token));
      assertThat(there.statusCode()).isBetween(200, 202);
    }
    assertThat(count("select count(*) from help_request")).isEqualTo(requests + 1);
  }

  /**
   * The click that opens an anonymous feedback form and the form's submission leave nothing in
   * the replay store (their one-time answer token stops replays); any other signed request does.
   */
  @Test
  void theAnonymousFeedbackPathsWriteNoReplayRow() throws Exception {
    long rows = count("select count(*) from inbound_request_seen");
    String click = "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + FakeSlackWorkspace.TEAM + "\"},\"user\":{\"id\":\"UMAX\","
        + "\"team_id\":\"" + FakeSlackWorkspace.TEAM + "\"},\"trigger_id\":\"1.2.x\",\"response_url\":\""
        + bot.slack.apiUrl().replace("/api/", "/response/feedback") + "\",\"actions\":[{\"type\":\"button\",\"action_id\":\""
        + FeedbackInvitation.OPEN_FORM + "\",\"value\":\"999\",\"block_id\":\"b\",\"action_ts\":\"1\"}]}";
    assertThat(signed(bot.url(), "payload=" + enc(click), FORM, Map.of()).statusCode()).isEqualTo(200);
    String submit = "{\"type\":\"view_submission\",\"api_app_id\":\"A1\",\"team\":{\"id\":\"" + FakeSlackWorkspace.TEAM + "\"},"
        + "\"user\":{\"id\":\"UMAX\",\"team_id\":\"" + FakeSlackWorkspace.TEAM + "\"},\"view\":{\"id\":\"V1\",\"team_id\":\""
        + FakeSlackWorkspace.TEAM + "\",\"type\":\"modal\",\"callback_id\":\"" + FeedbackInvitation.FORM_PREFIX + "999\","
        + "\"state\":{\"values\":{}}}}";
    assertThat(signed(bot.url(), "payload=" + enc(submit), FORM, Map.of()).statusCode()).isEqualTo(200);
    ObjectNode open = bot.teams.invoke(bot.maxInTeams, FeedbackInvitation.OPEN_FORM, bot.teams.button(FeedbackInvitation.OPEN_FORM, "999"));
    HttpResponse<String> opened = bot.teams.send(open);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    ObjectNode form = bot.teams.button("", "");
    form.remove("rmAction");
    form.remove("rmValue");
    form.put("rmForm", FeedbackInvitation.FORM_PREFIX + "999").put("safe", "4");
    assertThat(bot.teams.send(bot.teams.invoke(bot.maxInTeams, "rm.submit", form)).statusCode()).isEqualTo(200);
    ObjectNode oldClient = bot.teams.message(bot.maxInTeams, "");
    oldClient.set("value", form);
    assertThat(bot.teams.send(oldClient).statusCode()).isBetween(200, 202);
    assertThat(count("select count(*) from inbound_request_seen")).as("rows in the replay store").isEqualTo(rows);

    assertThat(signed(bot.url(), command("UMAX", "me", "seen-1"), FORM, Map.of()).statusCode()).isEqualTo(200);
    assertThat(bot.teams.send(bot.teams.message(bot.maxInTeams, "me")).statusCode()).isBetween(200, 202);
    assertThat(count("select count(*) from inbound_request_seen")).as("any other request is remembered").isEqualTo(rows + 2);
    assertThat(count("select count(*) from information_schema.columns where table_name = 'inbound_request_seen'"
        + " and column_name like '%person%'")).as("no person in it").isZero();
  }

  // helpers

  private static long count(String sql) {
    return bot.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private static String command(String user, String text, String request) {
    return "token=x&team_id=" + FakeSlackWorkspace.TEAM + "&team_domain=demo&channel_id=D" + user
        + "&channel_name=directmessage&user_id=" + user + "&user_name=" + user + "&command=%2Fmentoring&text=" + enc(text)
        + "&api_app_id=A1&response_url=" + enc(bot.slack.apiUrl().replace("/api/", "/response/" + request))
        + "&trigger_id=" + enc("1.2." + request);
  }

  private static Map<String, String> signature(String body, long timestamp) {
    return Map.of("X-Slack-Request-Timestamp", String.valueOf(timestamp),
        "X-Slack-Signature", "v0=" + InboundFuzzTest.hmac(FakeSlackWorkspace.SIGNING_SECRET, timestamp,
            body.getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> signed(String url, String body, String contentType, Map<String, String> extra) throws Exception {
    Map<String, String> headers = new java.util.HashMap<>(signature(body, Instant.now().getEpochSecond()));
    headers.putAll(extra);
    return post(url, body, contentType, headers);
  }

  private HttpResponse<String> post(String url, String body, String contentType, Map<String, String> headers) throws Exception {
    Map<String, String> all = new java.util.HashMap<>(headers);
    all.put("Content-Type", contentType);
    return post(url + "/slack/events", body, all);
  }

  private HttpResponse<String> post(String url, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
