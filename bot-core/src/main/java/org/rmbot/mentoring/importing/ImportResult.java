package org.rmbot.mentoring.importing;

import java.util.List;

/** What an import did: everything, or nothing with every reason. */
public sealed interface ImportResult {

  /**
   * @param created participants new to the program
   * @param updated participants whose details changed
   * @param unchanged participants already exactly as in the file
   * @param managersAdded managers named in the file who are not participants, now known by email
   */
  record Imported(String program, boolean programCreated, int created, int updated, int unchanged, int managersAdded)
      implements ImportResult {}

  record Refused(List<LineProblem> problems) implements ImportResult {}
}
