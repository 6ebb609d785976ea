package org.rmbot.mentoring.matching;

/** No assignment gives every row an allowed column; {@link #row()} is the first row found stuck. */
public final class InfeasibleAssignmentException extends RuntimeException {
  private final int row;

  public InfeasibleAssignmentException(int row, String why) {
    super("no feasible assignment: row " + row + " " + why);
    this.row = row;
  }

  public int row() {
    return row;
  }
}
