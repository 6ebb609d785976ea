package org.rmbot.mentoring.infra;

import java.util.Map;
import org.rmbot.mentoring.infra.bench.BenchCommand;
import org.rmbot.mentoring.infra.demo.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code mentoring-bot.jar}: picocli subcommands, nothing else. Misuse is exit
 * code 2 with the reason on one line: an unknown option, a missing subcommand (this command and
 * the ones with subcommands of their own are not runnable themselves), or an environment
 * variable with a wrong value ({@link Settings}, checked before any command runs).
 */
@Command(
    name = "mentoring-bot",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "A Slack and Microsoft Teams bot that runs reverse mentoring programs.",
    subcommands = {
      MigrateCommand.class,
      ImportCommand.class,
      MatchCommand.class,
      FormCommand.class,
      ServeCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {
  private final Map<String, String> env;

  Main(Map<String, String> env) {
    this.env = env;
  }

  public static void main(String[] args) {
    if ("json".equalsIgnoreCase(System.getenv("LOG_FORMAT")) && System.getProperty("logback.configurationFile") == null) {
      // before the first logger is created, so logback reads the JSON configuration
      System.setProperty("logback.configurationFile", "logback-json.xml");
    }
    System.exit(commandLine(System.getenv()).execute(args));
  }

  /** The configured command line over the given environment; tests execute it in-process. */
  public static CommandLine commandLine(Map<String, String> env) {
    CommandLine cli = new CommandLine(new Main(env));
    cli.setExecutionExceptionHandler(new OneLineErrors());
    cli.setExecutionStrategy(parsed -> {
      if (CommandLine.printHelpIfRequested(parsed)) {
        return cli.getCommandSpec().exitCodeOnUsageHelp();
      }
      try {
        Settings.from(env);
      } catch (IllegalArgumentException e) {
        parsed.commandSpec().commandLine().getErr().println("error: " + e.getMessage());
        return 2;
      }
      return new CommandLine.RunLast().execute(parsed);
    });
    return cli;
  }

  Map<String, String> env() {
    return env;
  }

  Settings settings() {
    return Settings.from(env);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"mentoring-bot " + (version == null ? "development build" : version)};
    }
  }
}
