package org.rmbot.mentoring.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.rmbot.mentoring.persistence.Database;
import org.rmbot.mentoring.persistence.DatabaseUrl;

/**
 * A PostgreSQL started the way the persistent server must run (fsync, full_page_writes and
 * synchronous_commit on, so the WAL has its full-page images after each checkpoint) on a
 * temporary directory, not the fast throw-away one: tests that read the WAL as an adversary
 * would need it, or they miss what a real server writes. WAL is kept (wal_keep_size) so the
 * adversary can read all of it after a CHECKPOINT. The tests connect as the superuser.
 */
public final class PersistentStyleServer implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final Path directory;

  private PersistentStyleServer(EmbeddedPostgres postgres, Path directory) {
    this.postgres = postgres;
    this.directory = directory;
  }

  public static PersistentStyleServer start() {
    try {
      Path dir = Files.createTempDirectory("mentoring-wal-test");
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setDataDirectory(dir.resolve("postgres"))
          .setCleanDataDirectory(true)
          .setServerConfig("timezone", "UTC")
          .setServerConfig("fsync", "on")
          .setServerConfig("full_page_writes", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("wal_keep_size", "4GB")
          .setServerConfig("max_wal_size", "4GB")
          .start();
      return new PersistentStyleServer(pg, dir);
    } catch (IOException e) {
      throw new IllegalStateException("could not start a persistent-style PostgreSQL", e);
    }
  }

  /** A new database, migrated, with pg_walinspect and pageinspect installed. */
  public Database freshDatabase(String name) {
    execute("postgres", "create database " + name);
    execute(name, "create extension pg_walinspect");
    execute(name, "create extension pageinspect");
    Database db = Database.connect(new DatabaseUrl(postgres.getJdbcUrl("postgres", name), "postgres", null), 6);
    db.migrate();
    return db;
  }

  public void execute(String database, String sql) {
    try (Connection c = postgres.getDatabase("postgres", database).getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
      try (var files = Files.walk(directory)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
