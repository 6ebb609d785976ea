package org.rmbot.mentoring.infra;

import picocli.CommandLine.Command;

@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply database migrations and report the schema version.")
final class MigrateCommand implements Runnable {
  @Override
  public void run() {}
}
