package org.rmbot.mentoring.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
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
      if (!Files.exists(file)) {
        Files.createDirectories(settings.dataDir());
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        Files.writeString(file, Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII);
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system; the data directory's own permissions must do
        }
      }
      return SecretKey.of(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read or create the secret key file " + file + ": " + e.getMessage());
    }
  }
}
