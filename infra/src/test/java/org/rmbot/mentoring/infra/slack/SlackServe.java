package org.rmbot.mentoring.infra.slack;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import org.rmbot.mentoring.infra.Application;
import org.rmbot.mentoring.infra.demo.FakeSlackWorkspace;
import org.rmbot.mentoring.testing.TestDatabase;

/** The bot as {@code serve} runs it in Slack's HTTP mode, pointed at a fake workspace, with UADMIN as admin. */
final class SlackServe {
  private SlackServe() {}

  static Application start(TestDatabase db, FakeSlackWorkspace slack, Clock clock, PrintWriter log, String instance)
      throws Exception {
    Map<String, String> env = Map.of(
        "DATABASE_URL", db.url().jdbcUrl(),
        "MENTORING_SECRET_KEY", "a-slack-test-secret-that-is-long-enough",
        "SLACK_BOT_TOKEN", "xoxb-test-token",
        "SLACK_SIGNING_SECRET", FakeSlackWorkspace.SIGNING_SECRET,
        "SLACK_API_URL", slack.apiUrl(),
        "MENTORING_ADMINS", "UADMIN",
        "PORT", "0",
        "HOST", "127.0.0.1",
        "MENTORING_INSTANCE_ID", instance);
    Application app = Application.start(env, clock, log);
    slack.botAt("http://127.0.0.1:" + app.port());
    slack.person("UADMIN", "Cora Coordinator", "cora@example.com", "Europe/London");
    return app;
  }
}
