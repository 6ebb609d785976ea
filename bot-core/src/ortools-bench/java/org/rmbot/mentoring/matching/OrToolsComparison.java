package org.rmbot.mentoring.matching;

import com.google.ortools.Loader;
import com.google.ortools.graph.LinearSumAssignment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Our {@link AssignmentSolver} against Google OR-Tools' {@code LinearSumAssignment} (cost-scaling
 * push-relabel, native code) on the same instances: dense random n x n with costs uniform in
 * 1..1000 for n = 1000, 2000, 4000, and OR-Library assign800 (dense) and assignp800 (sparse).
 *
 * <p>Each solver is warmed up first, then each instance is solved {@code -Dreps} times (default 3)
 * and the median reported. OR-Tools' time is split into building the graph (one JNI call per arc)
 * and solving; our time has no build step because the solver reads the cost array directly. The
 * optima must be equal, or the run fails.
 *
 * <p>Only in the {@code ortools-bench} Maven profile, at test scope: OR-Tools never reaches the
 * shipped jar. Run with {@code ./mvnw -B -P ortools-bench -pl bot-core -DskipTests verify}.
 */
public final class OrToolsComparison {
  private static final int REPS = Integer.getInteger("reps", 3);

  private record Timing(long optimum, double medianMs) {}

  public static void main(String[] args) throws IOException {
    Loader.loadNativeLibraries();
    System.out.printf("java %s, %d cores, max heap %d MB, reps %d (median)%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, REPS);
    warmUp();

    List<String> rows = new ArrayList<>();
    boolean allEqual = true;
    for (int n : new int[] {1000, 2000, 4000}) {
      allEqual &= compare("dense random " + n + "x" + n + " (1..1000)", random(n, 1000, 42 + n), rows);
    }
    Path orLibrary = orLibrary();
    allEqual &= compare("OR-Library assign800", OrLibraryAssignmentFile.read(orLibrary.resolve("assign800.txt")), rows);
    allEqual &= compare("OR-Library assignp800 (sparse)", OrLibraryAssignmentFile.read(orLibrary.resolve("assignp800.txt.gz")), rows);

    System.out.println();
    System.out.println("| instance | optimum (both) | ours ms | OR-Tools build ms | OR-Tools solve ms | ours / OR-Tools solve | ours / OR-Tools build+solve |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    rows.forEach(System.out::println);
    if (!allEqual) {
      System.out.println("MISMATCH: the optima differ");
      System.exit(1);
    }
  }

  private static boolean compare(String name, CostMatrix m, List<String> rows) {
    Timing ours = ours(m);
    double[] build = new double[REPS];
    double[] solve = new double[REPS];
    long theirOptimum = 0;
    for (int r = 0; r < REPS; r++) {
      long t0 = System.nanoTime();
      LinearSumAssignment lsa = build(m);
      long t1 = System.nanoTime();
      LinearSumAssignment.Status status = lsa.solve();
      long t2 = System.nanoTime();
      if (status != LinearSumAssignment.Status.OPTIMAL) {
        throw new IllegalStateException(name + ": OR-Tools says " + status);
      }
      theirOptimum = lsa.getOptimalCost();
      lsa.delete();
      build[r] = (t1 - t0) / 1e6;
      solve[r] = (t2 - t1) / 1e6;
    }
    double b = median(build);
    double s = median(solve);
    boolean equal = theirOptimum == ours.optimum;
    System.out.printf("%s: ours %d in %.0f ms; OR-Tools %d in %.0f ms build + %.0f ms solve%s%n",
        name, ours.optimum, ours.medianMs, theirOptimum, b, s, equal ? "" : "  <-- MISMATCH");
    rows.add(String.format("| %s | %s | %.0f | %.0f | %.0f | %.2f | %.2f |", name,
        equal ? Long.toString(ours.optimum) : ours.optimum + " vs " + theirOptimum,
        ours.medianMs, b, s, ours.medianMs / s, ours.medianMs / (b + s)));
    return equal;
  }

  private static Timing ours(CostMatrix m) {
    AssignmentSolver solver = new AssignmentSolver();
    double[] ms = new double[REPS];
    long optimum = 0;
    for (int r = 0; r < REPS; r++) {
      long t0 = System.nanoTime();
      optimum = solver.minimise(m).totalCost();
      ms[r] = (System.nanoTime() - t0) / 1e6;
    }
    return new Timing(optimum, median(ms));
  }

  private static LinearSumAssignment build(CostMatrix m) {
    LinearSumAssignment lsa = new LinearSumAssignment();
    int[] cells = m.cells();
    int n = m.columns();
    for (int r = 0; r < m.rows(); r++) {
      for (int c = 0; c < n; c++) {
        int cost = cells[r * n + c];
        if (cost != CostMatrix.FORBIDDEN) {
          lsa.addArcWithCost(r, c, cost);
        }
      }
    }
    return lsa;
  }

  private static void warmUp() {
    CostMatrix small = random(800, 1000, 7);
    for (int k = 0; k < 5; k++) {
      new AssignmentSolver().minimise(small);
    }
    LinearSumAssignment lsa = build(small);
    lsa.solve();
    lsa.delete();
  }

  private static CostMatrix random(int n, int maxCost, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    CostMatrix m = CostMatrix.zeros(n, n);
    int[] cells = m.cells();
    for (int k = 0; k < cells.length; k++) {
      cells[k] = 1 + random.nextInt(maxCost);
    }
    return m;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static Path orLibrary() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("shared/reference/or-library");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared/reference/or-library not found above " + Path.of("").toAbsolutePath());
  }
}
