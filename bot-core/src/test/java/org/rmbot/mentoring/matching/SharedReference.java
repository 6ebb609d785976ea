package org.rmbot.mentoring.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the project's {@code shared/reference} folder by walking up from the working directory
 * (the module directory under Maven, the repository root in an IDE). A missing folder fails the
 * test with a message saying where it looked: nothing is skipped silently.
 */
final class SharedReference {
  private SharedReference() {}

  static Path orLibrary() {
    return org.rmbot.mentoring.testing.SharedReference.path("or-library");
  }

  /** The "optimal_values" object of optimal_values.json, by instance name. */
  static Map<String, Long> publishedOptima() {
    Path file = orLibrary().resolve("optimal_values.json");
    try {
      String json = Files.readString(file);
      int start = json.indexOf("\"optimal_values\"");
      int end = json.indexOf('}', start);
      if (start < 0 || end < 0) {
        throw new IllegalStateException(file + " has no optimal_values object");
      }
      Matcher entry = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\\d+)").matcher(json.substring(start, end));
      Map<String, Long> optima = new TreeMap<>();
      while (entry.find()) {
        optima.put(entry.group(1), Long.parseLong(entry.group(2)));
      }
      return optima;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
