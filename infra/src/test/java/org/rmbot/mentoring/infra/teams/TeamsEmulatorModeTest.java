package org.rmbot.mentoring.infra.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.common.MovableClock;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * The Bot Framework Emulator's unauthenticated mode ({@code TEAMS_ENABLED=emulator}, no app id
 * or password): announced loudly at start-up, activities accepted without a token, replies
 * posted to the activity's service URL without one. (With credentials, an activity without a
 * token or with an unsigned one is a 401: {@link TeamsInboundTest}.)
 */
class TeamsEmulatorModeTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private final TeamsTenant teams = new TeamsTenant();
  private final StringWriter log = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    teams.startBot(Map.of("DATABASE_URL", db.url().jdbcUrl(),
            "MENTORING_SECRET_KEY", "an-emulator-test-secret-that-is-long-enough", "TEAMS_ENABLED", "emulator",
            "MENTORING_INSTANCE_ID", "emulator"),
        new MovableClock(Instant.parse("2026-01-05T10:00:00Z")), new PrintWriter(log, true));
  }

  @AfterEach
  void stop() {
    teams.close();
  }

  @Test
  void startsWithALoudWarningAndAnswersAnActivityWithoutAToken() throws Exception {
    assertThat(log.toString()).contains("teams: WARNING: Bot Framework Emulator mode")
        .contains("NOT authenticated").contains("Never expose it");

    // what the Emulator sends: no tenant, no AAD object id, no Authorization header
    ObjectNode activity = TeamsTenant.JSON.createObjectNode().put("type", "message").put("id", "emu-1")
        .put("channelId", "emulator").put("serviceUrl", teams.serviceUrl()).put("text", "help")
        .put("timestamp", "2026-01-05T10:00:00.000Z");
    activity.putObject("from").put("id", "user-1").put("name", "Emulator User");
    activity.putObject("recipient").put("id", "bot-1").put("name", "Bot");
    activity.putObject("conversation").put("id", "emulator-conv-1");
    HttpResponse<String> response = teams.post(activity.toString(), null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    List<LoggedRequest> replies = teams.api.findAll(postRequestedFor(
        urlPathMatching("/teams/v3/conversations/emulator-conv-1/activities(/.*)?")));
    assertThat(replies).hasSize(1);
    assertThat(replies.get(0).getBodyAsString()).contains("join [program]");
    // nothing to sign with, and nothing asked of the token endpoint
    assertThat(replies.get(0).containsHeader("Authorization")).isFalse();
    assertThat(teams.api.findAll(postRequestedFor(urlPathMatching(".*/oauth2/.*")))).isEmpty();
  }
}
