package org.rmbot.mentoring.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeysTest {

  @Test
  void aGeneratedKeyIsReadableByItsOwnerOnlyAndTheSameAtTheNextStart(@TempDir Path dir) throws Exception {
    Settings settings = new Settings(dir, Optional.empty());
    byte[] first = SecretKeys.resolve(Map.of(), settings).derive("test");
    Path file = dir.resolve(SecretKeys.FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Files.readString(file).strip()).hasSizeGreaterThanOrEqualTo(64);
    assertThat(SecretKeys.resolve(Map.of(), settings).derive("test")).isEqualTo(first);
  }

  @Test
  void aKeyFileWrittenByAnEarlierVersionStillOpens(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(SecretKeys.FILE), "an-earlier-version-wrote-this-key-in-base64+/==");
    Settings settings = new Settings(dir, Optional.empty());
    assertThat(SecretKeys.resolve(Map.of(), settings).derive("test"))
        .isEqualTo(SecretKeys.resolve(Map.of("MENTORING_SECRET_KEY", "an-earlier-version-wrote-this-key-in-base64+/=="),
            settings).derive("test"));
  }

  @Test
  void anExternalDatabaseNeedsTheKeyFromTheEnvironment(@TempDir Path dir) {
    assertThatThrownBy(() -> SecretKeys.resolve(Map.of(), new Settings(dir, Optional.of("postgresql://h/db"))))
        .hasMessageStartingWith("MENTORING_SECRET_KEY is required with DATABASE_URL");
  }
}
