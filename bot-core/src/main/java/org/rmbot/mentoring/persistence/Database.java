package org.rmbot.mentoring.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The connection pool, the migrations and Jdbi for one PostgreSQL database. */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin())
        .installPlugin(ReadOnlyScope.plugin());
  }

  /** Connects (failing fast with one readable line if the server cannot be reached). */
  public static Database connect(DatabaseUrl url, int maxPoolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.jdbcUrl());
    if (url.user() != null) {
      config.setUsername(url.user());
    }
    if (url.password() != null) {
      config.setPassword(url.password());
    }
    config.setMaximumPoolSize(maxPoolSize);
    config.setPoolName("mentoring");
    config.setConnectionTimeout(10_000);
    // fail at once: a supervisor (systemd, Kubernetes) restarts us, and a person at a terminal wants the answer now
    config.setInitializationFailTimeout(1);
    config.addDataSourceProperty("ApplicationName", "mentoring-bot");
    try {
      return new Database(new HikariDataSource(config));
    } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
      throw new DatabaseProblem(
          "cannot connect to PostgreSQL at " + DatabaseUrl.redact(url.jdbcUrl()) + ": "
              + EmbeddedDatabase.rootMessage(e), e);
    }
  }

  /** Applies pending migrations and returns the schema version now in force. */
  public String migrate() {
    try {
      MigrateResult result = flyway().migrate();
      return result.targetSchemaVersion != null ? result.targetSchemaVersion : schemaVersion();
    } catch (RuntimeException e) {
      throw new DatabaseProblem("database migration failed: " + EmbeddedDatabase.rootMessage(e), e);
    }
  }

  public String schemaVersion() {
    var current = flyway().info().current();
    return current == null ? "none" : current.getVersion().getVersion();
  }

  public int pendingMigrations() {
    return flyway().info().pending().length;
  }

  private Flyway flyway() {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .loggers("slf4j")
        .load();
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
