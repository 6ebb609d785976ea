package org.rmbot.mentoring.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AssignmentSolverPropertyTest {
  private final AssignmentSolver solver = new AssignmentSolver();

  @Property(tries = 400)
  void minimumEqualsBruteForce(@ForAll("smallMatrices") CostMatrix m) {
    OptionalLong expected = BruteForceAssignment.minimum(m);
    if (expected.isEmpty()) {
      assertThatThrownBy(() -> solver.minimise(m)).isInstanceOf(InfeasibleAssignmentException.class);
    } else {
      Assignment a = solver.minimise(m);
      assertThat(a.totalCost()).isEqualTo(expected.getAsLong());
      AssignmentCertificate.assertOptimal(m, a);
    }
  }

  @Property(tries = 200)
  void maximumEqualsBruteForce(@ForAll("smallMatrices") CostMatrix m) {
    OptionalLong expected = BruteForceAssignment.maximum(m);
    if (expected.isPresent()) {
      assertThat(solver.maximise(m).totalCost()).isEqualTo(expected.getAsLong());
    }
  }

  /** Up to 7 x 7, rows <= columns, small cost ranges (many ties) and ~25 % forbidden cells. */
  @Provide
  Arbitrary<CostMatrix> smallMatrices() {
    Arbitrary<Integer> rows = Arbitraries.integers().between(1, 7);
    Arbitrary<Integer> extraCols = Arbitraries.integers().between(0, 3);
    Arbitrary<Integer> range = Arbitraries.of(2, 5, 50);
    return Combinators.combine(rows, extraCols, range)
        .flatAs(
            (r, extra, max) -> {
              int cols = Math.min(7, r + extra);
              Arbitrary<Integer> cell =
                  Arbitraries.frequencyOf(
                      net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(-max, max)),
                      net.jqwik.api.Tuple.of(1, Arbitraries.just(CostMatrix.FORBIDDEN)));
              return cell.array(int[].class)
                  .ofSize(r * cols)
                  .map(cells -> new CostMatrix(r, cols, cells));
            });
  }
}
