package org.rmbot.mentoring.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.participant.NewPerson;
import org.rmbot.mentoring.participant.People;
import org.rmbot.mentoring.participant.PeopleInDatabase;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.participant.WorkingHours;
import org.rmbot.mentoring.persistence.Database;
import org.rmbot.mentoring.program.ProgramsInDatabase;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * Admin rights are held by whole platform identities, from configuration and from the
 * {@code workspace_admin} table, and grants made before that (bound to a person only) survive
 * the migration bound to the identities their person had.
 */
class AdminsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
  private static final PlatformIdentity ADA = new PlatformIdentity(Platform.SLACK, "T0ACME", "U0ADA");

  @RegisterExtension final TestDatabase db = new TestDatabase();

  // MENTORING_ADMINS

  @Test
  void aBareUserIdIsThatUserInTheInstallationOfTheBotToken() {
    assertThat(ConfiguredAdmins.read(List.of(" U0ADA ", "W0GRID"), true).bind(Optional.of("T0ACME")))
        .containsExactlyInAnyOrder(ADA, new PlatformIdentity(Platform.SLACK, "T0ACME", "W0GRID"));
  }

  @Test
  void qualifiedEntriesNameTheirPlatformAndInstallation() {
    assertThat(ConfiguredAdmins.read(List.of("slack:E0ORG:W0GRID", "teams:56653e9d-2158-46ee-90d7-675c39642038:aad-1", ""),
        false).bind(Optional.empty())).containsExactlyInAnyOrder(new PlatformIdentity(Platform.SLACK, "E0ORG", "W0GRID"),
            new PlatformIdentity(Platform.TEAMS, "56653e9d-2158-46ee-90d7-675c39642038", "aad-1"));
  }

  @Test
  void entriesThatCannotBeBoundAreOneLineErrorsNamingTheVariable() {
    assertThatThrownBy(() -> ConfiguredAdmins.read(List.of("U0ADA"), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("MENTORING_ADMINS:")
        .hasMessageContaining("SLACK_BOT_TOKEN is not set");
    assertThatThrownBy(() -> ConfiguredAdmins.read(List.of("3f2b8a1c-aad-object-id"), true))
        .hasMessageStartingWith("MENTORING_ADMINS:").hasMessageContaining("teams:<tenant id>:<AAD object id>");
    for (String bad : List.of("slack:U0ADA", "discord:T1:U1", "slack::U1", "teams:t:", "slack:a:b:c")) {
      assertThatThrownBy(() -> ConfiguredAdmins.read(List.of(bad), true)).as(bad)
          .hasMessageStartingWith("MENTORING_ADMINS: '" + bad + "'").hasMessageNotContaining("\n");
    }
  }

  @Test
  void aConfiguredAdminIsAnAdminOnlyThroughThatIdentity() {
    People people = new PeopleInDatabase(db.jdbi(), CLOCK);
    Authority authority = new ProgramAuthority(new AdminsInDatabase(db.jdbi(), CLOCK), new ProgramsInDatabase(db.jdbi(), CLOCK),
        people, Set.of(ADA));
    Person ada = person(people, "ada@example.com", ADA);
    Person elsewhere = person(people, "other@example.com", new PlatformIdentity(Platform.SLACK, "T0ELSEWHERE", "U0ADA"));
    Person teams = person(people, "teams@example.com", new PlatformIdentity(Platform.TEAMS, "T0ACME", "U0ADA"));
    assertThat(authority.isAdmin(ada.id())).isTrue();
    assertThat(authority.isAdmin(elsewhere.id())).isFalse();
    assertThat(authority.isAdmin(teams.id())).isFalse();
  }

  // the workspace_admin table

  @Test
  void aGrantBelongsToTheIdentityItWasMadeFor() {
    People people = new PeopleInDatabase(db.jdbi(), CLOCK);
    Admins admins = new AdminsInDatabase(db.jdbi(), CLOCK);
    Person ada = person(people, "ada@example.com", ADA);
    Person elsewhere = person(people, "other@example.com", new PlatformIdentity(Platform.SLACK, "T0ELSEWHERE", "U0ADA"));
    admins.grant(ada.id(), ADA);
    assertThat(admins.isAdmin(ada.id())).isTrue();
    assertThat(admins.isAdmin(elsewhere.id())).isFalse();
    assertThat(admins.all()).containsExactly(ada.id());
  }

  /**
   * V11 on a database holding a grant from before it (migrated to V9: V10 only adds Teams'
   * tables and lives in teams-adapter) for a person with an identity (bound to it) and one for
   * a person known only by email (kept unbound, and bound to the identity of their first request).
   */
  @Test
  void grantsFromBeforeAreBoundToTheIdentitiesOfTheirPerson() throws Exception {
    String name = "admins_v10_" + ProcessHandle.current().pid();
    try (Connection c = TestDatabase.server().adminDataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("create database " + name);
    }
    try (Database old = Database.connect(TestDatabase.urlOf(name), 2)) {
      Flyway.configure().dataSource(old.dataSource()).locations("classpath:db/migration").target("9").load().migrate();
      old.jdbi().useHandle(h -> {
        h.execute("insert into person (email, display_name, created_at, updated_at) values"
            + " ('ada@example.com', 'Ada', now(), now()), ('bea@example.com', 'Bea', now(), now())");
        h.execute("insert into platform_identity (platform, workspace_id, user_id, person_id)"
            + " select 'slack', 'T0ACME', 'U0ADA', id from person where email = 'ada@example.com'");
        h.execute("insert into workspace_admin (person_id, granted_at) select id, now() from person");
      });
      old.migrate();

      People people = new PeopleInDatabase(old.jdbi(), CLOCK);
      Admins admins = new AdminsInDatabase(old.jdbi(), CLOCK);
      long ada = people.findByEmail("ada@example.com").orElseThrow().id();
      long bea = people.findByEmail("bea@example.com").orElseThrow().id();
      assertThat(grants(old, ada)).containsExactly("slack:T0ACME:U0ADA");
      assertThat(admins.isAdmin(bea)).as("no identity yet: nothing to be an admin through").isFalse();

      PlatformIdentity first = new PlatformIdentity(Platform.TEAMS, "tenant-1", "aad-bea");
      people.link(bea, first);
      assertThat(admins.isAdmin(bea)).isTrue();
      assertThat(grants(old, bea)).as("bound to the identity of the first request").containsExactly("teams:tenant-1:aad-bea");
      people.link(bea, new PlatformIdentity(Platform.SLACK, "T0ELSEWHERE", "U0BEA"));
      Person beaElsewhere = person(people, "mallory@example.com", new PlatformIdentity(Platform.SLACK, "T0OTHER", "aad-bea"));
      assertThat(admins.isAdmin(beaElsewhere.id())).isFalse();
    } finally {
      try (Connection c = TestDatabase.server().adminDataSource().getConnection(); Statement s = c.createStatement()) {
        s.execute("drop database if exists " + name + " with (force)");
      }
    }
  }

  private static List<String> grants(Database database, long personId) {
    return database.jdbi().withHandle(h -> h.createQuery("select platform || ':' || installation_id || ':' || user_id"
        + " from workspace_admin where person_id = :p").bind("p", personId).mapTo(String.class).list());
  }

  private static Person person(People people, String email, PlatformIdentity identity) {
    Person p = people.save(new NewPerson(email, email, java.time.ZoneId.of("UTC"), WorkingHours.officeHours()));
    people.link(p.id(), identity);
    return p;
  }
}
