package org.rmbot.mentoring.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.infra.Main;
import picocli.CommandLine;

/** A tiny inbound run: every kind of signed request is accepted by the real bot, and the figures are printed. */
class BenchInboundCommandTest {
  @Test
  void twoSmallStepsOfEveryKindAreAllAnsweredWithoutErrors() {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine(Map.of());
    cli.setOut(new PrintWriter(out, true));
    int code = cli.execute("bench", "inbound", "--rates", "6,12", "--step-seconds", "2", "--warmup", "1", "--warmup-rate", "6",
        "--participants", "6", "--stop-p99-ms", "60000");

    assertThat(code).as(out.toString()).isZero();
    List<String> steps = out.toString().lines().filter(l -> l.startsWith("step ")).toList();
    assertThat(steps).as(out.toString()).hasSize(2);
    assertThat(steps.get(0)).matches("step rate=6 achieved=\\d+\\.\\d sent=12 ok=12 errors=0 p50_ms=[\\d.]+ p99_ms=[\\d.]+"
        + " max_ms=[\\d.]+ heap_mb=\\d+ heap_peak_mb=\\d+ jvm_cpu=\\d+% db_cpu=(\\d+|NaN)%"
        + " cpu_ms_per_request=[\\d.]+");
    assertThat(steps.get(1)).startsWith("step rate=12 ").contains(" sent=24 ok=24 errors=0 ");
    assertThat(out.toString()).contains("slack-me=", "slack-status=", "slack-checkin=", "teams-me=", "teams-status=",
        "teams-checkin=").doesNotContain("error:", "NaN/");
    String last = out.toString().strip().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(last).matches("inbound: kinds=slack-me,slack-status,slack-checkin,teams-me,teams-status,teams-checkin"
        + " sustained_rate=(0|6|12) sustained_p99_ms=([\\d.]+|NaN) last_rate=12 stopped=all_steps_done");
  }
}
