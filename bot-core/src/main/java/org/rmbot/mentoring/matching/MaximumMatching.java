package org.rmbot.mentoring.matching;

import java.util.Arrays;

/**
 * The largest number of mentees that can be matched at all, each mentor taking up to its
 * capacity: Hopcroft-Karp with mentor slots, over eligibility bit sets.
 *
 * <p>The engine needs this number before the optimisation: with exactly {@code mentees - size}
 * "no mentor" columns, every feasible assignment matches the maximum number of mentees, so the
 * assignment solver only has to maximise the score among those. That keeps the lexicographic
 * objective exact without a big-M cost that could overflow with large weights.
 *
 * <p>Depth-first search is iterative: augmenting paths can be thousands of rows long.
 */
final class MaximumMatching {
  private static final int UNSEEN = Integer.MAX_VALUE;

  private final long[][] eligible; // per row, bit set over mentors
  private final int[] capacity;
  private final int rows;
  private final int mentors;
  private final int[] slotStart; // first slot of each mentor
  private final int[] used; // slots filled per mentor; always the first ones
  private final int[] slotRow; // row in each slot
  private final int[] rowSlot; // slot of each row, -1 if unmatched
  private final int[] dist;
  private final int[] stack; // depth-first search state, reused across searches
  private final int[] mentorCursor;
  private final int[] slotCursor;

  private MaximumMatching(long[][] eligible, int[] capacity) {
    this.eligible = eligible;
    this.capacity = capacity;
    this.rows = eligible.length;
    this.mentors = capacity.length;
    this.slotStart = new int[mentors + 1];
    for (int m = 0; m < mentors; m++) {
      slotStart[m + 1] = slotStart[m] + capacity[m];
    }
    this.used = new int[mentors];
    this.slotRow = new int[slotStart[mentors]];
    this.rowSlot = new int[rows];
    this.dist = new int[rows];
    this.stack = new int[rows];
    this.mentorCursor = new int[rows];
    this.slotCursor = new int[rows];
    Arrays.fill(rowSlot, -1);
  }

  /** How many rows can be matched; {@code eligible[r]} is a bit set over mentor indices. */
  static int size(long[][] eligible, int[] capacity) {
    return new MaximumMatching(eligible, capacity).run();
  }

  private int run() {
    int matched = greedy();
    while (layer()) {
      for (int r = 0; r < rows; r++) {
        if (rowSlot[r] < 0 && augment(r)) {
          matched++;
        }
      }
    }
    return matched;
  }

  private int greedy() {
    int matched = 0;
    for (int r = 0; r < rows; r++) {
      for (int m = nextMentor(r, 0); m >= 0; m = nextMentor(r, m + 1)) {
        if (used[m] < capacity[m]) {
          take(r, slotStart[m] + used[m]++);
          matched++;
          break;
        }
      }
    }
    return matched;
  }

  /** Breadth-first layers from all unmatched rows; true if some mentor with room is reachable. */
  private boolean layer() {
    int[] queue = new int[rows];
    int head = 0;
    int tail = 0;
    for (int r = 0; r < rows; r++) {
      if (rowSlot[r] < 0) {
        dist[r] = 0;
        queue[tail++] = r;
      } else {
        dist[r] = UNSEEN;
      }
    }
    boolean found = false;
    while (head < tail) {
      int r = queue[head++];
      for (int m = nextMentor(r, 0); m >= 0; m = nextMentor(r, m + 1)) {
        if (used[m] < capacity[m]) {
          found = true;
          continue;
        }
        for (int s = slotStart[m]; s < slotStart[m + 1]; s++) {
          int next = slotRow[s];
          if (dist[next] == UNSEEN) {
            dist[next] = dist[r] + 1;
            queue[tail++] = next;
          }
        }
      }
    }
    return found;
  }

  /** Depth-first along the layers from a free row; on success every row on the path moves up. */
  private boolean augment(int root) {
    int top = 0;
    stack[top++] = root;
    mentorCursor[0] = nextMentor(root, 0);
    slotCursor[0] = -1;
    while (top > 0) {
      int level = top - 1;
      int r = stack[level];
      int m = mentorCursor[level];
      if (m < 0) {
        dist[r] = UNSEEN; // dead end: no later search should come this way in this phase
        top--;
        continue;
      }
      if (slotCursor[level] < 0) {
        if (used[m] < capacity[m]) {
          int slot = slotStart[m] + used[m]++;
          for (int k = level; k >= 0; k--) {
            int row = stack[k];
            int old = rowSlot[row];
            take(row, slot);
            slot = old;
          }
          return true;
        }
        slotCursor[level] = slotStart[m];
      }
      int s = slotCursor[level];
      if (s >= slotStart[m + 1]) {
        mentorCursor[level] = nextMentor(r, m + 1);
        slotCursor[level] = -1;
        continue;
      }
      slotCursor[level] = s + 1;
      int next = slotRow[s];
      if (dist[next] != UNSEEN && dist[next] == dist[r] + 1) {
        stack[top] = next;
        mentorCursor[top] = nextMentor(next, 0);
        slotCursor[top] = -1;
        top++;
      }
    }
    return false;
  }

  private void take(int row, int slot) {
    rowSlot[row] = slot;
    slotRow[slot] = row;
  }

  private int nextMentor(int row, int from) {
    if (from >= mentors) {
      return -1;
    }
    long[] bits = eligible[row];
    int w = from >>> 6;
    long word = bits[w] & (-1L << from);
    while (true) {
      if (word != 0) {
        return (w << 6) + Long.numberOfTrailingZeros(word);
      }
      if (++w == bits.length) {
        return -1;
      }
      word = bits[w];
    }
  }
}
