package org.rmbot.mentoring.infra;

import java.util.Map;
import org.rmbot.mentoring.infra.bench.BenchCommand;
import org.rmbot.mentoring.infra.demo.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code mentoring-bot.jar}: picocli subcommands, nothing else. */
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
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
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
    return cli;
  }

  Map<String, String> env() {
    return env;
  }

  Settings settings() {
    return Settings.from(env);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"mentoring-bot " + (version == null ? "development build" : version)};
    }
  }
}
