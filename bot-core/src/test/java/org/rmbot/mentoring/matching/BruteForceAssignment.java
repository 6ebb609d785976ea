package org.rmbot.mentoring.matching;

import java.util.OptionalLong;

/** Tries every injective row-to-column map; the oracle the solver is checked against. */
final class BruteForceAssignment {
  private final CostMatrix m;
  private final boolean[] used;
  private long best;
  private final boolean maximise;

  private BruteForceAssignment(CostMatrix m, boolean maximise) {
    this.m = m;
    this.used = new boolean[m.columns()];
    this.maximise = maximise;
    this.best = maximise ? Long.MIN_VALUE : Long.MAX_VALUE;
  }

  /** Empty when no assignment avoids forbidden cells. */
  static OptionalLong minimum(CostMatrix m) {
    return new BruteForceAssignment(m, false).run();
  }

  static OptionalLong maximum(CostMatrix m) {
    return new BruteForceAssignment(m, true).run();
  }

  private OptionalLong run() {
    search(0, 0);
    long none = maximise ? Long.MIN_VALUE : Long.MAX_VALUE;
    return best == none ? OptionalLong.empty() : OptionalLong.of(best);
  }

  private void search(int row, long sum) {
    if (row == m.rows()) {
      best = maximise ? Math.max(best, sum) : Math.min(best, sum);
      return;
    }
    for (int c = 0; c < m.columns(); c++) {
      if (!used[c] && !m.isForbidden(row, c)) {
        used[c] = true;
        search(row + 1, sum + m.cost(row, c));
        used[c] = false;
      }
    }
  }
}
