package org.rmbot.mentoring.infra.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.rmbot.mentoring.persistence.DatabaseUrl;

/**
 * The fault campaign's own embedded PostgreSQL, on a fixed data directory and port so that it
 * can be stopped and started again under the bots' feet: they keep the same URL throughout.
 */
final class CampaignPostgres implements AutoCloseable {
  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres running;

  CampaignPostgres(Path dataDirectory, int port) {
    this.dataDirectory = dataDirectory;
    this.port = port;
  }

  void start() {
    try {
      running = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
          .setPort(port).setServerConfig("timezone", "UTC").setServerConfig("max_connections", "100")
          .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off").start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the campaign's PostgreSQL", e);
    }
  }

  /** Stops the server (a fast shutdown: open connections are cut), keeping its files. */
  void stop() {
    try {
      running.close();
      running = null;
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop the campaign's PostgreSQL", e);
    }
  }

  DatabaseUrl url() {
    return new DatabaseUrl("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null);
  }

  @Override
  public void close() {
    if (running != null) {
      stop();
    }
  }
}
