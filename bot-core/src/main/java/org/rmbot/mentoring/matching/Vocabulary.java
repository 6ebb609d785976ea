package org.rmbot.mentoring.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Free-text terms (topics, languages) numbered so that a person's set becomes a bit set and an
 * overlap becomes an AND and a bit count. Terms match ignoring case and extra spaces; the first
 * spelling seen is the one shown. Numbers follow alphabetical order, so names come out sorted.
 */
final class Vocabulary {
  private final TreeMap<String, Integer> index = new TreeMap<>();
  private final List<String> display = new ArrayList<>();

  /** {@code sets} in a deterministic order (candidates by participant id). */
  Vocabulary(List<Set<String>> sets) {
    TreeMap<String, String> firstSpelling = new TreeMap<>();
    for (Set<String> set : sets) {
      for (String term : new TreeSet<>(set)) {
        String key = key(term);
        if (!key.isEmpty()) {
          firstSpelling.putIfAbsent(key, term.trim());
        }
      }
    }
    firstSpelling.forEach(
        (key, shown) -> {
          index.put(key, display.size());
          display.add(shown);
        });
  }

  static String key(String term) {
    if (term == null) {
      return "";
    }
    StringBuilder key = new StringBuilder(term.length());
    boolean space = false;
    for (int k = 0; k < term.length(); k++) {
      char ch = term.charAt(k);
      if (Character.isWhitespace(ch)) {
        space = key.length() > 0;
      } else {
        if (space) {
          key.append(' ');
          space = false;
        }
        key.append(ch);
      }
    }
    return key.toString().toLowerCase(Locale.ROOT);
  }

  int words() {
    return Math.max(1, (display.size() + 63) >>> 6);
  }

  long[] bits(Set<String> terms) {
    long[] bits = new long[words()];
    for (String term : terms) {
      Integer i = index.get(key(term));
      if (i != null) {
        bits[i >>> 6] |= 1L << i;
      }
    }
    return bits;
  }

  static int overlap(long[] a, long[] b) {
    int n = 0;
    for (int w = 0; w < a.length; w++) {
      n += Long.bitCount(a[w] & b[w]);
    }
    return n;
  }

  static int count(long[] a) {
    int n = 0;
    for (long w : a) {
      n += Long.bitCount(w);
    }
    return n;
  }

  /** Names of the terms in both sets, alphabetically. */
  List<String> shared(long[] a, long[] b) {
    List<String> names = new ArrayList<>();
    for (int w = 0; w < a.length; w++) {
      long both = a[w] & b[w];
      while (both != 0) {
        names.add(display.get((w << 6) + Long.numberOfTrailingZeros(both)));
        both &= both - 1;
      }
    }
    return names;
  }
}
