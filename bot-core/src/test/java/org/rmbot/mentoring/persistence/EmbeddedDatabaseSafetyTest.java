package org.rmbot.mentoring.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent embedded server as an attacker on the same machine finds it: it survives a
 * power cut (fsync, synchronous commit and full-page writes on), asks every connection for a
 * password (TCP and the local socket alike), and the bot's own role is no superuser, so it
 * cannot read the server secret beside the data directory. One server for the whole class.
 */
class EmbeddedDatabaseSafetyTest {
  @TempDir static Path dir;
  private static EmbeddedDatabase server;
  private static Database bot;

  @BeforeAll
  static void start() throws IOException {
    Files.writeString(dir.resolve("secret.key"), "the-server-secret-that-must-stay-out-of-reach");
    server = EmbeddedDatabase.start(dir.resolve("postgres"));
    bot = Database.connect(server.url(), 2);
    bot.migrate();
  }

  @AfterAll
  static void stop() {
    bot.close();
    server.close();
  }

  @Test
  void thePersistentServerSyncsEveryCommitToDisk() {
    for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
      assertThat(show(setting)).as(setting).isEqualTo("on");
    }
    // WAL that recovery no longer needs is deleted, not kept for reuse (docs/PRIVACY.md)
    assertThat(show("wal_recycle")).isEqualTo("off");
    assertThat(show("wal_keep_size")).isEqualTo("0");
    assertThat(show("archive_mode")).isEqualTo("off");
    assertThat(one(bot.jdbi(), "select count(*) from pg_replication_slots")).isEqualTo("0");
  }

  @Test
  void aConnectionWithoutThePasswordIsRefusedOverTcp() {
    for (String user : new String[] {"postgres", EmbeddedDatabase.BOT_ROLE}) {
      assertThatThrownBy(() -> connectWithoutPassword("127.0.0.1", user))
          .as(user).isInstanceOf(SQLException.class).hasMessageContaining("password");
    }
  }

  @Test
  void aConnectionWithAWrongPasswordIsRefused() {
    assertThatThrownBy(() -> DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres", "postgres", "guessed").close())
        .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
  }

  @Test
  void theLocalSocketAsksForAPasswordToo() throws IOException {
    String socketDir;
    try (Database admin = Database.connect(server.adminUrl(), 1)) {
      socketDir = one(admin.jdbi(), "show unix_socket_directories").split(",")[0].trim();
      assertThat(one(admin.jdbi(), "show listen_addresses")).isEqualTo("localhost");
    }
    Path socket = Path.of(socketDir, ".s.PGSQL." + server.port());
    assertThat(socket).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rwx------");
    // the protocol's first message, as psql sends it; trust would answer AuthenticationOk (0)
    assertThat(authenticationRequestedOver(socket, "postgres")).isEqualTo(SASL);
  }

  @Test
  void thePasswordFileIsReadableByItsOwnerOnly() throws IOException {
    Path file = EmbeddedDatabase.passwordFile(dir.resolve("postgres"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Files.readString(file).strip()).hasSizeGreaterThanOrEqualTo(32);
  }

  @Test
  void theBotsRoleIsNoSuperuserAndCannotReadTheServerSecret() {
    Jdbi jdbi = bot.jdbi();
    String secret = dir.resolve("secret.key").toAbsolutePath().toString();
    assertThatThrownBy(() -> jdbi.withHandle(h -> h.createQuery("select pg_read_file(:f)").bind("f", secret)
            .mapTo(String.class).one()))
        .hasMessageContaining("permission denied");
    assertThat(one(jdbi, "select current_user")).isEqualTo(EmbeddedDatabase.BOT_ROLE);
    assertThat(one(jdbi, "select rolsuper::text from pg_roles where rolname = current_user")).isEqualTo("false");
    assertThatThrownBy(() -> jdbi.withHandle(h -> h.createQuery("select pg_read_binary_file(:f)").bind("f", secret)
            .mapTo(byte[].class).one()))
        .hasMessageContaining("permission denied");
    assertThatThrownBy(() -> jdbi.withHandle(h -> h.createQuery("select lo_import(:f)").bind("f", secret)
            .mapTo(Long.class).one()))
        .hasMessageContaining("permission denied");
    // nor by copying it into a table, nor by making itself a superuser
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("create temp table t (x text); copy t from '" + secret + "'")))
        .hasMessageContaining("permission denied");
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("alter role current_user superuser")))
        .hasMessageContaining("permission denied");
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("grant pg_read_server_files to current_user")))
        .hasMessageContaining("permission denied");
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("alter role postgres password 'known'")))
        .hasMessageContaining("permission denied");
  }

  @Test
  void theBotsRoleOwnsItsSchemaAndMayCreateTheHelperRolesAMigrationNeeds() {
    bot.jdbi().useHandle(h -> {
      h.execute("create table made_by_the_bot (id int)");
      h.execute("drop table made_by_the_bot");
      h.execute("create role helper_for_a_migration nologin");
      h.execute("grant select on person to helper_for_a_migration");
      h.execute("set role helper_for_a_migration");
      h.execute("select count(*) from person");
      h.execute("reset role");
      h.execute("drop owned by helper_for_a_migration");
      h.execute("drop role helper_for_a_migration");
    });
    assertThat(bot.pendingMigrations()).isZero();
  }

  private static String show(String setting) {
    return one(bot.jdbi(), "show " + setting);
  }

  static String one(Jdbi jdbi, String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
  }

  private static void connectWithoutPassword(String host, String user) throws SQLException {
    try (Connection c = DriverManager.getConnection(
        "jdbc:postgresql://" + host + ":" + server.port() + "/postgres?user=" + user)) {
      c.isValid(1);
    }
  }

  private static final int SASL = 10;

  /** Sends a StartupMessage over the Unix socket and returns the authentication the server asks for. */
  static int authenticationRequestedOver(Path socket, String user) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      byte[] params = ("user\0" + user + "\0database\0postgres\0\0").getBytes(StandardCharsets.UTF_8);
      ByteBuffer startup = ByteBuffer.allocate(8 + params.length);
      startup.putInt(8 + params.length).putInt(196608).put(params).flip();
      while (startup.hasRemaining()) {
        channel.write(startup);
      }
      ByteBuffer answer = ByteBuffer.allocate(9);
      while (answer.hasRemaining() && channel.read(answer) >= 0) {
        // read the message type, its length and the authentication code
      }
      answer.flip();
      byte type = answer.get();
      assertThat((char) type).as("an authentication request, not an error").isEqualTo('R');
      answer.getInt();
      return answer.getInt();
    }
  }
}
