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
 * instances too): a {@code serve} process delivers 500 nudges, for 250 pairs the introduction
 * in their group conversation and the mentor's preparation prompt in a direct message, through
 * a Slack that fails 5 % of messages once (500s, resets before and after taking the message,
 * timeouts, slow answers) and answers 429 storms, while PostgreSQL is stopped and started again
 * and the process is killed with SIGKILL at the worst moment: when Slack has taken a message
 * from each of its senders and holds every answer. Nothing is lost and only channel_not_found
 * goes to the dead letters. Group messages arrive exactly once (an uncertain attempt is looked
 * up in the conversation's history), the held ones included; direct messages cannot be looked
 * up (the app has no im:history), so each one held at the kill, and each whose first attempt
 * reached Slack unanswered, arrives exactly twice, and the campaign counts each repeat by its
 * cause.
 */
class FaultCampaignTest {
  @Test
  void nothingIsLostNoGroupMessageDoublesAndEachDirectMessageInFlightAtAKillOrUnansweredIsSentExactlyOnceMore() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine(Map.of());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute("bench", "faults", "--pairs", "250", "--conversations", "both", "--instances", "1",
        "--kills", "0", "--held-kills", "1", "--db-restarts", "1", "--db-down-seconds", "2", "--fault-per-mille", "50",
        "--storm-every", "15", "--gone-every", "100", "--lease-seconds", "120", "--seed", "7", "--timeout-minutes", "10");

    String report = out.toString();
    System.out.print(report);
    assertThat(code).as(report + err).isZero();
    Matcher kill = Pattern.compile("kill 1: held: Slack took (\\d+) messages of faults-1's \\((\\d+) direct, (\\d+) group;"
        + " it has 4 senders\\) and answered none; SIGKILL faults-1 at delivered=\\d+;.* ready again after").matcher(report);
    assertThat(kill.find()).as(report).isTrue();
    assertThat(report).containsPattern(
        "db restart 1: .*/readyz 503: faults-1 after [\\d.]+ s; /readyz 200 again: faults-1 after");
    String last = report.strip().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(last).as(report).startsWith("faults: nudges=500 delivered=496 lost=0 duplicated=")
        .contains(" duplicated_group=0 dead=4 wrongly_dead=0 gone_not_dead=0 sent_not_received=0 kills=0 held_kills=1"
            + " db_restarts=1 instances=1 ")
        .contains(" delivered_dm=248 delivered_group=248 ")
        // the bot never asks for a direct message's history (Slack would refuse it: no im:history)
        .contains(" dm_history_asked=0 ");
    assertThat(field(last, "injected")).as("faults were injected").isGreaterThan(10);
    assertThat(report).contains("RESET_AFTER_ACCEPTING").contains("TIMEOUT_AFTER_ACCEPTING");

    int heldDm = field(last, "held_dm");
    assertThat(Integer.parseInt(kill.group(2))).isEqualTo(heldDm);
    assertThat(Integer.parseInt(kill.group(3))).isEqualTo(field(last, "held_group"));
    // one for each sender that had a send to make; a sender waiting out a timeout or a 429 has none
    assertThat(Integer.parseInt(kill.group(1))).as("at most a message held for each sender").isBetween(1, 4);
    Map<String, Integer> dm = causes(report, "direct messages");
    assertThat(dm.getOrDefault("HELD_AT_KILL", 0)).as("each direct message held at the kill is sent once more")
        .isEqualTo(heldDm);
    assertThat(dm.getOrDefault("RESET_AFTER_ACCEPTING", 0) + dm.getOrDefault("TIMEOUT_AFTER_ACCEPTING", 0))
        .as("each direct message Slack took without its answer reaching the bot is sent once more")
        .isEqualTo(field(last, "uncertain_dm"))
        .isPositive();
    assertThat(field(last, "duplicated_dm")).as("the database outage may add those it could not record")
        .isEqualTo(dm.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(field(last, "duplicated"));
    assertThat(causes(report, "group conversations")).as("a group's repeats are found by history lookup").isEmpty();
  }

  private static int field(String line, String name) {
    Matcher m = Pattern.compile(" " + name + "=(\\d+)").matcher(line);
    assertThat(m.find()).as(name + " in " + line).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /** One kind of conversation's duplicates by what became of the copy before, from its report line. */
  private static Map<String, Integer> causes(String report, String kind) {
    Matcher m = Pattern.compile("(?m)^" + kind + ": .*duplicates by what became of the copy before: \\{(.*)}$")
        .matcher(report);
    assertThat(m.find()).as(kind + " in " + report).isTrue();
    Map<String, Integer> causes = new java.util.TreeMap<>();
    for (String entry : m.group(1).split(", ")) {
      if (!entry.isEmpty()) {
        causes.put(entry.substring(0, entry.indexOf('=')), Integer.parseInt(entry.substring(entry.indexOf('=') + 1)));
      }
    }
    return causes;
  }
}
