package org.rmbot.mentoring.infra.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.rmbot.mentoring.infra.demo.FakeSlackWorkspace;
import org.rmbot.mentoring.infra.teams.TeamsTenant;

/**
 * Every inbound endpoint of the real server ({@code /slack/events}, {@code /api/messages}, the
 * health, readiness and metrics endpoints) against thousands of generated hostile requests:
 * malformed (fields removed, retyped, or null at any depth), truncated, oversized, wrongly
 * encoded (invalid UTF-8, the wrong content type, gzip that is not), mis-signed, stale, and
 * correctly signed garbage. The senders are people in no
 * program, so nothing they may legitimately do writes anything; the one exception, erasing
 * oneself ({@code privacy.forget_me}), is left out here and tested in PrivacyTest.
 *
 * <p>Properties: a body over the server's limit is refused with 413, signed or not; a request
 * without a valid signature or token is refused (401; or 400 for a body that is not an activity
 * at all); every other answer is below 500; no request makes the
 * bot log an error or say "something went wrong"; the server keeps answering; and afterwards
 * the database's content is exactly as before, except refusals in the audit log.
 *
 * <p>Tries per property default to the count in {@code junit-platform.properties}; a bigger run:
 * {@code ./mvnw -B -pl infra -am verify -Dtest=InboundFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Djqwik.tries.default=10000}.
 */
class InboundFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String SORRY = "something went wrong";
  /** The server's body limit (MENTORING_MAX_REQUEST_BYTES, default). */
  private static final int MAX_BODY = 256 * 1024;
  private static HostileBot bot;
  private static Map<String, String> before;
  private static long auditBefore;
  private static String validToken;

  @BeforeContainer
  static void start() throws Exception {
    bot = new HostileBot();
    validToken = bot.teams.token();
    before = bot.digest();
    auditBefore = bot.lastAuditId();
  }

  @AfterContainer
  static void nothingChangedAndStillUp() throws Exception {
    try {
      assertThat(bot.raw("GET", "/healthz", new byte[0])).isEqualTo(200);
      // clicks are answered after the ack: stopping lets that work finish, so everything below sees all of it
      bot.finishWork();
      assertThat(bot.digest()).as("database content after the fuzzing; now:\n%s", bot.rowsChangedSince(before)).isEqualTo(before);
      assertThat(bot.auditedOtherThanRefusals(auditBefore)).as("audit rows other than refusals").isEmpty();
      assertThat(bot.errors).as("errors logged").isEmpty();
      List<String> said = new ArrayList<>(bot.slack.responses());
      said.addAll(bot.slack.calls("chat.postMessage"));
      said.addAll(bot.teams.connectorCalls());
      assertThat(said).as("replies").noneMatch(s -> s.contains(SORRY));
      // nothing secret and none of the words people sent reach the logs, in either format
      assertThat(bot.logged).as("log output").isNotEmpty();
      for (String secret : List.of(HostileBot.SLACK_TOKEN, FakeSlackWorkspace.SIGNING_SECRET, HostileBot.APP_PASSWORD,
          HostileBot.SECRET_KEY, "DROP TABLE", "onerror=alert", "evil.example", "pg_sleep")) {
        assertThat(bot.logged).as(secret).noneMatch(line -> line.contains(secret));
      }
    } finally {
      bot.close();
    }
  }

  // Slack

  record SlackRequest(String what, byte[] body, Map<String, String> headers, boolean signed) {
    @Override
    public String toString() {
      return what + " " + headers + " " + shown(body);
    }
  }

  @Property
  void slackCommandsAndEvents(@ForAll("slackCommandsOrEvents") SlackRequest request) throws Exception {
    checkSlack(request);
  }

  @Property
  void slackInteractions(@ForAll("slackInteractions") SlackRequest request) throws Exception {
    checkSlack(request);
  }

  private static void checkSlack(SlackRequest request) throws Exception {
    HttpResponse<String> response = postOrClosed("/slack/events", request.body(), request.headers());
    if (response == null) {
      stillUp();
      return;
    }
    if (request.body().length > MAX_BODY) {
      // refused by size before anything reads or checks it, signed or not
      assertThat(response.statusCode()).as("%s -> %s", request, response.body()).isEqualTo(413);
    } else if (!request.signed()) {
      // Bolt answers a body it cannot classify with 400 before it checks the signature: refused either way
      assertThat(response.statusCode()).as("unsigned or stale: %s -> %s", request, response.body()).isIn(400, 401);
      assertThat(response.body()).as("%s", request).isIn("", "{\"error\":\"invalid request\"}",
          "{\"error\":\"bad request\"}");
    } else {
      assertThat(response.statusCode()).as("%s -> %s", request, response.body()).isLessThan(500);
    }
    assertThat(response.body()).as("%s", request).doesNotContain(SORRY).doesNotContain("Exception").doesNotContain("\tat ");
    stillUp();
  }

  @Provide
  Arbitrary<SlackRequest> slackCommandsOrEvents() {
    return slackRequest(Arbitraries.oneOf(slashCommand(), event(), junk()));
  }

  @Provide
  Arbitrary<SlackRequest> slackInteractions() {
    return slackRequest(Arbitraries.oneOf(blockActions(), viewSubmission()));
  }

  private static Arbitrary<SlackRequest> slackRequest(Arbitrary<Body> bodies) {
    return Combinators.combine(bodies, damage(), contentType(), signing()).as((body, damage, type, signing) -> {
      byte[] bytes = damage.apply(body.bytes());
      Map<String, String> headers = new LinkedHashMap<>();
      String contentType = type.equals("natural") ? body.contentType() : type;
      if (!contentType.isEmpty()) {
        headers.put("Content-Type", contentType);
      }
      if (damage.gzipHeader()) {
        headers.put("Content-Encoding", "gzip");
      }
      boolean signed = signing.sign(bytes, headers);
      return new SlackRequest(body.what() + "/" + damage.name() + "/" + signing.name(), bytes, headers, signed);
    });
  }

  /** A body before damage: its bytes and the content type Slack would send it with. */
  record Body(String what, String text, String contentType) {
    byte[] bytes() {
      return text.getBytes(StandardCharsets.UTF_8);
    }
  }

  private static Arbitrary<String> slackUser() {
    return Arbitraries.oneOf(Arbitraries.of("USTRANGER", "UNOBODY", "W0NOBODY", ""), Hostile.text());
  }

  /** Who sends it: anyone in the bot's workspace, or someone unknown (no profile) from any other. */
  record Sender(String team, String user) {}

  private static Arbitrary<Sender> sender() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, slackUser().map(u -> new Sender(FakeSlackWorkspace.TEAM, u))),
        // someone Slack knows by email is linked to the person with that email, wherever they
        // write from (Enterprise Grid): a legitimate write, so other workspaces' senders are unknown
        net.jqwik.api.Tuple.of(1, Combinators.combine(Hostile.text(), Arbitraries.oneOf(Arbitraries.of("UNOBODY", ""),
            Hostile.text())).as(Sender::new)));
  }

  private static Arbitrary<String> commandText() {
    Arbitrary<String> verb = Arbitraries.of("help", "join", "me", "status", "status Pilot", "match preview", "match commit Pilot",
        "pair", "never-pair", "unpair", "nudge", "feedback open", "report", "export", "forget", "coordinator add",
        "program create", "program close Pilot", "snooze", "pause", "resume", "leave", "help-request", "journal",
        "my-data", "forget-me", "");
    return Arbitraries.oneOf(Hostile.text(), Combinators.combine(verb, Hostile.text()).as((v, t) -> v + " " + t),
        Combinators.combine(verb, slackUser()).as((v, u) -> v + " <@" + u + ">"));
  }

  private static Arbitrary<Body> slashCommand() {
    Arbitrary<Map<String, String>> fields = Combinators.combine(sender(), commandText(),
        Arbitraries.of("/mentoring", "/other", "", "/mentoring%00"), Arbitraries.integers().between(0, 255))
        .as((sender, text, command, omit) -> {
          Map<String, String> f = new LinkedHashMap<>();
          f.put("token", "x");
          f.put("team_id", sender.team());
          f.put("channel_id", "D1");
          f.put("user_id", sender.user());
          f.put("user_name", sender.user());
          f.put("command", command);
          f.put("text", text);
          f.put("response_url", bot.slack.apiUrl().replace("/api/", "/response/fuzz"));
          f.put("trigger_id", "1.2.fuzz");
          // drop a random subset of fields
          Iterator<String> keys = f.keySet().iterator();
          for (int bit = 0; keys.hasNext(); bit++) {
            keys.next();
            if (bit < 8 && (omit & (1 << bit)) != 0 && omit > 200) {
              keys.remove();
            }
          }
          return f;
        });
    return fields.map(f -> new Body("command", form(f), FORM));
  }

  private static Arbitrary<Body> blockActions() {
    Arbitrary<String> actionId = Arbitraries.oneOf(Arbitraries.of("proposal.accept", "proposal.decline", "check_in.met",
        "check_in.not_yet", "check_in.rescheduled", "meeting.book", "reflection.write", "participant.snooze",
        "reflection.share", "feedback.open", "privacy.forget"), Hostile.text());
    Arbitrary<String> value = Arbitraries.oneOf(Hostile.number(), Hostile.text(),
        Combinators.combine(Hostile.number(), Hostile.text()).as((n, t) -> n + "|" + t),
        Hostile.number().map(n -> n + "|2026-01-05"));
    return Combinators.combine(sender(), actionId, value, jsonDamage()).as((sender, id, v, damage) -> {
      String user = sender.user();
      String team = sender.team();
      ObjectNode payload = NODES.objectNode().put("type", "block_actions").put("api_app_id", "A1").put("token", "x")
          .put("trigger_id", "1.2.fuzz").put("response_url", bot.slack.apiUrl().replace("/api/", "/response/fuzz"));
      payload.putObject("team").put("id", team).put("domain", "demo");
      payload.putObject("user").put("id", user).put("team_id", team).put("name", user);
      payload.putObject("container").put("type", "message").put("message_ts", "1700000000.000100");
      ObjectNode action = payload.putArray("actions").addObject().put("type", "button").put("action_id", id)
          .put("block_id", "actions-1").put("value", v).put("action_ts", "1700000001.000200");
      action.putObject("text").put("type", "plain_text").put("text", "x");
      return new Body("block_actions", "payload=" + enc(damage.apply(payload).toString()), FORM);
    });
  }

  private static Arbitrary<Body> viewSubmission() {
    Arbitrary<String> callback = Arbitraries.oneOf(Combinators.combine(Arbitraries.of("join:", "booking:", "reflection:",
        "feedback:", "feedback-open:", "help:", "close:", "x:", ""), Hostile.number()).as((p, n) -> p + n), Hostile.text());
    Arbitrary<String> input = Arbitraries.of("role", "grade", "department", "topics_offered", "topics_sought", "consent",
        "date", "text", "comment", "safe", "note", "kind", "x");
    Arbitrary<String> element = Arbitraries.of("plain_text_input", "radio_buttons", "static_select", "datepicker",
        "users_select", "checkboxes", "mystery");
    Arbitrary<List<String[]>> values = Combinators.combine(input, element, Hostile.text()).as((i, e, v) -> new String[] {i, e, v})
        .list().ofMaxSize(8);
    return Combinators.combine(sender(), callback, values, jsonDamage()).as((sender, cb, inputs, damage) -> {
      String user = sender.user();
      String team = sender.team();
      ObjectNode payload = NODES.objectNode().put("type", "view_submission").put("api_app_id", "A1").put("token", "x")
          .put("trigger_id", "1.2.fuzz");
      payload.putObject("team").put("id", team).put("domain", "demo");
      payload.putObject("user").put("id", user).put("team_id", team).put("name", user);
      ObjectNode view = payload.putObject("view").put("id", "V1").put("team_id", team).put("type", "modal")
          .put("callback_id", cb).put("hash", "h");
      ObjectNode state = view.putObject("state").putObject("values");
      for (String[] i : inputs) {
        ObjectNode e = state.putObject(i[0]).putObject(i[0]).put("type", i[1]);
        switch (i[1]) {
          case "radio_buttons", "static_select" -> e.putObject("selected_option").put("value", i[2])
              .putObject("text").put("type", "plain_text").put("text", i[2]);
          case "datepicker" -> e.put("selected_date", i[2]);
          case "users_select" -> e.put("selected_user", i[2]);
          case "checkboxes" -> e.putArray("selected_options").addObject().put("value", i[2]);
          default -> e.put("value", i[2]);
        }
      }
      return new Body("view_submission", "payload=" + enc(damage.apply(payload).toString()), FORM);
    });
  }

  private static Arbitrary<Body> event() {
    Arbitrary<String> type = Arbitraries.of("app_home_opened", "message", "app_mention", "member_joined_channel",
        "app_uninstalled", "tokens_revoked", "mystery");
    return Combinators.combine(type, sender(), Arbitraries.of("home", "messages", "", "x"), Hostile.text(), jsonDamage(),
        Arbitraries.of("event_callback", "url_verification", "app_rate_limited", "mystery"))
        .as((t, sender, tab, text, damage, outer) -> {
          String user = sender.user();
          ObjectNode e = NODES.objectNode().put("token", "x").put("team_id", sender.team()).put("api_app_id", "A1")
              .put("type", outer).put("event_id", "EvFuzz").put("event_time", 1767607200).put("challenge", text);
          e.putObject("event").put("type", t).put("user", user).put("channel", "D1").put("tab", tab).put("text", text)
              .put("event_ts", "1767607200.000100");
          return new Body("event " + outer + "/" + t, damage.apply(e).toString(), "application/json");
        });
  }

  private static Arbitrary<Body> junk() {
    return Arbitraries.oneOf(
        Hostile.text().map(t -> new Body("text", t, FORM)),
        Hostile.text().map(t -> new Body("payload text", "payload=" + enc(t), FORM)),
        Hostile.text().map(t -> new Body("json text", t, "application/json")),
        Arbitraries.of("", "payload=", "payload=%", "payload=%7B", "=&=&", "%%%=&&&", "command=&text=", "{}", "[]", "null",
            "\"x\"", "1", "{\"type\":\"event_callback\"}", "{\"type\":\"event_callback\",\"event\":[]}",
            "payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%5B%5D%7D",
            "payload=%7B%22type%22%3A%22view_submission%22%2C%22view%22%3A1%7D",
            "payload=%7B%22type%22%3A%22shortcut%22%7D", "payload=%7B%22type%22%3A%22message_action%22%7D",
            "payload=%7B%22type%22%3A%22block_suggestion%22%7D", "payload=%7B%22type%22%3A%22view_closed%22%7D",
            "payload=%7B%22type%22%3A%22dialog_submission%22%7D")
            .map(t -> new Body("fixed", t, t.startsWith("{") || t.startsWith("[") ? "application/json" : FORM)));
  }

  /** Damage to the JSON structure: a key removed, or a value swapped for one of the wrong type. */
  record JsonDamage(String name, UnaryOperator<ObjectNode> change) {
    ObjectNode apply(ObjectNode node) {
      return change.apply(node);
    }
  }

  private static Arbitrary<JsonDamage> jsonDamage() {
    Arbitrary<JsonNode> wrong = Arbitraries.of(NODES.nullNode(), NODES.numberNode(-1), NODES.arrayNode(), NODES.objectNode(),
        NODES.textNode(""), NODES.booleanNode(true), NODES.numberNode(1e308), NODES.textNode("x".repeat(70_000)));
    return Arbitraries.oneOf(
        Arbitraries.just(new JsonDamage("intact", n -> n)),
        Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 1000), wrong)
            .as((pick, inner, value) -> new JsonDamage("retyped", n -> {
              retype(n, pick, inner, value, false);
              return n;
            })),
        Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 1000))
            .as((pick, inner) -> new JsonDamage("removed", n -> {
              retype(n, pick, inner, null, true);
              return n;
            })),
        Arbitraries.integers().between(0, 10_000).map(pick -> new JsonDamage("nulled", n -> {
          nullAt(n, pick);
          return n;
        })));
  }

  /**
   * Replaces one value anywhere in the tree, at any depth, with null: an object's field or an
   * array's element (Slack's {@code "actions":[null]}, Teams' {@code "entities":[null]}).
   */
  private static void nullAt(ObjectNode root, int pick) {
    List<Runnable> places = new ArrayList<>();
    collectPlaces(root, places);
    if (!places.isEmpty()) {
      places.get(pick % places.size()).run();
    }
  }

  private static void collectPlaces(JsonNode node, List<Runnable> places) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        places.add(() -> object.putNull(name));
        collectPlaces(object.get(name), places);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        int at = i;
        places.add(() -> array.set(at, NODES.nullNode()));
        collectPlaces(array.get(i), places);
      }
    }
  }

  /** Replaces (or removes) one field, at the top level or one level down. */
  private static void retype(ObjectNode node, int pick, int inner, JsonNode value, boolean remove) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    String name = names.get(pick % names.size());
    JsonNode child = node.get(name);
    if (child instanceof ArrayNode array && !array.isEmpty() && array.get(0) instanceof ObjectNode first && inner % 2 == 0) {
      retype(first, pick / 2, inner / 2, value, remove);
    } else if (child instanceof ObjectNode object && !object.isEmpty() && inner % 2 == 0) {
      retype(object, pick / 2, inner / 2, value, remove);
    } else if (remove) {
      node.remove(name);
    } else {
      node.set(name, value.deepCopy());
    }
  }

  /** Damage to the bytes after encoding, and whether it claims to be gzip. */
  record Damage(String name, UnaryOperator<byte[]> change, boolean gzipHeader) {
    byte[] apply(byte[] bytes) {
      return change.apply(bytes);
    }
  }

  private static Arbitrary<Damage> damage() {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, Integer.MAX_VALUE);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.just(new Damage("none", b -> b, false))),
        net.jqwik.api.Tuple.of(2, at.map(i -> new Damage("truncated", b -> Arrays.copyOf(b, b.length == 0 ? 0 : i % b.length), false))),
        net.jqwik.api.Tuple.of(2, Combinators.combine(at, Arbitraries.integers().between(0, 255))
            .as((i, v) -> new Damage("byte flipped", b -> flip(b, i, v), false))),
        net.jqwik.api.Tuple.of(2, Combinators.combine(at, Arbitraries.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF0, (byte) 0x9F}, new byte[] {0}))
            .as((i, bad) -> new Damage("invalid utf-8", b -> insert(b, i, bad), false))),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new Damage("gzipped", InboundFuzzTest::gzip, true))),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new Damage("gzip lie", b -> b, true))),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(200_000, 2_000_000)
            .map(n -> new Damage("oversized", b -> insert(b, b.length, ("&pad=" + "A".repeat(n)).getBytes(StandardCharsets.UTF_8)), false))));
  }

  private static Arbitrary<String> contentType() {
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just("natural")),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("", "text/plain", "application/json", FORM, FORM + "; charset=ISO-8859-1",
            "multipart/form-data; boundary=xyz", "application/xml", "application/json; charset=UTF-16", "*/*", ";;;")));
  }

  /** How a request is signed: properly, or in one of the ways a forger or a replay would. */
  record Signing(String name, boolean valid, long age, String secret, boolean timestamp, boolean signature, String version) {
    boolean sign(byte[] body, Map<String, String> headers) {
      long at = Instant.now().getEpochSecond() - age;
      if (timestamp) {
        headers.put("X-Slack-Request-Timestamp", name.equals("timestamp not a number") ? "yesterday" : String.valueOf(at));
      }
      if (signature) {
        headers.put("X-Slack-Signature", version + hmac(secret, at, body));
      }
      return valid;
    }
  }

  private static Arbitrary<Signing> signing() {
    String good = FakeSlackWorkspace.SIGNING_SECRET;
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(12, Arbitraries.integers().between(-60, 240)
            .map(age -> new Signing("signed", true, age, good, true, true, "v0="))),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new Signing("wrong secret", false, 0, "not-the-secret", true, true, "v0="))),
        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(301, 100_000_000)
            .map(age -> new Signing("replayed after the window", false, age, good, true, true, "v0="))),
        // at least ten seconds past the edge: the request is signed when generated and this age shrinks until it is sent
        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(310, 100_000)
            .map(age -> new Signing("from the future", false, -age, good, true, true, "v0="))),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new Signing("no signature", false, 0, good, true, false, "v0="))),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new Signing("no timestamp", false, 0, good, false, true, "v0="))),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new Signing("timestamp not a number", false, 0, good, true, true, "v0="))),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new Signing("other version", false, 0, good, true, true, "v1="))));
  }

  // Teams

  record TeamsRequest(String what, byte[] body, String authorization, String contentType, boolean authorised) {
    @Override
    public String toString() {
      return what + " " + contentType + " " + shown(body);
    }
  }

  @Property
  void teamsActivities(@ForAll("teamsRequests") TeamsRequest request) throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    if (!request.contentType().isEmpty()) {
      headers.put("Content-Type", request.contentType());
    }
    if (request.authorization() != null) {
      headers.put("Authorization", request.authorization());
    }
    HttpResponse<String> response = postOrClosed("/api/messages", request.body(), headers);
    if (response == null) {
      stillUp();
      return;
    }
    if (request.body().length > MAX_BODY) {
      assertThat(response.statusCode()).as("%s -> %s", request, response.body()).isEqualTo(413);
    } else if (request.authorised()) {
      assertThat(response.statusCode()).as("%s -> %s", request, response.body()).isLessThan(500);
    } else {
      // the body is read before the token: one that is not an activity is a 400 (or 413) either way
      assertThat(response.statusCode()).as("%s -> %s", request, response.body()).isIn(400, 401, 413);
    }
    assertThat(response.body()).as("%s", request).doesNotContain(SORRY).doesNotContain("Exception").doesNotContain("\tat ");
    stillUp();
  }

  @Provide
  Arbitrary<TeamsRequest> teamsRequests() {
    Arbitrary<ObjectNode> activity = Arbitraries.oneOf(
        Hostile.text().map(t -> bot.teams.message(bot.amara, t)),
        Combinators.combine(Arbitraries.of("join", "status", "help-request", "pair", "<at>Mentoring</at> status", "feedback open"),
            Hostile.text()).as((v, t) -> bot.teams.message(bot.amara, v + " " + t)),
        Combinators.combine(Arbitraries.oneOf(Arbitraries.of("proposal.accept", "check_in.met", "reflection.share",
                "privacy.forget", "rm.submit"), Hostile.text()), Hostile.text(), Hostile.text(), Hostile.text())
            .as((verb, id, value, form) -> {
              ObjectNode data = bot.teams.button(id, value);
              if (verb.equals("rm.submit")) {
                data.put("rmForm", form).put("role", value).put("grade", id).put("consent", value).put("text", form);
              }
              return bot.teams.invoke(bot.amara, verb, data);
            }),
        Combinators.combine(Hostile.text(), Hostile.text()).as((id, value) -> {
          ObjectNode submit = bot.teams.message(bot.amara, "");
          submit.set("value", bot.teams.button(id, value));
          return submit;
        }),
        Arbitraries.of("typing", "event", "messageReaction", "installationUpdate", "conversationUpdate", "endOfConversation",
            "trace", "mystery", "").map(type -> bot.teams.message(bot.amara, "x").put("type", type)));
    // the sender and their tenant stay whole: a different sender Microsoft vouches for is someone
    // else, whom the bot may rightly remember (a missing sender is TeamsInboundTest's)
    Arbitrary<ObjectNode> damaged = Combinators.combine(activity, jsonDamage(), jsonDamage())
        .as((a, first, second) -> {
          JsonNode from = a.get("from").deepCopy();
          JsonNode channelData = a.get("channelData").deepCopy();
          ObjectNode d = second.apply(first.apply(a));
          d.set("from", from);
          d.set("channelData", channelData);
          return d;
        });
    Arbitrary<String[]> auth = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(10, Arbitraries.just(new String[] {"valid", "Bearer " + validToken})),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(
            new String[] {"expired", "Bearer " + bot.teams.token(TeamsTenant.ISSUER, TeamsTenant.APP_ID, bot.teams.serviceUrl(),
                Instant.now().minusSeconds(600), bot.teams.keyPair())},
            new String[] {"wrong key", "Bearer " + bot.teams.token(TeamsTenant.ISSUER, TeamsTenant.APP_ID, bot.teams.serviceUrl(),
                Instant.now().plusSeconds(600), org.rmbot.mentoring.infra.demo.BotFrameworkKeys.rsa())},
            new String[] {"no token", null}, new String[] {"garbage", "Bearer x.y.z"}, new String[] {"basic", "Basic " + validToken})));
    Arbitrary<String> type = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just("application/json")),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("", "text/plain", FORM, "application/json; charset=ISO-8859-1")));
    return Combinators.combine(damaged, damage(), auth, type).as((a, damage, token, contentType) -> {
      byte[] bytes = damage.apply(a.toString().getBytes(StandardCharsets.UTF_8));
      String what = a.path("type").asText() + "/" + damage.name() + "/" + token[0];
      return new TeamsRequest(what, bytes, token[1], contentType, token[0].equals("valid"));
    });
  }

  // Health, readiness, metrics, and odd methods and paths everywhere

  @Property
  void oddMethodsAndPaths(@ForAll("methods") String method, @ForAll("paths") String path) throws Exception {
    int status = bot.raw(method, path, method.equals("GET") || method.equals("HEAD") ? new byte[0] : "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(status).as(method + " " + path).isBetween(100, 499);
    stillUp();
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.oneOf(Arbitraries.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND",
        "MKCOL", "get"), Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(12));
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> known = Arbitraries.of("/healthz", "/readyz", "/metrics", "/slack/events", "/api/messages", "/");
    Arbitrary<String> suffix = Arbitraries.of("", "/", "/x", ";jsessionid=1", "?a=%ZZ", "?%00", "/..", "/%2e%2e/%2e%2e/etc/passwd",
        "%00", "//", "?" + "q".repeat(5000), "/..;/metrics", "#frag", "?a=1&a=2&a", "%c0%ae", "/%ff");
    return Arbitraries.oneOf(Combinators.combine(known, suffix).as((k, s) -> k + s),
        Combinators.combine(Arbitraries.of("", "/", "//"), known).as((p, k) -> p + k),
        Arbitraries.strings().withCharRange('!', '~').ofMaxLength(60).map(s -> "/" + s.replace(" ", "")));
  }

  /**
   * The answer; or null when the body was oversized and the server answered and closed the
   * connection before reading it all (the client then sees a broken pipe, not the answer).
   */
  private static HttpResponse<String> postOrClosed(String path, byte[] body, Map<String, String> headers) throws Exception {
    try {
      return bot.post(path, body, headers);
    } catch (java.io.IOException e) {
      if (body.length < 256 * 1024) {
        throw e;
      }
      return null;
    }
  }

  private static void stillUp() throws Exception {
    assertThat(bot.raw("GET", "/healthz", new byte[0])).as("the server still answers").isEqualTo(200);
    assertThat(bot.errors).as("errors logged").isEmpty();
  }

  // helpers

  /** A body as a failure report shows it: the first 400 characters and its size. */
  private static String shown(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.length() > 400 ? text.substring(0, 400) + "…(" + body.length + " bytes)" : text;
  }

  private static String form(Map<String, String> fields) {
    StringBuilder s = new StringBuilder();
    fields.forEach((k, v) -> s.append(s.length() == 0 ? "" : "&").append(k).append('=').append(enc(v)));
    return s.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static byte[] flip(byte[] b, int at, int value) {
    if (b.length == 0) {
      return b;
    }
    byte[] copy = b.clone();
    copy[at % b.length] = (byte) value;
    return copy;
  }

  private static byte[] insert(byte[] b, int at, byte[] bad) {
    int i = b.length == 0 ? 0 : at % (b.length + 1);
    byte[] out = new byte[b.length + bad.length];
    System.arraycopy(b, 0, out, 0, i);
    System.arraycopy(bad, 0, out, i, bad.length);
    System.arraycopy(b, i, out, i + bad.length, b.length - i);
    return out;
  }

  private static byte[] gzip(byte[] b) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
        zip.write(b);
      }
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hmac(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(mac.doFinal(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
