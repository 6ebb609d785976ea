package org.rmbot.mentoring.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.rmbot.mentoring.persistence.OwnerOnlyFile;
import org.rmbot.mentoring.privacy.SecretKey;

/**
 * Where the server secret comes from: {@code MENTORING_SECRET_KEY}, or, for a single instance on
 * the embedded database, a key generated once into the data directory (owner-readable only).
 * With an external database every instance must share one key, so the variable is required.
 */
final class SecretKeys {
  static final String FILE = "secret.key";

  private SecretKeys() {}

  static SecretKey resolve(Map<String, String> env, Settings settings) {
    String fromEnv = env.get("MENTORING_SECRET_KEY");
    if (fromEnv != null && !fromEnv.isBlank()) {
      try {
        return SecretKey.of(fromEnv);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage());
      }
    }
    if (settings.databaseUrl().isPresent()) {
      throw new IllegalArgumentException("MENTORING_SECRET_KEY is required with DATABASE_URL, and every instance"
          + " must use the same one (try: openssl rand -base64 48)");
    }
    Path file = settings.dataDir().resolve(FILE);
    try {
      Optional<String> saved = OwnerOnlyFile.read(file);
      if (saved.isPresent()) {
        return SecretKey.of(saved.get());
      }
      String generated = OwnerOnlyFile.randomText(48);
      OwnerOnlyFile.write(file, generated);
      return SecretKey.of(generated);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read or create the secret key file " + file + ": " + e.getMessage());
    }
  }
}
