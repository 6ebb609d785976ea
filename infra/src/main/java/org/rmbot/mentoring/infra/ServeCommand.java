package org.rmbot.mentoring.infra;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the bot: the chat platforms that are configured, the nudge schedule, and one web server",
      "with /healthz, /readyz, /metrics, /slack/events (Slack HTTP mode) and /api/messages (Teams).",
      "Stops cleanly on SIGTERM.",
      "Configuration is by environment variable; see the README."
    })
final class ServeCommand implements Callable<Integer> {
  /** How long a SIGTERM during start-up waits for the start to finish, so that it can stop what started. */
  private static final long START_WAIT_SECONDS = 120;

  @CommandLine.ParentCommand Main main;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Starts everything, then waits for SIGTERM (or SIGINT), when the shutdown hook stops it in
   * order: requests, then the schedule and the deliveries in flight, then the database, which this
   * process stops itself ({@link Storage#openOwned}). The hook is in place before anything starts,
   * so a signal during start-up stops what has started too.
   */
  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    AtomicReference<Application> running = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      try {
        started.await(START_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Application app = running.get();
      if (app != null) {
        out.println("stopping: finishing requests and deliveries in flight");
        out.flush();
        app.close();
      }
      stopped.countDown();
    }, "shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      running.set(Application.start(main.env(), Clock.systemUTC(), out));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 2;
    } finally {
      started.countDown();
      if (running.get() == null) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // the JVM is stopping already: the hook finds nothing to stop
        }
      }
    }
    stopped.await();
    return 0;
  }
}
