package org.rmbot.mentoring.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.infra.Main;
import picocli.CommandLine;

/**
 * The fast subset of the fault campaign (docs/RELIABILITY.md has the full one, with two
 * instances too): a {@code serve} process delivers 500 nudges through a Slack that fails 5 %
 * of messages once (500s, resets before and after taking the message, timeouts, slow answers)
 * and answers 429 storms, while it is killed with SIGKILL and PostgreSQL is stopped and
 * started again. Every deliverable nudge arrives exactly once and only channel_not_found goes
 * to the dead letters.
 */
class FaultCampaignTest {
  @Test
  void killsADatabaseRestartAndPlatformFaultsLoseAndDoubleNothing() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine(Map.of());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute("bench", "faults", "--pairs", "500", "--instances", "1", "--kills", "1", "--db-restarts", "1",
        "--db-down-seconds", "2", "--fault-per-mille", "50", "--storm-every", "15", "--gone-every", "100",
        "--lease-seconds", "120", "--seed", "7", "--timeout-minutes", "10");

    String report = out.toString();
    System.out.print(report);
    assertThat(code).as(report + err).isZero();
    assertThat(report).containsPattern("kill 1: SIGKILL faults-\\d at delivered=\\d+;.* ready again after")
        .containsPattern("db restart 1: .*/readyz 503: faults-1 after [\\d.]+ s; /readyz 200 again: faults-1 after");
    String last = report.strip().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(last).as(report).startsWith("faults: nudges=500 delivered=495 lost=0 duplicated=0 dead=5 wrongly_dead=0"
        + " gone_not_dead=0 sent_not_received=0 kills=1 db_restarts=1 instances=1 ");
    Matcher injected = Pattern.compile("injected=(\\d+)").matcher(last);
    assertThat(injected.find()).isTrue();
    assertThat(Integer.parseInt(injected.group(1))).as("faults were injected").isGreaterThan(10);
    assertThat(report).contains("RESET_AFTER_ACCEPTING").contains("TIMEOUT_AFTER_ACCEPTING");
  }
}
