package org.rmbot.mentoring.infra;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration from environment variables (the README's configuration table lists them all).
 * Read once at start-up; secrets are kept out of {@link #toString()}.
 */
public record Settings(Path dataDir, Optional<String> databaseUrl) {

  public static Settings from(Map<String, String> env) {
    String dataDir = nonBlank(env.get("MENTORING_DATA_DIR"))
        .orElse(Path.of(System.getProperty("user.home"), ".mentoring-bot").toString());
    return new Settings(Path.of(dataDir).toAbsolutePath(), nonBlank(env.get("DATABASE_URL")));
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  @Override
  public String toString() {
    return "Settings[dataDir=" + dataDir + ", databaseUrl=" + databaseUrl.map(u -> "(set)").orElse("(embedded)") + "]";
  }
}
