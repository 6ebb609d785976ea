package org.rmbot.mentoring.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.postgresql.util.PasswordUtil;

/**
 * A PostgreSQL 17 server run by the bot itself from binaries shipped in the jar. Its data
 * directory persists, so the next start sees the same data; a second process on the same
 * directory is refused by PostgreSQL's own lock.
 *
 * <p>The persistent server is safe by default (docs/PRIVACY.md, "The database"): every commit
 * reaches the disk (fsync, synchronous commit and full-page writes on: the library turns fsync
 * off with {@code -F} unless told otherwise); every connection needs a password (SCRAM), on
 * the local socket and on loopback alike, and nothing else is accepted; the superuser's random
 * password is kept in {@link #passwordFile} (mode 0600) beside the data directory; the bot
 * connects as {@link #BOT_ROLE}, which is no superuser and so cannot read files such as the
 * server secret. WAL is deleted once recovery no longer needs it, never kept for reuse.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  /** The role the bot connects as on the persistent server. */
  public static final String BOT_ROLE = "mentoring";
  private static final String DATABASE = "postgres";
  private static final String SUPERUSER = "postgres";
  private static final String PG_HBA = """
      # Written by the mentoring bot at every start of its embedded PostgreSQL: every connection
      # needs a password (SCRAM-SHA-256), on the local socket and on loopback; nothing else is let in.
      # TYPE  DATABASE  USER  ADDRESS       METHOD
      local   all       all                 scram-sha-256
      host    all       all   127.0.0.1/32  scram-sha-256
      host    all       all   ::1/128       scram-sha-256
      """;

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;
  private final String superuserPassword;
  private final String botPassword;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, String superuserPassword, String botPassword) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
    this.superuserPassword = superuserPassword;
    this.botPassword = botPassword;
  }

  /** The superuser's password file of the server in {@code dataDirectory}: beside it, {@code <name>.password}. */
  public static Path passwordFile(Path dataDirectory) {
    Path absolute = dataDirectory.toAbsolutePath();
    return absolute.resolveSibling(absolute.getFileName() + ".password");
  }

  /**
   * Starts (creating it on first use) the server whose files live in {@code dataDirectory}. A
   * directory made by an earlier version (trust, the bot as superuser, no password file) is
   * locked down on its first start: password set, {@code pg_hba.conf} rewritten, its tables
   * handed to the bot's role. It is stopped by {@link #close()}, or when the JVM exits.
   */
  public static EmbeddedDatabase start(Path dataDirectory) {
    return start(dataDirectory, true);
  }

  /**
   * As {@link #start(Path)}; with {@code stopAtExit} false the server is stopped only by {@link
   * #close()}. A process that stops in order (the server: schedule and deliveries first, the
   * database last) owns that step: a JVM shutdown hook of its own would stop PostgreSQL at the
   * same moment as everything else, under the work still running.
   */
  public static EmbeddedDatabase start(Path dataDirectory, boolean stopAtExit) {
    Path passwordFile = passwordFile(dataDirectory);
    AtomicBoolean mayHaveStarted = new AtomicBoolean();
    try {
      Files.createDirectories(dataDirectory);
      Optional<String> saved = OwnerOnlyFile.read(passwordFile);
      String superuserPassword = saved.orElseGet(() -> OwnerOnlyFile.randomText(32));
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setRegisterShutdownHook(stopAtExit)
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPgBinaryResolver(PostgresBinaries.INSTANCE)
              .setOverrideWorkingDirectory(PostgresBinaries.workingDirectory().toFile())
              .setPGStartupWait(Duration.ofSeconds(30))
              .setServerConfig("timezone", "UTC")
              .setServerConfig("max_connections", "100")
              // durable: these come after the library's -F on the command line, so they win
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              // WAL recovery no longer needs is deleted at each checkpoint, not renamed for reuse
              .setServerConfig("wal_recycle", "off")
              .setServerConfig("wal_keep_size", "0")
              .setServerConfig("password_encryption", "scram-sha-256")
              .setServerConfig("listen_addresses", "localhost")
              .setServerConfig("unix_socket_permissions", "0700")
              .setConnectConfig("password", superuserPassword)
              .setDataDirectoryCustomizer(directory -> {
                // runs once the library holds the directory's lock, just before the server starts
                mayHaveStarted.set(true);
                lockDown(directory, saved.isEmpty() ? superuserPassword : null, passwordFile);
              })
              .start();
      String botPassword = OwnerOnlyFile.randomText(32);
      EmbeddedDatabase server = new EmbeddedDatabase(postgres, dataDirectory, superuserPassword, botPassword);
      try {
        BotRole.prepare(server.adminDataSource(), BOT_ROLE, botPassword);
      } catch (SQLException | RuntimeException e) {
        server.close();
        throw e;
      }
      return server;
    } catch (IOException | SQLException | RuntimeException e) {
      if (mayHaveStarted.get()) {
        stopQuietly(dataDirectory);
      }
      throw new DatabaseProblem(
          "could not start the embedded PostgreSQL in " + dataDirectory
              + " (is another bot process using it?): " + rootMessage(e), e);
    }
  }

  /** A temporary server whose files are deleted on close, fast and unprotected: for tests, the demo, benchmarks. */
  public static EmbeddedDatabase startThrowaway() {
    try {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder().setServerConfig("timezone", "UTC")
              .setServerConfig("max_connections", "200")
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .start();
      return new EmbeddedDatabase(postgres, null, null, null);
    } catch (IOException | RuntimeException e) {
      throw new DatabaseProblem("could not start a temporary embedded PostgreSQL: " + rootMessage(e), e);
    }
  }

  /** Before the first start on this directory (or an earlier version's): the password, then password-only access. */
  private static void lockDown(File directory, String newSuperuserPassword, Path passwordFile) {
    try {
      if (newSuperuserPassword != null) {
        setSuperuserPassword(directory.toPath(), newSuperuserPassword);
        OwnerOnlyFile.write(passwordFile, newSuperuserPassword + "\n");
      }
      Files.writeString(directory.toPath().resolve("pg_hba.conf"), PG_HBA, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** initdb left the superuser without a password; single-user mode sets one before anyone can connect. */
  private static void setSuperuserPassword(Path directory, String password) throws IOException {
    // only the SCRAM verifier reaches PostgreSQL, never the password itself
    String verifier = PasswordUtil.encodeScramSha256(password.toCharArray());
    ProcessBuilder builder = new ProcessBuilder(PostgresBinaries.INSTANCE.command("postgres",
        "--single", "-D", directory.toString(), "-c", "exit_on_error=on", DATABASE));
    builder.redirectErrorStream(true);
    Process single = builder.start();
    single.getOutputStream().write(("ALTER ROLE " + SUPERUSER + " PASSWORD '" + verifier + "';\n")
        .getBytes(StandardCharsets.US_ASCII));
    single.getOutputStream().close();
    String output = new String(single.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (single.waitFor() != 0 || output.contains("ERROR")) {
        throw new IOException("could not set the superuser's password: "
            + output.lines().filter(l -> l.contains("ERROR") || l.contains("FATAL")).findFirst().orElse(output.strip()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while setting the superuser's password", e);
    }
  }

  /** A server the library started but could not reach (a wrong password file): stop it, or it outlives us. */
  private static void stopQuietly(Path directory) {
    if (!Files.exists(directory.resolve("postmaster.pid"))) {
      return;
    }
    try {
      Process stop = new ProcessBuilder(PostgresBinaries.INSTANCE.command("pg_ctl",
          "-D", directory.toString(), "stop", "-m", "fast", "-w", "-t", "10")).redirectErrorStream(true).start();
      stop.getInputStream().readAllBytes();
      stop.waitFor();
    } catch (IOException | RuntimeException e) {
      // nothing more to do: the original problem is what the person needs to see
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** How the bot connects: as {@link #BOT_ROLE} on the persistent server, as the superuser on a throw-away one. */
  public DatabaseUrl url() {
    if (botPassword == null) {
      return new DatabaseUrl(postgres.getJdbcUrl(SUPERUSER, DATABASE), SUPERUSER, null);
    }
    return new DatabaseUrl(jdbcUrl(), BOT_ROLE, botPassword);
  }

  /** The superuser: for the server's own administration, and for tests that play the adversary. */
  public DatabaseUrl adminUrl() {
    if (superuserPassword == null) {
      return url();
    }
    return new DatabaseUrl(jdbcUrl(), SUPERUSER, superuserPassword);
  }

  private String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
  }

  /** The superuser's data source, without a pool: for one-off administrative work. */
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
