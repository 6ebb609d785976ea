package org.rmbot.mentoring.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rmbot.mentoring.persistence.Database;
import org.rmbot.mentoring.persistence.DatabaseUrl;
import org.rmbot.mentoring.persistence.EmbeddedDatabase;

/**
 * A real PostgreSQL for tests: one embedded server per test JVM, a migrated template database,
 * and a fresh copy of that template for every test (CREATE DATABASE ... TEMPLATE is fast), so
 * tests never see each other's rows.
 *
 * <pre>{@code @RegisterExtension final TestDatabase db = new TestDatabase();}</pre>
 */
public final class TestDatabase implements BeforeEachCallback, AfterEachCallback {
  private static final String TEMPLATE = "mentoring_template";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedDatabase server;

  private final int poolSize;
  private Database database;
  private String name;

  public TestDatabase() {
    this(6);
  }

  public TestDatabase(int poolSize) {
    this.poolSize = poolSize;
  }

  /** The shared server, started (and the template migrated) on first use. */
  public static synchronized EmbeddedDatabase server() {
    if (server == null) {
      server = EmbeddedDatabase.startThrowaway();
      execute("create database " + TEMPLATE);
      try (Database template = Database.connect(urlOf(TEMPLATE), 2)) {
        template.migrate();
      }
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    return server;
  }

  /** A new, migrated, empty database; the caller closes it. */
  public static Database fresh(int poolSize) {
    return Database.connect(urlOf(createDatabase()), poolSize);
  }

  /** Creates a new migrated database and returns its name. */
  public static String createDatabase() {
    server();
    String db = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    execute("create database " + db + " template " + TEMPLATE);
    return db;
  }

  public static DatabaseUrl urlOf(String databaseName) {
    String base = server().url().jdbcUrl();
    return new DatabaseUrl(base.replaceFirst("/postgres(\\?|$)", "/" + databaseName + "$1"), "postgres", null);
  }

  private static void execute(String sql) {
    try (Connection c = server.adminDataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    name = createDatabase();
    database = Database.connect(urlOf(name), poolSize);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (database != null) {
      database.close();
      execute("drop database if exists " + name + " with (force)");
    }
  }

  public Database database() {
    return database;
  }

  public Jdbi jdbi() {
    return database.jdbi();
  }

  public DatabaseUrl url() {
    return urlOf(name);
  }

  public String name() {
    return name;
  }
}
