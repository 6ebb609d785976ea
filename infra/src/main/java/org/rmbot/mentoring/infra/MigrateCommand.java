package org.rmbot.mentoring.infra;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = "Apply database migrations and report the schema version.")
final class MigrateCommand implements Callable<Integer> {
  @CommandLine.ParentCommand Main main;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (Storage storage = Storage.connect(main.settings(), 2)) {
      int pending = storage.database().pendingMigrations();
      String version = storage.database().migrate();
      out.println("database: " + storage.description());
      out.println("applied " + pending + " migration" + (pending == 1 ? "" : "s") + "; schema version is now " + version);
    }
    return 0;
  }
}
