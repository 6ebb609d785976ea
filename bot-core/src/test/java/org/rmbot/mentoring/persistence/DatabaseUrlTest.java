package org.rmbot.mentoring.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void readsThePlatformStyleUrlWithCredentials() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://bot:s%40cret@db.internal:6543/mentoring?sslmode=require");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/mentoring?sslmode=require");
    assertThat(url.user()).isEqualTo("bot");
    assertThat(url.password()).isEqualTo("s@cret");
  }

  @Test
  void acceptsPostgresSchemeAndDefaultPort() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://db/mentoring");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db/mentoring");
    assertThat(url.user()).isNull();
  }

  @Test
  void passesJdbcUrlsThrough() {
    assertThat(DatabaseUrl.parse("jdbc:postgresql://h/db?user=a").jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?user=a");
  }

  @Test
  void refusesOtherSchemesWithoutEchoingThePassword() {
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@h/db"))
        .isInstanceOf(DatabaseProblem.class)
        .hasMessageContaining("must start with postgresql://")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void refusesAUrlWithoutDatabaseName() {
    assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h:5432/"))
        .hasMessageContaining("names no database");
  }

  @Test
  void toStringNeverShowsThePassword() {
    assertThat(DatabaseUrl.parse("postgresql://bot:hunter2@h/db").toString()).doesNotContain("hunter2");
    assertThat(DatabaseUrl.redact("jdbc:postgresql://h/db?user=a&password=hunter2")).doesNotContain("hunter2");
  }
}
