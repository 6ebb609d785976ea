package org.rmbot.mentoring.matching;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Who reports to whom, by person id: the caller's whole known org chart, one manager each. */
public final class ReportingLines {
  public static final ReportingLines NONE = new ReportingLines(Map.of());

  private final Map<Long, Long> managerOf;

  private ReportingLines(Map<Long, Long> managerOf) {
    this.managerOf = managerOf;
  }

  /** {@code managerOf} maps a person id to their manager's person id. */
  public static ReportingLines of(Map<Long, Long> managerOf) {
    return new ReportingLines(Map.copyOf(new HashMap<>(managerOf)));
  }

  /**
   * The person's managers, nearest first, at most {@code depth} levels up. Stops early at the top
   * of the chart or on a loop in the data (a loop would otherwise repeat people forever).
   */
  public long[] managersOf(long personId, int depth) {
    long[] chain = new long[Math.max(0, depth)];
    int n = 0;
    Long current = managerOf.get(personId);
    while (current != null && n < chain.length && current != personId && !contains(chain, n, current)) {
      chain[n++] = current;
      current = managerOf.get(current);
    }
    return Arrays.copyOf(chain, n);
  }

  private static boolean contains(long[] chain, int n, long id) {
    for (int k = 0; k < n; k++) {
      if (chain[k] == id) {
        return true;
      }
    }
    return false;
  }
}
