package org.rmbot.mentoring.infra;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
  @CommandLine.ParentCommand Main main;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Application app;
    try {
      app = Application.start(main.env(), Clock.systemUTC(), out);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      out.println("stopping: finishing requests and deliveries in flight");
      out.flush();
      app.close();
      stopped.countDown();
    }, "shutdown"));
    stopped.await();
    return 0;
  }
}
