package org.rmbot.mentoring.matching;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks an answer without trusting the solver: a valid assignment whose total matches the
 * chosen cells, plus LP duality (reduced costs non-negative on allowed cells, zero on chosen
 * ones, unused columns priced highest). Together these prove optimality.
 */
final class AssignmentCertificate {
  private AssignmentCertificate() {}

  static void assertOptimal(CostMatrix m, Assignment a) {
    int[] colOf = a.columnOfRow();
    assertThat(colOf).hasSize(m.rows());
    boolean[] used = new boolean[m.columns()];
    long total = 0;
    for (int r = 0; r < m.rows(); r++) {
      int c = colOf[r];
      assertThat(c).as("column of row %d", r).isBetween(0, m.columns() - 1);
      assertThat(used[c]).as("column %d used twice", c).isFalse();
      assertThat(m.isForbidden(r, c)).as("row %d got forbidden column %d", r, c).isFalse();
      used[c] = true;
      total += m.cost(r, c);
    }
    assertThat(a.totalCost()).isEqualTo(total);

    long[] u = a.rowPotentials();
    long[] v = a.columnPotentials();
    long highestUsedPrice = Long.MIN_VALUE;
    for (int r = 0; r < m.rows(); r++) {
      for (int c = 0; c < m.columns(); c++) {
        if (m.isForbidden(r, c)) {
          continue;
        }
        long reduced = m.cost(r, c) - u[r] - v[c];
        assertThat(reduced).as("reduced cost at (%d,%d)", r, c).isGreaterThanOrEqualTo(0);
        if (colOf[r] == c) {
          assertThat(reduced).as("chosen cell (%d,%d) is tight", r, c).isZero();
        }
      }
      highestUsedPrice = Math.max(highestUsedPrice, v[colOf[r]]);
    }
    for (int c = 0; c < m.columns(); c++) {
      if (!used[c]) {
        assertThat(v[c]).as("unused column %d priced at least as high as used ones", c)
            .isGreaterThanOrEqualTo(highestUsedPrice);
      }
    }
  }
}
