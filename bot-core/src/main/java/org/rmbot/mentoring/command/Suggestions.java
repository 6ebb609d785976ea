package org.rmbot.mentoring.command;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean ...?": the closest known word to a typo, if it is close enough to be a typo. */
final class Suggestions {
  /** Longer input is not a typo of any command word; skipping it keeps the work bounded. */
  private static final int LONGEST_TYPO = 30;

  private Suggestions() {}

  static Optional<String> closest(String typed, Collection<String> known) {
    String word = Verbs.key(typed);
    if (word.isEmpty() || word.length() > LONGEST_TYPO) {
      return Optional.empty();
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(word, Verbs.key(candidate));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int tolerated = word.length() <= 4 ? 1 : 2;
    return bestDistance <= tolerated ? Optional.of(best) : Optional.empty();
  }

  /** " Did you mean 'x'?" or nothing. */
  static String didYouMean(String typed, Collection<String> known) {
    return closest(typed, known).map(s -> " Did you mean '" + s + "'?").orElse("");
  }

  /**
   * Edit distance counting a swap of two neighbouring letters as one edit (optimal string
   * alignment), since "stauts" is one slip of the fingers, not two.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
