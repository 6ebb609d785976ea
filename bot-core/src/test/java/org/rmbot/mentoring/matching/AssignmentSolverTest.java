package org.rmbot.mentoring.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AssignmentSolverTest {
  private static final int X = CostMatrix.FORBIDDEN;
  private final AssignmentSolver solver = new AssignmentSolver();

  private static CostMatrix matrix(int[][] rows) {
    CostMatrix m = CostMatrix.zeros(rows.length, rows[0].length);
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < rows[r].length; c++) {
        m.set(r, c, rows[r][c]);
      }
    }
    return m;
  }

  @Test
  void findsTheCheapestSquareAssignment() {
    CostMatrix m = matrix(new int[][] {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}});

    Assignment a = solver.minimise(m);

    assertThat(a.columnOfRow()).containsExactly(1, 0, 2);
    assertThat(a.totalCost()).isEqualTo(5);
    AssignmentCertificate.assertOptimal(m, a);
  }

  @Test
  void leavesTheWorstColumnUnusedWhenThereAreMoreColumnsThanRows() {
    CostMatrix m = matrix(new int[][] {{9, 2, 7, 1}, {6, 4, 3, 8}});

    Assignment a = solver.minimise(m);

    assertThat(a.columnOfRow()).containsExactly(3, 2);
    assertThat(a.totalCost()).isEqualTo(4);
    AssignmentCertificate.assertOptimal(m, a);
  }

  @Test
  void routesAroundForbiddenCellsEvenWhenTheyAreTheCheapWay() {
    CostMatrix m = matrix(new int[][] {{X, 1, 100}, {1, X, 100}, {1, 1, X}});

    Assignment a = solver.minimise(m);

    assertThat(a.totalCost()).isEqualTo(102);
    AssignmentCertificate.assertOptimal(m, a);
  }

  @Test
  void handlesNegativeCosts() {
    CostMatrix m = matrix(new int[][] {{-5, 3}, {-4, -9}});

    assertThat(solver.minimise(m).totalCost()).isEqualTo(-14);
  }

  @Test
  void maximisesWhenAsked() {
    CostMatrix m = matrix(new int[][] {{4, 1, 3}, {2, 0, 5}, {3, 2, X}});

    Assignment a = solver.maximise(m);

    assertThat(a.totalCost()).isEqualTo(4 + 5 + 2);
    assertThat(a.columnOfRow()).containsExactly(0, 2, 1);
  }

  @Test
  void namesTheRowWhoseCellsAreAllForbidden() {
    CostMatrix m = matrix(new int[][] {{1, 2}, {X, X}});

    assertThatThrownBy(() -> solver.minimise(m))
        .isInstanceOf(InfeasibleAssignmentException.class)
        .hasMessageContaining("row 1 has every cell forbidden");
  }

  @Test
  void reportsInfeasibleWhenTwoRowsCompeteForTheirOnlyColumn() {
    CostMatrix m = matrix(new int[][] {{1, X, X}, {2, X, X}, {3, 4, 5}});

    assertThatThrownBy(() -> solver.minimise(m))
        .isInstanceOf(InfeasibleAssignmentException.class);
  }

  @Test
  void refusesMoreRowsThanColumns() {
    assertThatThrownBy(() -> solver.minimise(CostMatrix.zeros(3, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more rows than columns");
  }

  @Test
  void solvesTheEmptyProblem() {
    assertThat(solver.minimise(CostMatrix.zeros(0, 3)).totalCost()).isZero();
  }

  @Test
  void provesOptimalityOnMediumRandomInstancesOfEveryShape() {
    SplittableRandom random = new SplittableRandom(20240601);
    int[][] shapes = {{60, 60}, {50, 80}, {80, 81}, {1, 40}, {40, 40}};
    for (int[] shape : shapes) {
      for (int density : new int[] {100, 50, 15}) {
        for (int range : new int[] {3, 1000}) {
          CostMatrix m = randomFeasible(random, shape[0], shape[1], density, range);
          AssignmentCertificate.assertOptimal(m, solver.minimise(m));
        }
      }
    }
  }

  @Test
  void givesTheSameAnswerEveryTime() {
    CostMatrix m = randomFeasible(new SplittableRandom(7), 120, 150, 60, 5);

    List<Assignment> answers = new ArrayList<>();
    for (int run = 0; run < 3; run++) {
      answers.add(solver.minimise(m));
    }

    assertThat(answers).allSatisfy(a -> assertThat(a).isEqualTo(answers.get(0)));
  }

  @Test
  void reportsProgressUpToTheLastRow() {
    List<int[]> calls = new ArrayList<>();
    AssignmentSolver watched = new AssignmentSolver((done, total) -> calls.add(new int[] {done, total}));

    watched.minimise(randomFeasible(new SplittableRandom(3), 300, 300, 100, 1000));

    assertThat(calls).isNotEmpty();
    assertThat(calls.get(calls.size() - 1)).containsExactly(300, 300);
  }

  /** Random costs with a hidden diagonal kept allowed, so a feasible assignment exists. */
  static CostMatrix randomFeasible(
      SplittableRandom random, int rows, int cols, int densityPercent, int range) {
    CostMatrix m = CostMatrix.zeros(rows, cols);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        boolean allowed = c == r || random.nextInt(100) < densityPercent;
        m.set(r, c, allowed ? 1 + random.nextInt(range) : X);
      }
    }
    return m;
  }
}
