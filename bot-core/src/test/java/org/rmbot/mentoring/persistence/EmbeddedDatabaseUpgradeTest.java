package org.rmbot.mentoring.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmbot.mentoring.participant.NewPerson;
import org.rmbot.mentoring.participant.PeopleInDatabase;
import org.rmbot.mentoring.participant.WorkingHours;

/**
 * A data directory made by an earlier version (the library's initdb with trust, the bot
 * connected as the superuser {@code postgres}, no password file) is made safe on its first
 * start with this version, and nothing in it is lost.
 */
class EmbeddedDatabaseUpgradeTest {

  @Test
  void anOldTrustingDirectoryIsLockedDownOnFirstStartWithItsDataKept(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("postgres");
    // the earlier version, exactly as it started and used its server
    try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
            .setServerConfig("timezone", "UTC").setServerConfig("max_connections", "100").start();
        Database db = Database.connect(new DatabaseUrl(old.getJdbcUrl("postgres", "postgres"), "postgres", null), 2)) {
      db.migrate();
      new PeopleInDatabase(db.jdbi(), Clock.systemUTC()).save(new NewPerson(
          "ana@example.com", "Ana", ZoneId.of("UTC"), WorkingHours.officeHours()));
      // trust: anyone on the machine was the superuser
      DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + old.getPort() + "/postgres?user=postgres").close();
    }
    assertThat(EmbeddedDatabase.passwordFile(data)).doesNotExist();

    for (int start = 1; start <= 2; start++) {
      try (EmbeddedDatabase server = EmbeddedDatabase.start(data);
          Database db = Database.connect(server.url(), 2)) {
        assertThat(db.pendingMigrations()).isZero();
        PeopleInDatabase people = new PeopleInDatabase(db.jdbi(), Clock.systemUTC());
        assertThat(people.findByEmail("ana@example.com"))
            .as("start " + start).hasValueSatisfying(p -> assertThat(p.displayName()).isEqualTo("Ana"));
        // the bot's role now owns the old tables: it writes to them, and no longer as a superuser
        people.save(new NewPerson("ben" + start + "@example.com", "Ben", ZoneId.of("UTC"), WorkingHours.officeHours()));
        assertThat(EmbeddedDatabaseSafetyTest.one(db.jdbi(),
                "select current_user || '/' || rolsuper from pg_roles where rolname = current_user"))
            .isEqualTo(EmbeddedDatabase.BOT_ROLE + "/false");
        assertThat(EmbeddedDatabaseSafetyTest.one(db.jdbi(), """
                select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and pg_get_userbyid(c.relowner) <> current_user"""))
            .as("objects the bot does not own").isEqualTo("0");
        int port = server.port();
        assertThatThrownBy(() -> DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres").close())
            .as("trust is gone").isInstanceOf(SQLException.class).hasMessageContaining("password");
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");
        assertThat(EmbeddedDatabaseSafetyTest.one(db.jdbi(), "select count(*) from person"))
            .isEqualTo(String.valueOf(1 + start));
      }
    }
    assertThat(EmbeddedDatabase.passwordFile(data)).exists();
  }
}
