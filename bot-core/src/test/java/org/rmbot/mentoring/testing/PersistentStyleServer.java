package org.rmbot.mentoring.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.persistence.Database;
import org.rmbot.mentoring.persistence.EmbeddedDatabase;

/**
 * The bot's persistent server, started exactly as users run it ({@link EmbeddedDatabase#start}
 * on a temporary directory: fsync, full_page_writes and synchronous_commit on, so the WAL has
 * its full-page images after each checkpoint; password-only access; WAL deleted once recovery
 * no longer needs it), with the bot connected as it connects ({@link EmbeddedDatabase#url()},
 * the {@code mentoring} role, no superuser) and an adversary holding the superuser ({@link
 * EmbeddedDatabase#adminUrl()}). Tests that read the WAL as an adversary would need this
 * server, or they miss what the real one writes and attack a bot with more rights than it has.
 *
 * <p>The adversary keeps the WAL so it can read all of it after a CHECKPOINT. It cannot do that
 * with {@code ALTER SYSTEM SET wal_keep_size} (or {@code wal_recycle}): the server is started
 * with both on its command line, and PostgreSQL ranks command-line settings above {@code
 * postgresql.auto.conf}, so they stay as they are after a reload or a restart. What a superuser
 * can do on the running server, and does here, is create a physical replication slot that
 * reserves the WAL at once: no checkpoint removes a segment the slot still needs, and nothing
 * ever consumes it.
 *
 * <p>Each {@link #freshDatabase} is a server of its own (the bot uses its one database,
 * {@code postgres}), in a directory of this one's; the one before is stopped.
 */
public final class PersistentStyleServer implements AutoCloseable {
  private final Path directory;
  private EmbeddedDatabase server;
  private Database adversary;

  private PersistentStyleServer(Path directory) {
    this.directory = directory;
  }

  public static PersistentStyleServer start() {
    try {
      return new PersistentStyleServer(Files.createTempDirectory("mentoring-wal-test"));
    } catch (IOException e) {
      throw new IllegalStateException("could not make a directory for a persistent PostgreSQL", e);
    }
  }

  /**
   * A new server named {@code name}, its WAL kept for the adversary from now on, pg_walinspect
   * and pageinspect installed, and the bot's database migrated by the bot: its connection.
   */
  public Database freshDatabase(String name) {
    stopServer();
    server = EmbeddedDatabase.start(directory.resolve(name));
    adversary = Database.connect(server.adminUrl(), 2);
    adversary.jdbi().useHandle(h -> {
      h.execute("select pg_create_physical_replication_slot('adversary', true)");
      h.execute("create extension pg_walinspect");
      h.execute("create extension pageinspect");
    });
    Database bot = Database.connect(server.url(), 6);
    bot.migrate();
    return bot;
  }

  /** The superuser's connection to the bot's database on the current server. */
  public Jdbi superuser() {
    return adversary.jdbi();
  }

  private void stopServer() {
    if (adversary != null) {
      adversary.close();
      adversary = null;
    }
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public void close() {
    stopServer();
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
