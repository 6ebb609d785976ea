package org.rmbot.mentoring.wording;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalogue and the code agree: every key the code says is in the English bundle, every key
 * in the bundle is said somewhere, and every pattern is valid ICU. Keys are literals in
 * {@code phrase} calls across all modules' production sources (main, demo, bench).
 */
class EveryKeyIsUsedTest {
  private static final Pattern SAY = Pattern.compile("\\bphrase\\(\\s*\"([^\"]+)\"");
  private static final Set<String> SOURCE_SETS = Set.of("main", "demo", "bench");

  private final Catalogue english = Catalogue.english();

  @Test
  void everyKeyTheCodeSaysIsInTheEnglishBundle() {
    TreeMap<String, String> missing = new TreeMap<>();
    usedKeys().forEach((key, where) -> {
      if (!english.has(key)) {
        missing.put(key, where);
      }
    });
    assertThat(missing).as("keys said in code but missing from messages_en.properties").isEmpty();
  }

  @Test
  void everyKeyInTheBundleIsSaidSomewhere() {
    Set<String> unused = new TreeSet<>(english.keys());
    unused.removeAll(usedKeys().keySet());
    assertThat(unused).as("keys in messages_en.properties that no code says").isEmpty();
  }

  @Test
  void everyPatternIsValidIcu() {
    List<String> broken = new ArrayList<>();
    for (String key : english.keys()) {
      try {
        new MessageFormat(english.pattern(key), ULocale.ENGLISH);
      } catch (IllegalArgumentException e) {
        broken.add(key + ": " + e.getMessage());
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void theScanSeesTheCode() {
    // If the walk found no sources, the two tests above would pass on nothing.
    assertThat(sources()).anyMatch(p -> p.endsWith("Catalogue.java"));
  }

  private static TreeMap<String, String> usedKeys() {
    TreeMap<String, String> keys = new TreeMap<>();
    for (Path file : sources()) {
      try {
        Matcher m = SAY.matcher(Files.readString(file));
        while (m.find()) {
          keys.putIfAbsent(m.group(1), file.getFileName().toString());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return keys;
  }

  private static List<Path> sources() {
    Path root = repositoryRoot();
    try (Stream<Path> walk = Files.walk(root)) {
      return walk
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.toString().contains("/target/"))
          .filter(EveryKeyIsUsedTest::inProductionSourceSet)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean inProductionSourceSet(Path file) {
    for (int i = 0; i + 2 < file.getNameCount(); i++) {
      if (file.getName(i).toString().equals("src") && file.getName(i + 2).toString().equals("java")) {
        return SOURCE_SETS.contains(file.getName(i + 1).toString());
      }
    }
    return false;
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("bot-core"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
