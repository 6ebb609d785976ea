package org.rmbot.mentoring.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The third-party reference material in {@code shared/reference}, found by walking up from the
 * working directory (a module directory under Maven, the repository root in an IDE). A missing
 * folder fails with a message saying where it looked: nothing is skipped silently.
 */
public final class SharedReference {
  private SharedReference() {}

  public static Path path(String... parts) {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("reference");
      for (String part : parts) {
        candidate = candidate.resolve(part);
      }
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared/reference/" + String.join("/", parts) + " not found in " + start
        + " or any parent folder; these tests need the shared reference data beside the repository");
  }

  public static String read(String... parts) {
    try {
      return Files.readString(path(parts));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
