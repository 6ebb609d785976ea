package org.rmbot.mentoring.infra.serve;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rmbot.mentoring.nudge.Audience;
import org.rmbot.mentoring.nudge.NudgeKind;
import org.rmbot.mentoring.nudge.NudgeLedgerInDatabase;
import org.rmbot.mentoring.nudge.PlannedNudge;
import org.rmbot.mentoring.participant.NewPerson;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.participant.WorkingHours;
import org.rmbot.mentoring.persistence.Database;
import org.rmbot.mentoring.persistence.EmbeddedDatabase;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.testing.Poll;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/**
 * {@code serve} as an operator runs it, in a process of its own: a normal SIGTERM stops it
 * quietly and in order (work in flight finishes while the database is still there), and a
 * platform it cannot reach, or that refuses its credentials, is one line on stderr.
 */
class ServeStopsAndFailsQuietlyTest {
  private static final String SECRET = "a-stop-test-secret-that-is-long-enough-0123";
  @RegisterExtension final TestDatabase db = new TestDatabase();
  @TempDir Path dir;
  private final WireMockServer slack = new WireMockServer(wireMockConfig().dynamicPort());

  @AfterEach
  void stop() {
    slack.stop();
  }

  private Map<String, String> slackEnv() {
    slack.start();
    slack.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"ok\":true}")));
    slack.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"ok\":true,\"team_id\":\"T1\",\"user\":\"mentoring\",\"user_id\":\"UBOT\"}")));
    slack.stubFor(post(urlEqualTo("/api/conversations.open")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"channel\":{\"id\":\"D1\"}}")));
    Map<String, String> env = new HashMap<>(Map.of(
        "SLACK_BOT_TOKEN", "xoxb-stop-test", "SLACK_SIGNING_SECRET", "stop-test-signing-secret",
        "SLACK_API_URL", slack.baseUrl() + "/api/", "PORT", "0", "HOST", "127.0.0.1",
        "MENTORING_SECRET_KEY", SECRET, "MENTORING_INSTANCE_ID", "stop-test", "MENTORING_DISPATCH_EVERY_SECONDS", "1"));
    return env;
  }

  /**
   * The shutdown order under attack: SIGTERM arrives while a nudge is half delivered (Slack has
   * the message and has not answered yet). The delivery must finish and be recorded before the
   * embedded database stops, or the row stays "sending" and goes out a second time after the
   * restart; and the stop prints no stack trace.
   */
  @Test
  void aSigtermDuringADeliveryFinishesItRecordsItAndPrintsNoTrace() throws Exception {
    long nudge = aDueNudgeInTheDataDirectory();
    Map<String, String> env = slackEnv();
    slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(aResponse().withFixedDelay(3000)
        .withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"channel\":\"D1\",\"ts\":\"1700000000.000100\"}")));
    env.put("MENTORING_DATA_DIR", dir.toString());

    try (MainProcess serve = MainProcess.start(dir, env, "serve")) {
      boolean sending = Poll.until(Duration.ofSeconds(90),
          () -> !slack.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).isEmpty());
      assertThat(sending).as("the nudge reached Slack; stderr: %s", serve.err()).isTrue();

      serve.terminate(Duration.ofSeconds(60));

      assertThat(serve.out()).contains("stopping: finishing requests and deliveries in flight");
      assertThat(serve.err().lines().filter(l -> l.matches("\\s+at .*|.*(ERROR|WARN|Exception).*")))
          .as("stderr of a normal stop:%n%s", serve.err()).isEmpty();
    }
    try (EmbeddedDatabase server = EmbeddedDatabase.start(dir.resolve("postgres"));
        Database database = Database.connect(server.url(), 1)) {
      String state = database.jdbi().withHandle(h -> h.createQuery("select state from nudge where id = :id")
          .bind("id", nudge).mapTo(String.class).one());
      assertThat(state).as("the delivery in flight was recorded before the database stopped").isEqualTo("sent");
    }
    assertThat(slack.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage")))).hasSize(1);
  }

  /** A person on Slack with a coordinator's nudge due now, whatever the time of day the test runs. */
  private long aDueNudgeInTheDataDirectory() {
    try (EmbeddedDatabase server = EmbeddedDatabase.start(dir.resolve("postgres"));
        Database database = Database.connect(server.url(), 2)) {
      database.migrate();
      World world = new World(database.jdbi());
      Program program = world.aReverseProgram();
      Person person = world.people.save(new NewPerson("always.on@example.com", "Always On", ZoneOffset.UTC,
          new WorkingHours(LocalTime.MIN, LocalTime.MAX, EnumSet.allOf(DayOfWeek.class))));
      world.people.link(person.id(), new PlatformIdentity(Platform.SLACK, "T1", "U1"));
      world.enrol(program, person, Role.MENTEE, 8, "Finance");
      Instant now = Instant.now();
      new NudgeLedgerInDatabase(database.jdbi(), java.time.Clock.systemUTC()).plan(List.of(new PlannedNudge(program.id(),
          null, person.id(), Audience.PERSON, NudgeKind.COORDINATOR_NUDGE, "at:" + now, now, null)));
      return database.jdbi().withHandle(h -> h.createQuery("select id from nudge").mapTo(Long.class).one());
    }
  }

  /** Slack cannot be reached: one line naming what, no trace from the Slack client, exit 1. */
  @Test
  void anUnreachableSlackIsOneLine() throws Exception {
    Map<String, String> env = new HashMap<>(Map.of(
        "SLACK_BOT_TOKEN", "xoxb-unreachable", "SLACK_SIGNING_SECRET", "a-signing-secret",
        "SLACK_API_URL", "http://127.0.0.1:1/api/", "PORT", "0", "HOST", "127.0.0.1",
        "DATABASE_URL", db.url().jdbcUrl(), "MENTORING_SECRET_KEY", SECRET));
    try (MainProcess serve = MainProcess.start(dir, env, "serve")) {
      int code = serve.exitCode(Duration.ofSeconds(60));
      assertThat(code).isEqualTo(1);
      assertThat(serve.err().lines().filter(l -> !l.contains(" INFO "))).as(serve.err())
          .containsExactly("error: cannot reach Slack at http://127.0.0.1:1/api/ (connection refused)");
    }
  }

  /**
   * Teams credentials are checked at start as Slack's token is: the bot asks the configured token
   * endpoint for its own token. Refused is a configuration error (exit 2), unreachable a network
   * failure (exit 1); either is one line.
   */
  @Test
  void teamsCredentialsAreCheckedAtStart() throws Exception {
    slack.start();
    slack.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}")));
    Map<String, String> env = new HashMap<>(Map.of(
        "MICROSOFT_APP_ID", "aabdbd62-bc97-4afb-83ee-575594577de5", "MICROSOFT_APP_PASSWORD", "a-fake-password",
        "BOTFRAMEWORK_LOGIN_URL", slack.baseUrl() + "/token", "PORT", "0", "HOST", "127.0.0.1",
        "DATABASE_URL", db.url().jdbcUrl(), "MENTORING_SECRET_KEY", SECRET));
    try (MainProcess serve = MainProcess.start(dir, env, "serve")) {
      assertThat(serve.exitCode(Duration.ofSeconds(60))).as(serve.err()).isEqualTo(2);
      assertThat(serve.err().lines().filter(l -> !l.contains(" INFO "))).as(serve.err()).containsExactly(
          "error: Microsoft refused MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD: the token endpoint at "
              + slack.baseUrl() + "/token answered HTTP 401 (invalid_client)");
    }
    assertThat(slack.findAll(postRequestedFor(urlEqualTo("/token"))).get(0).getBodyAsString())
        .contains("client_id=aabdbd62-bc97-4afb-83ee-575594577de5").contains("grant_type=client_credentials");

    env.put("BOTFRAMEWORK_LOGIN_URL", "http://127.0.0.1:1/token");
    try (MainProcess serve = MainProcess.start(dir, env, "serve")) {
      assertThat(serve.exitCode(Duration.ofSeconds(60))).as(serve.err()).isEqualTo(1);
      assertThat(serve.err().lines().filter(l -> !l.contains(" INFO "))).as(serve.err())
          .containsExactly("error: cannot reach the Bot Framework token endpoint at http://127.0.0.1:1/token (connection refused)");
    }
  }
}
