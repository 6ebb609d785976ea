package org.rmbot.mentoring.infra.demo;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The demo configurations the tests read, each run once per test JVM and shared by every test
 * class that reads it (the demo tests, the transcript reader): a whole program is the slowest
 * thing in the build, so nobody runs one of their own. Slack runs and Teams runs go in two lanes
 * side by side (the Bot Framework SDK keeps its OpenID location in a static, so two Teams runs
 * must not overlap); the first test to ask starts them all.
 */
final class DemoRuns {

  /** One configuration: the platform, the seed, and how many weeks the program runs. */
  record Config(DemoRun.Platform platform, long seed, int weeks) {
    @Override
    public String toString() {
      return platform.name().toLowerCase(java.util.Locale.ROOT) + ", seed " + seed + ", " + weeks + " weeks";
    }
  }

  /** What one run printed and recorded, and where its report's chart and CSV were written. */
  record Run(Config config, int exitCode, String out, Story story, Path reports) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  /** The default demo, as {@code java -jar mentoring-bot.jar demo} runs it, on each platform. */
  static final Config SLACK = new Config(DemoRun.Platform.SLACK, 2026, 12);
  static final Config TEAMS = new Config(DemoRun.Platform.TEAMS, 2026, 12);
  /** Two more seeds each: other people decline, stall and ask for help; shorter programs keep the build fast. */
  static final List<Config> ALL = List.of(SLACK, TEAMS,
      new Config(DemoRun.Platform.SLACK, 7, 8), new Config(DemoRun.Platform.TEAMS, 7, 8),
      new Config(DemoRun.Platform.SLACK, 41, 8), new Config(DemoRun.Platform.TEAMS, 41, 8));

  private static final Map<Config, Future<Run>> RUNS = startAll();

  private DemoRuns() {}

  static Run of(Config config) {
    try {
      return RUNS.get(config).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the demo (" + config + ")", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the demo (" + config + ") failed: " + e.getCause(), e.getCause());
    }
  }

  private static Map<Config, Future<Run>> startAll() {
    ExecutorService slack = lane("demo-slack");
    ExecutorService teams = lane("demo-teams");
    Map<Config, Future<Run>> runs = new LinkedHashMap<>();
    for (Config c : ALL) {
      runs.put(c, (c.platform() == DemoRun.Platform.SLACK ? slack : teams).submit(() -> run(c)));
    }
    slack.shutdown();
    teams.shutdown();
    return runs;
  }

  private static ExecutorService lane(String name) {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  private static Run run(Config c) throws Exception {
    Path reports = Files.createTempDirectory("demo-reports-");
    StringWriter out = new StringWriter();
    DemoRun demo = new DemoRun(new DemoRun.Options(c.seed(), c.weeks(), false, c.platform()), new PrintWriter(out, true),
        new FeedbackChapters.Live(reports));
    int code = demo.run();
    return new Run(c, code, out.toString(), demo.story(), reports);
  }
}
