package org.rmbot.mentoring.infra.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rmbot.mentoring.matching.Assignment;
import org.rmbot.mentoring.matching.AssignmentSolver;
import org.rmbot.mentoring.matching.CostMatrix;
import org.rmbot.mentoring.matching.OrLibraryAssignmentFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Solves one OR-Library assignment instance with the matching engine's solver. The last line on
 * stdout is {@code optimum=<total cost> ms=<solve time>}; reading the file is not timed.
 */
@Command(
    name = "assignment",
    mixinStandardHelpOptions = true,
    description =
        "Solve an OR-Library assignment file (.txt or .txt.gz); last line: optimum=<cost> ms=<solve"
            + " time>.")
public final class BenchAssignmentCommand implements Runnable {
  private static final long QUIET_MS = 2_000; // progress only for solves slower than this

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "OR-Library file, .txt or .txt.gz")
  Path file;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    long readStart = System.nanoTime();
    CostMatrix costs;
    try {
      costs = OrLibraryAssignmentFile.read(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    out.printf("read %s: %d x %d in %d ms%n", file.getFileName(), costs.rows(), costs.columns(),
        millisSince(readStart));
    out.flush();

    long start = System.nanoTime();
    long[] lastReport = {start};
    AssignmentSolver solver =
        new AssignmentSolver(
            (assigned, total) -> {
              long now = System.nanoTime();
              if (now - start > QUIET_MS * 1_000_000 && now - lastReport[0] > 1_000_000_000L) {
                err.printf("... %d of %d rows assigned after %d ms%n", assigned, total, (now - start) / 1_000_000);
                err.flush();
                lastReport[0] = now;
              }
            });
    Assignment best = solver.minimise(costs);
    long ms = millisSince(start);
    out.printf("optimum=%d ms=%d%n", best.totalCost(), ms);
    out.flush();
  }

  private static long millisSince(long nanoStart) {
    return (System.nanoTime() - nanoStart) / 1_000_000;
  }
}
