package org.rmbot.mentoring.infra.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.common.MovableClock;
import org.rmbot.mentoring.infra.Application;
import org.rmbot.mentoring.infra.demo.FakeSlackWorkspace;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * Who a Slack request comes from is the user in an installation: the workspace, or, for an
 * org-wide install of an Enterprise Grid organisation, the organisation, whose people arrive
 * from many workspaces with one user id each.
 */
class SlackInstallationsTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private final FakeSlackWorkspace slack = new FakeSlackWorkspace();
  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private Application app;

  @BeforeEach
  void start() throws Exception {
    app = SlackServe.start(db, slack, clock, new PrintWriter(new StringWriter(), true), "installations");
    slack.person("W0GRACE", "Grace Grid", "grace@example.com", "Europe/London");
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    slack.close();
  }

  @Test
  void inAnOrgWideInstallOnePersonArrivesFromManyWorkspacesAsOneIdentity() throws Exception {
    for (String team : List.of("T0SALES", "T0LEGAL")) {
      String body = "token=x&team_id=" + team + "&team_domain=d&enterprise_id=E0ACME&enterprise_name=Acme"
          + "&is_enterprise_install=true&channel_id=DW&user_id=W0GRACE&user_name=grace&command=%2Fmentoring&text=me"
          + "&api_app_id=A1&response_url=" + enc(slack.apiUrl().replace("/api/", "/response/" + team))
          + "&trigger_id=1.2." + team;
      assertThat(slack.signedPost(body, "application/x-www-form-urlencoded").statusCode()).isEqualTo(200);
    }
    assertThat(identities("W0GRACE")).containsExactly("E0ACME");
  }

  @Test
  void inAWorkspaceInstallTheWorkspaceIsTheInstallation() throws Exception {
    String body = "token=x&team_id=" + FakeSlackWorkspace.TEAM + "&team_domain=d&enterprise_id=E0ACME"
        + "&is_enterprise_install=false&channel_id=DW&user_id=W0GRACE&user_name=grace&command=%2Fmentoring&text=me"
        + "&api_app_id=A1&response_url=" + enc(slack.apiUrl().replace("/api/", "/response/ws")) + "&trigger_id=1.2.ws";
    assertThat(slack.signedPost(body, "application/x-www-form-urlencoded").statusCode()).isEqualTo(200);
    assertThat(identities("W0GRACE")).containsExactly(FakeSlackWorkspace.TEAM);
  }

  /** The installations the user is known in, once the bot has stopped (so any late answer's work is done). */
  private List<String> identities(String user) {
    app.close();
    app = null;
    return db.jdbi().withHandle(h -> h.createQuery(
            "select workspace_id from platform_identity where platform = 'slack' and user_id = :u order by workspace_id")
        .bind("u", user).mapTo(String.class).list());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
