package org.rmbot.mentoring.infra;

import java.util.Optional;
import org.rmbot.mentoring.persistence.Database;
import org.rmbot.mentoring.persistence.DatabaseUrl;
import org.rmbot.mentoring.persistence.EmbeddedDatabase;

/** The bot's PostgreSQL: the external one named by DATABASE_URL, or the embedded one. */
public final class Storage implements AutoCloseable {
  private final Optional<EmbeddedDatabase> embedded;
  private final Database database;
  private final String description;

  private Storage(Optional<EmbeddedDatabase> embedded, Database database, String description) {
    this.embedded = embedded;
    this.database = database;
    this.description = description;
  }

  /** Opens the database and brings its schema up to date. */
  public static Storage open(Settings settings, int poolSize) {
    return migrated(connect(settings, poolSize, true));
  }

  /**
   * As {@link #open}, for a caller that stops everything in order and closes this last (serve,
   * on SIGTERM): the embedded database is then stopped by {@link #close()} only, never by a JVM
   * exit hook racing the work still running.
   */
  public static Storage openOwned(Settings settings, int poolSize) {
    return migrated(connect(settings, poolSize, false));
  }

  private static Storage migrated(Storage storage) {
    try {
      storage.database.migrate();
      return storage;
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
  }

  /** Opens the database without migrating it. */
  public static Storage connect(Settings settings, int poolSize) {
    return connect(settings, poolSize, true);
  }

  private static Storage connect(Settings settings, int poolSize, boolean stopAtExit) {
    if (settings.databaseUrl().isPresent()) {
      DatabaseUrl url = DatabaseUrl.parse(settings.databaseUrl().get());
      return new Storage(Optional.empty(), Database.connect(url, poolSize),
          "PostgreSQL at " + DatabaseUrl.redact(url.jdbcUrl()));
    }
    var dir = settings.dataDir().resolve("postgres");
    EmbeddedDatabase server = EmbeddedDatabase.start(dir, stopAtExit);
    try {
      return new Storage(Optional.of(server), Database.connect(server.url(), poolSize), "embedded PostgreSQL in " + dir);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  public Database database() {
    return database;
  }

  public String description() {
    return description;
  }

  @Override
  public void close() {
    database.close();
    embedded.ifPresent(EmbeddedDatabase::close);
  }
}
