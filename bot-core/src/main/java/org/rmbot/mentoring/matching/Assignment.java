package org.rmbot.mentoring.matching;

import java.util.Arrays;

/**
 * An optimal assignment: {@code columnOfRow[r]} is the column given to row {@code r}, and
 * {@code totalCost} the exact sum of the chosen cells.
 *
 * <p>{@code rowPotentials} and {@code columnPotentials} are the dual values that prove
 * optimality (every allowed cell has {@code cost - u[r] - v[c] >= 0}, chosen cells have 0,
 * unused columns have the largest {@code v}). Tests check that certificate; callers can ignore it.
 */
public record Assignment(
    int[] columnOfRow, long totalCost, long[] rowPotentials, long[] columnPotentials) {

  public int rows() {
    return columnOfRow.length;
  }

  public int columnOf(int row) {
    return columnOfRow[row];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Assignment a
        && a.totalCost == totalCost
        && Arrays.equals(a.columnOfRow, columnOfRow);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(totalCost) + Arrays.hashCode(columnOfRow);
  }

  @Override
  public String toString() {
    return "Assignment[rows=" + columnOfRow.length + ", totalCost=" + totalCost + "]";
  }
}
