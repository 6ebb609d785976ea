package org.rmbot.mentoring.infra;

import picocli.CommandLine.Command;

@Command(name = "import", mixinStandardHelpOptions = true, description = "Import participants from a CSV file.")
final class ImportCommand implements Runnable {
  @Override
  public void run() {}
}
