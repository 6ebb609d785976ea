package org.rmbot.mentoring.matching;

import java.util.List;

/**
 * The candidates or pins cannot be matched as given: each problem names the person or pin.
 * Thrown before any matching work, so nothing partial is ever returned.
 */
public final class MatchingInputException extends RuntimeException {
  private final List<String> problems;

  public MatchingInputException(List<String> problems) {
    super("cannot match: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
