package org.rmbot.mentoring.matching;

/** An assignment file that does not follow the OR-Library layout; the message says where. */
public final class MalformedAssignmentFileException extends RuntimeException {
  public MalformedAssignmentFileException(String message) {
    super(message);
  }
}
