package org.rmbot.mentoring.infra.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.common.MovableClock;
import org.rmbot.mentoring.infra.Application;
import org.rmbot.mentoring.infra.Schedule;
import org.rmbot.mentoring.infra.Wiring;
import org.rmbot.mentoring.infra.demo.FakeSlackWorkspace;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.testing.Poll;
import org.rmbot.mentoring.testing.TestDatabase;

/** {@code serve} as operators see it: every endpoint, readiness, and two instances sharing one schedule. */
class ServeTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private final FakeSlackWorkspace slack = new FakeSlackWorkspace();
  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Application> apps = new java.util.ArrayList<>();
  private final Map<Application, Quartz> schedules = new HashMap<>();

  /** serve's schedule, remembering the nudges it runs, so that the test can read the shared ledger. */
  private static final class Quartz implements Schedule {
    private final Schedule quartz = Schedule.quartz();
    private Wiring.Nudges nudges;

    @Override
    public Duration inlineWait(Duration usual) {
      return quartz.inlineWait(usual);
    }

    @Override
    public AutoCloseable start(Wiring.Nudges nudges) {
      this.nudges = nudges;
      return quartz.start(nudges);
    }

    @Override
    public String problem() {
      return quartz.problem();
    }
  }

  private Application start(String instance) throws Exception {
    Map<String, String> env = new HashMap<>(Map.of(
        "DATABASE_URL", db.url().jdbcUrl(),
        "MENTORING_SECRET_KEY", "a-serve-test-secret-that-is-long-enough-000",
        "SLACK_BOT_TOKEN", "xoxb-test-token",
        "SLACK_SIGNING_SECRET", FakeSlackWorkspace.SIGNING_SECRET,
        "SLACK_API_URL", slack.apiUrl(),
        "PORT", "0",
        "HOST", "127.0.0.1",
        "MENTORING_INSTANCE_ID", instance,
        "MENTORING_DISPATCH_EVERY_SECONDS", "1"));
    Quartz schedule = new Quartz();
    Application app = Application.start(env, clock, new PrintWriter(new StringWriter(), true), schedule);
    apps.add(app);
    schedules.put(app, schedule);
    return app;
  }

  @AfterEach
  void stop() {
    apps.forEach(Application::close);
    slack.close();
  }

  private HttpResponse<String> get(Application app, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyEndpointAnswers() throws Exception {
    Application app = start("smoke");
    slack.botAt("http://127.0.0.1:" + app.port());
    slack.person("U1", "Ana", "ana@example.com", "Europe/London");

    assertThat(get(app, "/healthz").body()).isEqualTo("ok\n");
    HttpResponse<String> ready = get(app, "/readyz");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"database\":\"ok\"").contains("\"scheduler\":\"ok\"").contains("\"ready\":true");
    FakeSlackWorkspace.Sent help = slack.command("U1", "help");
    assertThat(help.statusCode()).isEqualTo(200);
    assertThat(slack.answerTo(help, Duration.ofSeconds(30))).contains("join");
    HttpResponse<String> metrics = get(app, "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("mentoring_nudges{state=\"sent\"}").contains("mentoring_nudge_queue_depth")
        .containsPattern("mentoring_slack_ack_seconds_count 1(\\.0)?\n").doesNotContain("NaN");
    assertThat(get(app, "/nothing-here").statusCode()).isEqualTo(404);
  }

  /**
   * Ready means someone can reach the bot: with no chat platform configured the instance is alive
   * but not ready, and says why; the Helm chart's readiness probe and docs/OPERATIONS.md say the same.
   */
  @Test
  void readinessNeedsAChatPlatform() throws Exception {
    Application alone = Application.start(Map.of("DATABASE_URL", db.url().jdbcUrl(),
        "MENTORING_SECRET_KEY", "a-serve-test-secret-that-is-long-enough-000", "PORT", "0", "HOST", "127.0.0.1",
        "MENTORING_INSTANCE_ID", "alone"), clock, new PrintWriter(new StringWriter(), true));
    apps.add(alone);
    HttpResponse<String> ready = get(alone, "/readyz");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).contains("\"platforms\":\"none configured\"").contains("\"ready\":false");
    assertThat(get(alone, "/healthz").statusCode()).as("alive, just not ready").isEqualTo(200);

    Application withSlack = start("with-slack");
    assertThat(get(withSlack, "/readyz").body()).contains("\"platforms\":\"ok\"").contains("\"ready\":true");

    String chart = java.nio.file.Files.readString(java.nio.file.Path.of("helm", "mentoring-bot", "templates", "deployment.yaml"));
    String operations = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "OPERATIONS.md"));
    assertThat(chart).contains("# database reachable, schedule running, a chat platform configured");
    assertThat(operations).contains("`platforms` (at least one chat platform is configured");
  }

  @Test
  void readinessFailsWhenTheDatabaseIsGone() throws Exception {
    Application app = start("gone");
    assertThat(get(app, "/readyz").statusCode()).isEqualTo(200);
    db.jdbi().useHandle(h -> h.execute("select 1"));
    db.database().close();
    TestDatabase.server().adminDataSource().getConnection().createStatement()
        .execute("drop database " + db.name() + " with (force)");
    HttpResponse<String> ready = get(app, "/readyz");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).contains("\"database\":\"unreachable\"").contains("\"ready\":false");
    assertThat(get(app, "/healthz").statusCode()).as("alive, just not ready").isEqualTo(200);
  }

  @Test
  void twoInstancesShareOneScheduleAndDeliverEveryNudgeOnce() throws Exception {
    Application first = start("one");
    Application second = start("two");
    Wiring.Core core = Wiring.core(db.database(), clock);
    byte[] csv;
    try (InputStream in = getClass().getResourceAsStream("/sample/participants.csv")) {
      csv = in.readAllBytes();
    }
    core.importing().importFile("Pilot", "Allyship", csv, new Actor.Operator("test"));
    long program = core.programs().findByName("Pilot").orElseThrow().id();
    // people whose working day has begun at the test's clock time (10:00 UTC on a Monday), so the
    // clock only needs to tick seconds: a lease is two minutes on this clock, and a clock racing
    // ahead while a send is in flight would expire it, the case the lease-expiry test covers
    List<Participant> people = core.participants().inProgram(program).stream()
        .filter(p -> core.people().findById(p.personId()).orElseThrow().timeZone().getId().startsWith("Europe/"))
        .toList();
    for (Participant p : people) {
      String user = "U" + p.personId();
      core.people().link(p.personId(), new PlatformIdentity(Platform.SLACK, FakeSlackWorkspace.TEAM, user));
      slack.person(user, "Person " + p.personId(), "p" + p.personId() + "@example.com", "Europe/London");
    }
    // the notifications go into the shared ledger once; either instance's dispatcher may send each
    var notifications = new org.rmbot.mentoring.nudge.LedgerNotifications(nudges(first).ledger(),
        nudges(first).planning(), core.participants(), core.programs(), clock);
    assertThat(people).hasSizeGreaterThan(15);
    people.forEach(p -> notifications.nudgeRequested(program, p.personId()));

    boolean done = Poll.until(Duration.ofSeconds(60), () -> {
      clock.advance(Duration.ofMillis(200));
      return nudges(first).ledger().countByState().getOrDefault(org.rmbot.mentoring.nudge.NudgeState.SENT, 0) == people.size();
    });
    assertThat(done).as("all %d nudges sent: %s", people.size(), nudges(first).ledger().countByState()).isTrue();
    List<String> sent = slack.calls("chat.postMessage");
    assertThat(sent).hasSize(people.size());
    assertThat(sent.stream().map(b -> b.replaceAll("(?s).*channel=(D[^&]+).*", "$1")).distinct()).hasSize(people.size());
    assertThat(nudges(second)).isNotSameAs(nudges(first));
  }

  private Wiring.Nudges nudges(Application app) {
    return schedules.get(app).nudges;
  }
}
