package org.rmbot.mentoring.infra;

import picocli.CommandLine;

/**
 * Turns an exception from a subcommand into one line on stderr and exit code 1. People running
 * the bot should read what went wrong, not a stack trace; {@code MENTORING_DEBUG=1} shows it.
 */
final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    cli.getErr().println("error: " + message.lines().findFirst().orElse(message));
    if ("1".equals(System.getenv("MENTORING_DEBUG"))) {
      e.printStackTrace(cli.getErr());
    }
    return 1;
  }
}
