package org.rmbot.mentoring.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmbot.mentoring.participant.NewPerson;
import org.rmbot.mentoring.participant.PeopleInDatabase;
import org.rmbot.mentoring.participant.WorkingHours;

class EmbeddedDatabaseTest {

  @Test
  void dataSurvivesARestart(@TempDir Path dir) {
    try (EmbeddedDatabase server = EmbeddedDatabase.start(dir.resolve("pg"));
        Database db = Database.connect(server.url(), 2)) {
      assertThat(db.migrate()).isNotEqualTo("none");
      new PeopleInDatabase(db.jdbi(), Clock.systemUTC()).save(new NewPerson(
          "ana@example.com", "Ana", ZoneId.of("UTC"), WorkingHours.officeHours()));
    }
    try (EmbeddedDatabase server = EmbeddedDatabase.start(dir.resolve("pg"));
        Database db = Database.connect(server.url(), 2)) {
      assertThat(db.pendingMigrations()).isZero();
      assertThat(new PeopleInDatabase(db.jdbi(), Clock.systemUTC()).findByEmail("ANA@example.com"))
          .hasValueSatisfying(p -> assertThat(p.displayName()).isEqualTo("Ana"));
    }
  }

  @Test
  void aSecondServerOnTheSameDirectoryIsRefusedWithAReadableReason(@TempDir Path dir) {
    try (EmbeddedDatabase first = EmbeddedDatabase.start(dir.resolve("pg"))) {
      assertThatThrownBy(() -> EmbeddedDatabase.start(dir.resolve("pg")).close())
          .isInstanceOf(DatabaseProblem.class)
          .hasMessageContaining("could not start the embedded PostgreSQL in " + dir.resolve("pg"));
      assertThat(first.port()).isPositive();
    }
  }

  @Test
  void anUnreachableServerIsOneLineNamingTheAddress() {
    assertThatThrownBy(() -> Database.connect(DatabaseUrl.parse("postgresql://u:secret@127.0.0.1:1/nowhere"), 1))
        .isInstanceOf(DatabaseProblem.class)
        .hasMessageStartingWith("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/nowhere")
        .hasMessageNotContaining("secret")
        .satisfies(e -> assertThat(e.getMessage().lines().count()).isEqualTo(1));
  }
}
