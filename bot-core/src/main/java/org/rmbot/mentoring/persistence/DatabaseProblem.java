package org.rmbot.mentoring.persistence;

/** The database cannot be used; the message is one line a person can act on. */
public final class DatabaseProblem extends RuntimeException {
  public DatabaseProblem(String message) {
    super(message);
  }

  public DatabaseProblem(String message, Throwable cause) {
    super(message, cause);
  }
}
