package org.rmbot.mentoring.command;

import java.util.Locale;

/** How command words compare: case, hyphens and underscores don't matter ("My_Data" is my-data). */
final class Verbs {
  private Verbs() {}

  static String key(String word) {
    return word.toLowerCase(Locale.ROOT).replaceAll("[-_‐‑–—]", "");
  }

  static boolean same(String typed, String verb) {
    return key(typed).equals(key(verb));
  }
}
