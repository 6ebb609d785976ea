package org.rmbot.mentoring.infra.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.common.MovableClock;
import org.rmbot.mentoring.infra.demo.BotFrameworkKeys;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * /api/messages as the Bot Framework and attackers would call it: captured activities with
 * tokens signed by the tenant's test key are accepted; every other token is refused with 401
 * before anything runs; malformed, oversized and unknown input gets a 4xx or a clear reply,
 * never a 5xx, and writes nothing.
 */
class TeamsInboundTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private final TeamsTenant teams = new TeamsTenant();
  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private TeamsTenant.Person amara;

  @BeforeEach
  void start() throws Exception {
    amara = teams.person("Amara Okafor", "amara@example.com");
    Map<String, String> env = new HashMap<>(teams.env());
    env.putAll(Map.of("DATABASE_URL", db.url().jdbcUrl(), "MENTORING_SECRET_KEY", "an-inbound-test-secret-that-is-long-enough",
        "MENTORING_INSTANCE_ID", "inbound"));
    teams.startBot(env, clock, new PrintWriter(new StringWriter(), true));
  }

  @AfterEach
  void stop() {
    teams.close();
  }

  private String help() {
    return teams.message(amara, "help").toString();
  }

  @Test
  void aValidTokenIsAcceptedAndTheSenderRemembered() throws Exception {
    HttpResponse<String> response = teams.post(help(), "Bearer " + teams.token());
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(teams.connectorCalls()).anySatisfy(b -> assertThat(b).contains("join [program]"));
    assertThat(count("select count(*) from teams_person where aad_object_id = 'aad-amaraokafor'")).isEqualTo(1);
  }

  @Test
  void everyOtherTokenIsRefusedWith401AndNothingRuns() throws Exception {
    Instant later = Instant.now().plusSeconds(3600);
    Map<String, String> tokens = new java.util.LinkedHashMap<>();
    tokens.put("wrong issuer", teams.token("https://evil.example", TeamsTenant.APP_ID, teams.serviceUrl(), later, teams.key));
    tokens.put("wrong audience", teams.token(TeamsTenant.ISSUER, "another-bot", teams.serviceUrl(), later, teams.key));
    tokens.put("expired", teams.token(TeamsTenant.ISSUER, TeamsTenant.APP_ID, teams.serviceUrl(),
        Instant.now().minusSeconds(3600), teams.key));
    tokens.put("bad signature", teams.token(TeamsTenant.ISSUER, TeamsTenant.APP_ID, teams.serviceUrl(), later, BotFrameworkKeys.rsa()));
    tokens.put("other service url", teams.token(TeamsTenant.ISSUER, TeamsTenant.APP_ID, "https://evil.example/", later, teams.key));
    tokens.put("unsigned", unsigned());
    tokens.put("garbage", "not-a-jwt");
    for (var token : tokens.entrySet()) {
      assertThat(teams.post(help(), "Bearer " + token.getValue()).statusCode()).as(token.getKey()).isEqualTo(401);
    }
    assertThat(teams.post(help(), null).statusCode()).as("no token").isEqualTo(401);
    assertThat(teams.post(help(), "Basic " + teams.token()).statusCode()).as("not a bearer token").isEqualTo(401);
    assertThat(teams.connectorCalls()).isEmpty();
    assertThat(count("select count(*) from teams_person")).isZero();
  }

  @Test
  void badInputIsA4xxOrAClearReplyNeverA5xxAndWritesNothing() throws Exception {
    String token = "Bearer " + teams.token();
    assertThat(teams.post("{not json", token).statusCode()).isEqualTo(400);
    assertThat(teams.post("[]", token).statusCode()).isEqualTo(400);
    assertThat(teams.post("{\"text\":\"status\"}", token).statusCode()).as("no type").isEqualTo(400);
    ObjectNode noSender = teams.message(amara, "status");
    noSender.remove("from");
    assertThat(teams.post(noSender.toString(), token).statusCode()).isEqualTo(400);
    assertThat(teams.post("{\"type\":\"message\",\"text\":\"" + "x".repeat(300_000) + "\"}", token).statusCode()).isEqualTo(413);
    assertThat(count("select count(*) from teams_person")).isZero();

    // an oversized command gets a plain answer
    assertThat(teams.send(teams.message(amara, "status " + "x".repeat(5000))).statusCode()).isEqualTo(202);
    assertThat(teams.connectorCalls()).last().asString().contains("too long");

    // an unknown card action, and a card without the bot's data, are answered, not failed
    HttpResponse<String> unknown = teams.send(teams.invoke(amara, "nope", teams.button("no.such.action", "1")));
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(unknown.body()).contains("no longer in use");
    HttpResponse<String> foreign = teams.send(teams.capture("invoke.adaptiveCard-action.Action.Execute.personal.json")
        .put("serviceUrl", teams.serviceUrl()));
    assertThat(foreign.statusCode()).isEqualTo(200);
    assertThat(foreign.body()).contains("no longer in use");
    // a form for a program that does not exist saves nothing
    HttpResponse<String> form = teams.send(teams.invoke(amara, "rm.submit", TeamsTenant.JSON.createObjectNode()
        .put("rmForm", "join:999").put("role", "mentor").put("grade", "2").put("department", "Data").put("consent", "yes")));
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("no longer open");
    assertThat(count("select count(*) from participant")).isZero();
  }

  @Test
  void installingTheAppStoresThePersonalConversationAndWelcomes() throws Exception {
    ObjectNode installed = teams.capture("conversationUpdate.bot-added-to-personal-chat.json");
    installed.put("serviceUrl", teams.serviceUrl());
    installed.putObject("from").put("id", amara.userId()).put("aadObjectId", amara.aad());
    installed.putObject("recipient").put("id", "28:" + TeamsTenant.APP_ID);
    installed.putObject("conversation").put("id", amara.conversationId()).put("conversationType", "personal");
    installed.putObject("channelData").putObject("tenant").put("id", TeamsTenant.TENANT);
    installed.putArray("membersAdded").add(TeamsTenant.JSON.createObjectNode().put("id", "28:" + TeamsTenant.APP_ID))
        .add(TeamsTenant.JSON.createObjectNode().put("id", amara.userId()).put("aadObjectId", amara.aad()));
    assertThat(teams.send(installed).statusCode()).isBetween(200, 202);
    assertThat(teams.sentTo(amara.conversationId()).toString() + teams.connectorCalls()).contains("reverse mentoring bot");
    String stored = db.jdbi().withHandle(h -> h.createQuery(
            "select personal_conversation_id from teams_person where aad_object_id = :a").bind("a", amara.aad())
        .mapTo(String.class).one());
    assertThat(stored).isEqualTo(amara.conversationId());
  }

  private String unsigned() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString(("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + teams.keyId + "\"}").getBytes(StandardCharsets.UTF_8));
    String payload = b64.encodeToString(("{\"iss\":\"" + TeamsTenant.ISSUER + "\",\"aud\":\"" + TeamsTenant.APP_ID
        + "\",\"serviceurl\":\"" + teams.serviceUrl() + "\",\"exp\":" + (Instant.now().getEpochSecond() + 3600) + "}")
        .getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".";
  }

  private int count(String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }
}
