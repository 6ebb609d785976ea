package org.rmbot.mentoring.matching;

import java.util.Arrays;

/**
 * A dense rectangular cost matrix stored row-major in one {@code int[]}, so a 5000 x 5000
 * problem is one 100 MB array and not 25 million objects. A cell holding {@link #FORBIDDEN}
 * may not be used by any assignment.
 *
 * <p>The array is shared, not copied: callers build it, hand it over and stop writing to it.
 */
public record CostMatrix(int rows, int columns, int[] cells) {

  /** Marks a cell that no assignment may use. No real cost may take this value. */
  public static final int FORBIDDEN = Integer.MAX_VALUE;

  public CostMatrix {
    if (rows < 0 || columns < 0) {
      throw new IllegalArgumentException("negative size " + rows + " x " + columns);
    }
    if (cells == null || (long) rows * columns != cells.length) {
      throw new IllegalArgumentException(
          rows + " x " + columns + " matrix needs " + (long) rows * columns + " cells, got "
              + (cells == null ? "none" : cells.length));
    }
  }

  /** An all-zero matrix to fill in with {@link #set}. */
  public static CostMatrix zeros(int rows, int columns) {
    long size = (long) rows * columns;
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(rows + " x " + columns + " is too large for one array");
    }
    return new CostMatrix(rows, columns, new int[(int) size]);
  }

  public int cost(int row, int column) {
    return cells[row * columns + column];
  }

  public boolean isForbidden(int row, int column) {
    return cost(row, column) == FORBIDDEN;
  }

  public void set(int row, int column, int cost) {
    cells[row * columns + column] = cost;
  }

  public void forbid(int row, int column) {
    set(row, column, FORBIDDEN);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CostMatrix m
        && m.rows == rows
        && m.columns == columns
        && Arrays.equals(m.cells, cells);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + columns) + Arrays.hashCode(cells);
  }

  @Override
  public String toString() {
    return "CostMatrix[" + rows + " x " + columns + "]";
  }
}
