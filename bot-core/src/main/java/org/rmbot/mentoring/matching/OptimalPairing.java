package org.rmbot.mentoring.matching;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The exact optimisation behind {@link MatchingEngine}: given who may pair with whom, each
 * mentor's free capacity and the scores, finds a pairing that first matches as many mentees as
 * possible and then has the highest total score.
 *
 * <p>Each mentor becomes {@code min(capacity, eligible mentees)} identical <em>slots</em>. A
 * maximum matching ({@link MaximumMatching}) says how many pairs {@code k} are possible; the
 * assignment problem then gets exactly enough "nobody" columns for the side that cannot be fully
 * matched, so every feasible assignment has {@code k} real pairs and the solver only compares
 * scores. Costs are {@code best possible score - score}; "nobody" costs the same constant
 * everywhere, which changes no comparison because every assignment uses it equally often.
 *
 * <p>The smaller side becomes the rows. With more mentees than slots, mentees as rows would force
 * the solver through long chains of rows fighting over the same few columns (a 5000-mentee,
 * 3000-mentor program took 13 s that way and 0.5 s the other way round).
 */
final class OptimalPairing {
  private final AssignmentSolver solver;

  OptimalPairing(AssignmentSolver solver) {
    this.solver = solver;
  }

  /**
   * @param mentees mentee indices to place (the engine's, unpinned ones)
   * @param room free capacity per mentor index
   * @return per entry of {@code mentees}, the mentor index or -1
   */
  int[] mentorOf(int[] mentees, int[] room, Eligibility eligibility, PairScorer scorer) {
    int n = mentees.length;
    int mentors = room.length;
    long[][] eligible = new long[n][];
    IntStream.range(0, n)
        .parallel()
        .forEach(r -> eligible[r] = eligibility.eligibleMentors(mentees[r]));

    // A mentor needs no more slots than mentees it could take.
    int[] eligibleCount = new int[mentors];
    for (long[] bits : eligible) {
      for (int w = 0; w < bits.length; w++) {
        for (long word = bits[w]; word != 0; word &= word - 1) {
          eligibleCount[(w << 6) + Long.numberOfTrailingZeros(word)]++;
        }
      }
    }
    int[] copies = new int[mentors];
    int[] firstSlot = new int[mentors];
    int next = 0;
    for (int m = 0; m < mentors; m++) {
      copies[m] = Math.min(room[m], eligibleCount[m]);
      firstSlot[m] = next;
      next += copies[m];
    }
    int slots = next;
    int[] mentorOfSlot = new int[slots];
    for (int m = 0; m < mentors; m++) {
      Arrays.fill(mentorOfSlot, firstSlot[m], firstSlot[m] + copies[m], m);
    }
    int pairs = MaximumMatching.size(eligible, copies);
    Model model = new Model(mentees, eligible, copies, firstSlot, mentorOfSlot, scorer);
    return slots >= n ? model.menteesAsRows(pairs) : model.slotsAsRows(pairs);
  }

  /** The cost matrix, built one way round or the other, and the answer read back. */
  private final class Model {
    private final int[] mentees;
    private final long[][] eligible;
    private final int[] copies;
    private final int[] firstSlot;
    private final int[] mentorOfSlot;
    private final PairScorer scorer;
    private final int best;

    Model(
        int[] mentees,
        long[][] eligible,
        int[] copies,
        int[] firstSlot,
        int[] mentorOfSlot,
        PairScorer scorer) {
      this.mentees = mentees;
      this.eligible = eligible;
      this.copies = copies;
      this.firstSlot = firstSlot;
      this.mentorOfSlot = mentorOfSlot;
      this.scorer = scorer;
      this.best = scorer.upperBound();
    }

    /** Rows are mentees; columns are slots, then {@code mentees - pairs} "no mentor" columns. */
    int[] menteesAsRows(int pairs) {
      int rows = mentees.length;
      int slots = mentorOfSlot.length;
      int columns = slots + (rows - pairs);
      CostMatrix costs = CostMatrix.zeros(rows, columns);
      int[] cells = costs.cells();
      IntStream.range(0, rows)
          .parallel()
          .forEach(
              r -> {
                int base = r * columns;
                Arrays.fill(cells, base, base + slots, CostMatrix.FORBIDDEN);
                Arrays.fill(cells, base + slots, base + columns, best);
                long[] bits = eligible[r];
                for (int w = 0; w < bits.length; w++) {
                  for (long word = bits[w]; word != 0; word &= word - 1) {
                    int m = (w << 6) + Long.numberOfTrailingZeros(word);
                    if (copies[m] > 0) {
                      int cost = best - scorer.score(m, mentees[r]);
                      int from = base + firstSlot[m];
                      Arrays.fill(cells, from, from + copies[m], cost);
                    }
                  }
                }
              });
      Assignment a = solver.minimise(costs);
      int[] mentorOf = new int[rows];
      for (int r = 0; r < rows; r++) {
        int column = a.columnOf(r);
        mentorOf[r] = column < slots ? mentorOfSlot[column] : -1;
      }
      return mentorOf;
    }

    /** Rows are slots; columns are mentees, then {@code slots - pairs} "no mentee" columns. */
    int[] slotsAsRows(int pairs) {
      int slots = mentorOfSlot.length;
      int menteeCount = mentees.length;
      int columns = menteeCount + (slots - pairs);
      CostMatrix costs = CostMatrix.zeros(slots, columns);
      int[] cells = costs.cells();
      IntStream.range(0, copies.length)
          .parallel()
          .filter(m -> copies[m] > 0)
          .forEach(
              m -> {
                int base = firstSlot[m] * columns;
                int word = m >>> 6;
                long bit = 1L << m;
                for (int r = 0; r < menteeCount; r++) {
                  cells[base + r] =
                      (eligible[r][word] & bit) != 0
                          ? best - scorer.score(m, mentees[r])
                          : CostMatrix.FORBIDDEN;
                }
                Arrays.fill(cells, base + menteeCount, base + columns, best);
                for (int copy = 1; copy < copies[m]; copy++) { // the same row again
                  System.arraycopy(cells, base, cells, base + copy * columns, columns);
                }
              });
      Assignment a = solver.minimise(costs);
      int[] mentorOf = new int[menteeCount];
      Arrays.fill(mentorOf, -1);
      for (int s = 0; s < slots; s++) {
        int column = a.columnOf(s);
        if (column < menteeCount) {
          mentorOf[column] = mentorOfSlot[s];
        }
      }
      return mentorOf;
    }
  }
}
