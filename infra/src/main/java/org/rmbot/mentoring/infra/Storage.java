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
    Storage storage = connect(settings, poolSize);
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
    if (settings.databaseUrl().isPresent()) {
      DatabaseUrl url = DatabaseUrl.parse(settings.databaseUrl().get());
      return new Storage(Optional.empty(), Database.connect(url, poolSize),
          "PostgreSQL at " + DatabaseUrl.redact(url.jdbcUrl()));
    }
    var dir = settings.dataDir().resolve("postgres");
    EmbeddedDatabase server = EmbeddedDatabase.start(dir);
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
