package org.rmbot.mentoring.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.infra.Main;
import picocli.CommandLine;

/** A small program end to end: imported, matched, everyone active, two weeks planned, status and report answered. */
class BenchProgramCommandTest {
  @Test
  void aSmallProgramGoesFromImportToReportAndPrintsEachTiming() {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine(Map.of());
    cli.setOut(new PrintWriter(out, true));
    int code = cli.execute("bench", "program", "--participants", "40", "--repeat", "1", "--days", "14", "--plan-every-minutes", "360");

    assertThat(code).as(out.toString()).isZero();
    String text = out.toString();
    assertThat(text).contains("import: ", "(40 participants created)", "match preview: ", "match commit: ",
        "plan 14 days: 56 passes every 360 min", "  day 14: ", "status: first ", "report: first ", "me: first ");
    assertThat(text).containsPattern("report: .*\\(I've sent the report");
    String last = text.strip().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(last).matches("program: participants=40 pairs=\\d+ import_ms=\\d+ preview_ms=\\d+ commit_ms=\\d+"
        + " accept_p99_ms=[\\d.]+ plan_ms=\\d+ planned=\\d+ ledger_rows=\\d+ status_ms=[\\d.]+ report_ms=[\\d.]+ me_ms=[\\d.]+");
    int pairs = Integer.parseInt(last.replaceAll(".* pairs=(\\d+) .*", "$1"));
    int planned = Integer.parseInt(last.replaceAll(".* planned=(\\d+) .*", "$1"));
    int ledgerRows = Integer.parseInt(last.replaceAll(".* ledger_rows=(\\d+) .*", "$1"));
    assertThat(pairs).as(text).isBetween(10, 20);
    assertThat(ledgerRows).as(text).isGreaterThanOrEqualTo(pairs); // an introduction for each pair at least
    assertThat(planned).as(text).isGreaterThanOrEqualTo(pairs); // the first check-ins, at least
  }
}
