package org.rmbot.mentoring.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * A PostgreSQL 17 server run by the bot itself from binaries shipped in the jar. Its data
 * directory persists, so the next start sees the same data; a second process on the same
 * directory is refused by PostgreSQL's own lock.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  /** Starts (creating it on first use) the server whose files live in {@code dataDirectory}. */
  public static EmbeddedDatabase start(Path dataDirectory) {
    try {
      Files.createDirectories(dataDirectory);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setServerConfig("timezone", "UTC")
              .setServerConfig("max_connections", "100")
              .start();
      return new EmbeddedDatabase(postgres, dataDirectory);
    } catch (IOException | RuntimeException e) {
      throw new DatabaseProblem(
          "could not start the embedded PostgreSQL in " + dataDirectory
              + " (is another bot process using it?): " + rootMessage(e), e);
    }
  }

  /** A temporary server whose files are deleted on close: for tests and the demo. */
  public static EmbeddedDatabase startThrowaway() {
    try {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder().setServerConfig("timezone", "UTC")
              .setServerConfig("max_connections", "200")
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .start();
      return new EmbeddedDatabase(postgres, null);
    } catch (IOException | RuntimeException e) {
      throw new DatabaseProblem("could not start a temporary embedded PostgreSQL: " + rootMessage(e), e);
    }
  }

  public DatabaseUrl url() {
    return new DatabaseUrl(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
  }

  /** The server's own data source, without a pool: for one-off administrative work. */
  public DataSource adminDataSource() {
    return postgres.getPostgresDatabase();
  }

  public int port() {
    return postgres.getPort();
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new DatabaseProblem("could not stop the embedded PostgreSQL cleanly: " + e.getMessage(), e);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().lines().findFirst().orElse("");
  }
}
