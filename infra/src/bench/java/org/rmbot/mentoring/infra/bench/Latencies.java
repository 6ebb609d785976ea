package org.rmbot.mentoring.infra.bench;

import java.util.Arrays;

/** Latencies in milliseconds, sorted once; percentiles by the nearest-rank method. */
final class Latencies {
  private final double[] sorted;

  Latencies(double[] millis) {
    this.sorted = millis.clone();
    Arrays.sort(sorted);
  }

  int count() {
    return sorted.length;
  }

  /** NaN when there is nothing to rank. */
  double percentile(double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  double sum() {
    return Arrays.stream(sorted).sum();
  }

  double max() {
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
  }
}
