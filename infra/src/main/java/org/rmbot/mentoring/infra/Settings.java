package org.rmbot.mentoring.infra;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rmbot.mentoring.persistence.DatabaseProblem;
import org.rmbot.mentoring.persistence.DatabaseUrl;

/**
 * Configuration every command reads from environment variables (the README's configuration
 * table lists them all; {@code serve}'s own are in {@link ServerSettings} and the platforms'
 * settings). Read and checked once at start: a wrong value is an {@link IllegalArgumentException}
 * naming the variable, before anything is started. Secrets are kept out of {@link #toString()}.
 */
public record Settings(Path dataDir, Optional<String> databaseUrl) {
  private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

  public static Settings from(Map<String, String> env) {
    String dataDirText = nonBlank(env.get("MENTORING_DATA_DIR"))
        .orElse(Path.of(System.getProperty("user.home"), ".mentoring-bot").toString());
    Path dataDir;
    try {
      dataDir = Path.of(dataDirText).toAbsolutePath();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("MENTORING_DATA_DIR is not a path: '" + dataDirText + "'");
    }
    if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
      throw new IllegalArgumentException("MENTORING_DATA_DIR must be a directory, and " + dataDir + " is a file");
    }
    Optional<String> databaseUrl = nonBlank(env.get("DATABASE_URL"));
    if (databaseUrl.isPresent()) {
      try {
        DatabaseUrl.parse(databaseUrl.get());
      } catch (DatabaseProblem e) {
        throw new IllegalArgumentException(e.getMessage());
      }
    }
    nonBlank(env.get("MENTORING_LOG_LEVEL")).ifPresent(level -> {
      if (!LOG_LEVELS.contains(level.toUpperCase(Locale.ROOT))) {
        throw new IllegalArgumentException("MENTORING_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR or OFF,"
            + " not '" + level + "'");
      }
    });
    oneOf(env, "LOG_FORMAT", Set.of("plain", "json"));
    oneOf(env, "MENTORING_DEBUG", Set.of("0", "1"));
    return new Settings(dataDir, databaseUrl);
  }

  private static void oneOf(Map<String, String> env, String name, Set<String> allowed) {
    nonBlank(env.get(name)).ifPresent(value -> {
      if (!allowed.contains(value.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(name + " must be " + String.join(" or ", allowed.stream().sorted().toList())
            + " (or unset), not '" + value + "'");
      }
    });
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  @Override
  public String toString() {
    return "Settings[dataDir=" + dataDir + ", databaseUrl=" + databaseUrl.map(u -> "(set)").orElse("(embedded)") + "]";
  }
}
