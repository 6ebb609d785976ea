package org.rmbot.mentoring.matching;

import java.util.Arrays;

/**
 * Exact minimum-cost rectangular assignment (rows &lt;= columns): every row gets one column, no
 * column is used twice, and the sum of the chosen costs is as small as possible. Cells holding
 * {@link CostMatrix#FORBIDDEN} are never used.
 *
 * <p>The method is Jonker and Volgenant's (1987) shortest augmenting path algorithm, LAPJV:
 *
 * <ol>
 *   <li>column reduction and reduction transfer (square problems only: they set column prices to
 *       column minima, which is only valid when every column must be used);
 *   <li>two passes of augmenting row reduction, which cheaply assigns most rows by lowering the
 *       price of contested columns;
 *   <li>for each row still free, a Dijkstra-like shortest augmenting path over dense arrays,
 *       followed by a price update that keeps all reduced costs non-negative.
 * </ol>
 *
 * <p>Rectangular problems stay exact because column prices start at 0 and only ever decrease,
 * and only on columns that are (or become) assigned: an unused column always has the highest
 * price, which is the optimality condition when columns may be left over.
 *
 * <p>Costs are {@code int}, all sums and prices are {@code long}, so nothing overflows for any
 * matrix that fits in memory. The result depends only on the matrix: same input, same answer.
 * The solver holds no state between calls and may be shared between threads.
 */
public final class AssignmentSolver {

  /** Told how far the slow phase has got, so a command line can show progress. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (assigned, total) -> {};

    /** Called now and then from the solving thread; keep it cheap. */
    void rowsAssigned(int assigned, int total);
  }

  private static final long UNREACHABLE = Long.MAX_VALUE / 4;
  private static final int FORBIDDEN = CostMatrix.FORBIDDEN;
  private static final int PROGRESS_EVERY = 256;

  private final Progress progress;

  public AssignmentSolver() {
    this(Progress.NONE);
  }

  public AssignmentSolver(Progress progress) {
    this.progress = progress;
  }

  /** The assignment with the smallest total cost. */
  public Assignment minimise(CostMatrix matrix) {
    if (matrix.rows() > matrix.columns()) {
      throw new IllegalArgumentException(
          "more rows than columns (" + matrix.rows() + " x " + matrix.columns()
              + "): transpose the matrix first");
    }
    return new Run(matrix, progress).solve();
  }

  /**
   * The assignment with the largest total cost. Costs are mirrored ({@code max - cost}) into a
   * copy so the minimiser sees non-negative values; the reported total is in original costs.
   */
  public Assignment maximise(CostMatrix matrix) {
    int[] cells = matrix.cells();
    int max = Integer.MIN_VALUE;
    for (int c : cells) {
      if (c != FORBIDDEN && c > max) {
        max = c;
      }
    }
    int[] mirrored = new int[cells.length];
    for (int k = 0; k < cells.length; k++) {
      if (cells[k] == FORBIDDEN) {
        mirrored[k] = FORBIDDEN;
        continue;
      }
      long m = (long) max - cells[k]; // long: a wide int range would overflow
      if (m >= FORBIDDEN) {
        throw new IllegalArgumentException(
            "cost range too wide to maximise: " + cells[k] + " to " + max);
      }
      mirrored[k] = (int) m;
    }
    Assignment min = minimise(new CostMatrix(matrix.rows(), matrix.columns(), mirrored));
    long total = 0;
    for (int r = 0; r < matrix.rows(); r++) {
      total += matrix.cost(r, min.columnOf(r));
    }
    return new Assignment(min.columnOfRow(), total, min.rowPotentials(), min.columnPotentials());
  }

  /** One solve: all working arrays, so the solver itself stays stateless. */
  private static final class Run {
    private final int rows;
    private final int cols;
    private final int[] cost;
    private final Progress progress;
    private final long[] v; // column prices
    private final int[] rowSol; // column of each row, -1 if free
    private final int[] colSol; // row of each column, -1 if free
    private int[] free; // rows still to assign
    private int freeCount;
    private int[] matchesAfterReduction; // column minima won by each row, square only

    Run(CostMatrix matrix, Progress progress) {
      this.rows = matrix.rows();
      this.cols = matrix.columns();
      this.cost = matrix.cells();
      this.progress = progress;
      this.v = new long[cols];
      this.rowSol = new int[rows];
      this.colSol = new int[cols];
      Arrays.fill(rowSol, -1);
      Arrays.fill(colSol, -1);
    }

    Assignment solve() {
      if (rows == 0) {
        return new Assignment(new int[0], 0, new long[0], v);
      }
      requireEveryRowHasAnAllowedCell();
      if (rows == cols) {
        columnReduction();
        reductionTransfer();
      } else {
        free = new int[rows];
        for (int i = 0; i < rows; i++) {
          free[i] = i;
        }
        freeCount = rows;
      }
      augmentingRowReduction();
      augmentingRowReduction();
      shortestAugmentingPaths();
      return result();
    }

    private void requireEveryRowHasAnAllowedCell() {
      for (int i = 0; i < rows; i++) {
        int base = i * cols;
        boolean any = false;
        for (int j = 0; j < cols && !any; j++) {
          any = cost[base + j] != FORBIDDEN;
        }
        if (!any) {
          throw new InfeasibleAssignmentException(i, "has every cell forbidden");
        }
      }
    }

    /**
     * Price each column at its minimum and give it to the row holding that minimum, unless the
     * row already has a cheaper column. Scans row by row: a column-wise walk of a row-major
     * matrix would miss the cache on every cell.
     */
    private void columnReduction() {
      long[] colMin = new long[cols];
      int[] argMin = new int[cols];
      Arrays.fill(colMin, UNREACHABLE);
      Arrays.fill(argMin, -1);
      for (int i = 0; i < rows; i++) {
        int base = i * cols;
        for (int j = 0; j < cols; j++) {
          int c = cost[base + j];
          if (c != FORBIDDEN && c < colMin[j]) {
            colMin[j] = c;
            argMin[j] = i;
          }
        }
      }
      int[] matches = new int[rows];
      for (int j = cols - 1; j >= 0; j--) {
        int i = argMin[j];
        if (i < 0) {
          // A square problem needs every column, and this one is usable by no row.
          throw new InfeasibleAssignmentException(
              0, "cannot be completed: column " + j + " has every cell forbidden");
        }
        v[j] = colMin[j];
        if (++matches[i] == 1) {
          rowSol[i] = j;
          colSol[j] = i;
        } else if (v[j] < v[rowSol[i]]) {
          colSol[rowSol[i]] = -1;
          rowSol[i] = j;
          colSol[j] = i;
        } else {
          colSol[j] = -1;
        }
      }
      this.matchesAfterReduction = matches;
    }

    /**
     * A row that won exactly one column minimum transfers its slack to that column's price, so
     * the row's own dual is as large as possible before the augmenting phases.
     */
    private void reductionTransfer() {
      free = new int[rows];
      freeCount = 0;
      for (int i = 0; i < rows; i++) {
        int m = matchesAfterReduction[i];
        if (m == 0) {
          free[freeCount++] = i;
        } else if (m == 1) {
          int j1 = rowSol[i];
          int base = i * cols;
          long min = UNREACHABLE;
          for (int j = 0; j < cols; j++) {
            int c = cost[base + j];
            if (j != j1 && c != FORBIDDEN) {
              long h = c - v[j];
              if (h < min) {
                min = h;
              }
            }
          }
          if (min < UNREACHABLE) {
            v[j1] -= min;
          }
        }
      }
      matchesAfterReduction = null;
    }

    /**
     * Each free row takes its cheapest column at current prices. If it is strictly cheapest, the
     * price drops by the gap to the runner-up and the displaced owner retries at once; on a tie
     * the row takes the runner-up if the cheapest is taken. The retry budget only bounds a
     * pathological ping-pong; a row over budget simply waits for the next phase.
     */
    private void augmentingRowReduction() {
      int pending = freeCount;
      freeCount = 0;
      int k = 0;
      long retries = 0;
      long retryBudget = 16L * rows + 1024;
      while (k < pending) {
        int i = free[k++];
        int base = i * cols;
        long umin = UNREACHABLE;
        long usubmin = UNREACHABLE;
        int j1 = -1;
        int j2 = -1;
        for (int j = 0; j < cols; j++) {
          int c = cost[base + j];
          if (c == FORBIDDEN) {
            continue;
          }
          long h = c - v[j];
          if (h < usubmin) {
            if (h >= umin) {
              usubmin = h;
              j2 = j;
            } else {
              usubmin = umin;
              umin = h;
              j2 = j1;
              j1 = j;
            }
          }
        }
        int i0 = colSol[j1];
        boolean strictlyCheapest = umin < usubmin;
        if (strictlyCheapest) {
          if (usubmin < UNREACHABLE) {
            v[j1] -= usubmin - umin;
          }
        } else if (i0 >= 0) {
          j1 = j2;
          i0 = colSol[j2];
        }
        rowSol[i] = j1;
        colSol[j1] = i;
        if (i0 >= 0) {
          rowSol[i0] = -1;
          if (strictlyCheapest && usubmin < UNREACHABLE && retries++ < retryBudget) {
            free[--k] = i0;
          } else {
            free[freeCount++] = i0;
          }
        }
      }
    }

    /**
     * Jonker-Volgenant augmentation: grow a shortest-path tree from the free row over columns,
     * settling all columns at the current minimum distance together, until a free column is
     * reached; then lower the prices of settled columns and flip the path.
     */
    private void shortestAugmentingPaths() {
      long[] d = new long[cols];
      int[] pred = new int[cols];
      int[] order = new int[cols]; // [0,low) settled, [low,up) at min distance, [up,cols) rest
      int toAssign = freeCount;
      for (int f = 0; f < toAssign; f++) {
        int row = free[f];
        int base = row * cols;
        for (int j = 0; j < cols; j++) {
          order[j] = j;
          pred[j] = row;
          int c = cost[base + j];
          d[j] = c == FORBIDDEN ? UNREACHABLE : c - v[j];
        }
        int low = 0;
        int up = 0;
        int settled = 0;
        long min = 0;
        int end = -1;
        search:
        while (true) {
          if (up == low) {
            settled = low;
            min = d[order[up++]];
            for (int k = up; k < cols; k++) {
              int j = order[k];
              long h = d[j];
              if (h <= min) {
                if (h < min) {
                  up = low;
                  min = h;
                }
                order[k] = order[up];
                order[up++] = j;
              }
            }
            if (min >= UNREACHABLE) {
              throw new InfeasibleAssignmentException(
                  row, "cannot be assigned without leaving another row with only forbidden cells");
            }
            for (int k = low; k < up; k++) {
              if (colSol[order[k]] < 0) {
                end = order[k];
                break search;
              }
            }
          }
          int j1 = order[low++];
          int i = colSol[j1];
          int ibase = i * cols;
          long u1 = cost[ibase + j1] - v[j1] - min;
          for (int k = up; k < cols; k++) {
            int j = order[k];
            int c = cost[ibase + j];
            if (c == FORBIDDEN) {
              continue;
            }
            long h = c - v[j] - u1;
            if (h < d[j]) {
              d[j] = h;
              pred[j] = i;
              if (h == min) {
                if (colSol[j] < 0) {
                  end = j;
                  break search;
                }
                order[k] = order[up];
                order[up++] = j;
              }
            }
          }
        }
        for (int k = 0; k < settled; k++) {
          int j = order[k];
          v[j] += d[j] - min;
        }
        int i;
        do {
          i = pred[end];
          colSol[end] = i;
          int next = rowSol[i];
          rowSol[i] = end;
          end = next;
        } while (i != row);
        if ((f + 1) % PROGRESS_EVERY == 0) {
          progress.rowsAssigned(rows - toAssign + f + 1, rows);
        }
      }
      progress.rowsAssigned(rows, rows);
    }

    private Assignment result() {
      long total = 0;
      long[] u = new long[rows];
      for (int i = 0; i < rows; i++) {
        int j = rowSol[i];
        int c = cost[i * cols + j];
        total += c;
        u[i] = c - v[j];
      }
      return new Assignment(rowSol, total, u, v);
    }
  }
}
