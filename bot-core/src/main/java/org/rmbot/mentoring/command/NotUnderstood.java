package org.rmbot.mentoring.command;

/**
 * Raised inside the parser when an argument cannot be read, and turned into
 * {@link ParseResult.Unrecognised} before {@link CommandParser#parse} returns. It never leaves
 * the package, so it carries no stack trace.
 */
final class NotUnderstood extends RuntimeException {
  NotUnderstood(String message) {
    super(message, null, false, false);
  }
}
