package org.rmbot.mentoring.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.infra.Main;
import picocli.CommandLine;

/** A small fan-out end to end: the figures line is there and every nudge arrived exactly once. */
class BenchFanoutCommandTest {
  @Test
  void aSmallFanOutDeliversEveryNudgeOnceAndPrintsItsFigures() {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine(Map.of());
    cli.setOut(new PrintWriter(out, true));
    int code = cli.execute("bench", "fanout", "--pairs", "60", "--rate", "400", "--concurrency", "4");
    assertThat(code).as(out.toString()).isZero();
    String last = out.toString().strip().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(last).matches("fanout: delivered=60 duplicates=0 lost=0 rate_ratio=\\d+\\.\\d\\d 429s=\\d+ heap_mb=\\d+");
  }
}
