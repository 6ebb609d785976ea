package org.rmbot.mentoring.importing;

/** What is wrong with one line of an import file; line 0 means the file as a whole. */
public record LineProblem(int line, String message) {
  @Override
  public String toString() {
    return line == 0 ? message : "line " + line + ": " + message;
  }
}
