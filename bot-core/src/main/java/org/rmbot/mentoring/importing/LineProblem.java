package org.rmbot.mentoring.importing;

import org.rmbot.mentoring.wording.Catalogue;

/** What is wrong with one line of an import file; line 0 means the file as a whole. */
public record LineProblem(int line, String message) {
  private static final Catalogue WORDS = Catalogue.english();

  @Override
  public String toString() {
    return line == 0 ? message : WORDS.phrase("importing.line_problem", "line", String.valueOf(line), "message", message);
  }
}
