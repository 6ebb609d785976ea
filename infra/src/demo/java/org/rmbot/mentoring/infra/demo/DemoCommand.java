package org.rmbot.mentoring.infra.demo;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run a whole reverse mentoring program in about a minute, with no credentials: 40 people from the",
      "sample CSV are matched, accept (one declines and is rematched), meet, answer check-ins and stall,",
      "over twelve simulated weeks; they answer anonymous surveys before and after and a feedback campaign",
      "half-way, and the coordinator gets the report with its chart. The real bot runs against an in-process",
      "fake Slack (or, with --platform teams, a fake Teams connector) on a throw-away embedded database; the",
      "transcript shows what each person saw, in their local time, and ends with the path of the chart PNG."
    })
public final class DemoCommand implements Callable<Integer> {
  static final int MOST_WEEKS = 26;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--platform", paramLabel = "PLATFORM", defaultValue = "slack",
      description = "slack (default) or teams.")
  String platform;

  @CommandLine.Option(names = "--seed", paramLabel = "N", defaultValue = "2026",
      description = "Seed for what people choose to do; a seed always gives the same transcript (default: ${DEFAULT-VALUE}).")
  long seed;

  @CommandLine.Option(names = "--weeks", paramLabel = "N", defaultValue = "12",
      description = "How many weeks the program runs, 2 to " + MOST_WEEKS + " (default: ${DEFAULT-VALUE});"
          + " stalled pairs reach the coordinator's at-risk alert in week 7.")
  int weeks;

  @CommandLine.Option(names = "--report-dir", paramLabel = "DIR",
      description = "Where to write the report's chart (PNG) and figures (CSV) (default: mentoring-demo-<seed> in the"
          + " system's temporary directory).")
  java.nio.file.Path reportDir;

  @CommandLine.Option(names = "--quiet", description = "Print only the weekly progress lines and the summary.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    DemoRun.Platform chosen;
    switch (platform.toLowerCase(Locale.ROOT)) {
      case "slack" -> chosen = DemoRun.Platform.SLACK;
      case "teams" -> chosen = DemoRun.Platform.TEAMS;
      default -> {
        err.println("error: --platform must be slack or teams, not '" + platform + "'");
        return 2;
      }
    }
    if (weeks < 2 || weeks > MOST_WEEKS) {
      err.println("error: --weeks must be from 2 to " + MOST_WEEKS + ", not " + weeks);
      return 2;
    }
    PrintWriter out = spec.commandLine().getOut();
    int code = new DemoRun(new DemoRun.Options(seed, weeks, quiet, chosen), out, new FeedbackChapters.Live(reportDir != null ? reportDir
        : java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "mentoring-demo-" + seed))).run();
    out.flush();
    return code;
  }
}
