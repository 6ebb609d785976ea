package org.rmbot.mentoring.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The solver reaches Beasley's published optimum on the OR-Library instances. */
class OrLibraryOptimaTest {
  private static final Map<String, Long> OPTIMA = SharedReference.publishedOptima();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "assign100.txt", "assign200.txt", "assign300.txt", "assign400.txt",
        "assign500.txt", "assign800.txt", "assignp800.txt.gz"
      })
  void reachesThePublishedOptimum(String fileName) throws IOException {
    Path file = SharedReference.orLibrary().resolve(fileName);
    assertThat(file).as("OR-Library file").exists();
    String instance = fileName.substring(0, fileName.indexOf('.'));
    assertThat(OPTIMA).as("published optimum for " + instance).containsKey(instance);

    CostMatrix costs = OrLibraryAssignmentFile.read(file);
    Assignment best = new AssignmentSolver().minimise(costs);

    assertThat(best.totalCost()).isEqualTo(OPTIMA.get(instance));
    AssignmentCertificate.assertOptimal(costs, best);
  }

  @Test
  void readsTheGzippedSparseFileWithItsPublishedDensity() throws IOException {
    CostMatrix costs =
        OrLibraryAssignmentFile.read(SharedReference.orLibrary().resolve("assignp800.txt.gz"));

    long allowed = 0;
    for (int c : costs.cells()) {
      if (c != CostMatrix.FORBIDDEN) {
        allowed++;
      }
    }
    assertThat(costs.rows()).isEqualTo(800);
    assertThat(allowed).isEqualTo(100_057); // as counted in the folder's README
  }
}
