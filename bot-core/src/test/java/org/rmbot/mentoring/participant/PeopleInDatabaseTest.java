package org.rmbot.mentoring.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

class PeopleInDatabaseTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private World world;

  @BeforeEach
  void setUp() {
    world = new World(db.jdbi());
  }

  @Test
  void aPersonIsFoundByEachOfTheirPlatformIdentities() {
    Person ana = world.people.save(new NewPerson("ana@example.com", "Ana", ZoneId.of("Asia/Kolkata"),
        new WorkingHours(LocalTime.of(10, 0), LocalTime.of(18, 30), EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY))));
    PlatformIdentity slack = new PlatformIdentity(Platform.SLACK, "T0001", "U0001");
    PlatformIdentity teams = new PlatformIdentity(Platform.TEAMS, "tenant-1", "aad-object-1");
    world.people.link(ana.id(), slack);
    world.people.link(ana.id(), teams);

    assertThat(world.people.findByIdentity(slack)).contains(ana);
    assertThat(world.people.findByIdentity(teams)).contains(ana);
    assertThat(world.people.findByIdentity(new PlatformIdentity(Platform.SLACK, "T0002", "U0001"))).isEmpty();
    assertThat(world.people.identitiesOf(ana.id())).containsExactly(slack, teams);
    assertThat(ana.workingHours().days()).containsExactlyInAnyOrder(DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
  }

  @Test
  void emailIsUniqueRegardlessOfCaseAndSavingAgainUpdates() {
    Person first = world.people.save(new NewPerson("Ana@Example.com", "Ana", ZoneId.of("UTC"), WorkingHours.officeHours()));
    Person again = world.people.save(new NewPerson("ana@example.com", "Ana Souza", ZoneId.of("Europe/Lisbon"), WorkingHours.officeHours()));
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.displayName()).isEqualTo("Ana Souza");
    assertThat(world.people.count()).isEqualTo(1);
  }

  @Test
  void savingAgainUnchangedKeepsWhenThePersonWasLastUpdated() {
    NewPerson ana = new NewPerson("ana@example.com", "Ana", ZoneId.of("UTC"), WorkingHours.officeHours());
    Person saved = world.people.save(ana);
    world.clock.advance(java.time.Duration.ofDays(1));
    world.people.save(new NewPerson(" ANA@example.com ", " Ana ", ZoneId.of("UTC"), WorkingHours.officeHours()));
    assertThat(updatedAt(saved.id())).isEqualTo(java.time.Instant.parse("2026-01-05T08:00:00Z"));

    world.people.save(new NewPerson("ana@example.com", "Ana Souza", ZoneId.of("UTC"), WorkingHours.officeHours()));
    assertThat(updatedAt(saved.id())).isEqualTo(java.time.Instant.parse("2026-01-06T08:00:00Z"));
  }

  private java.time.Instant updatedAt(long personId) {
    return db.jdbi().withHandle(h -> h.createQuery("select updated_at from person where id = :id")
        .bind("id", personId).mapTo(java.time.Instant.class).one());
  }

  @Test
  void manyPeopleAreFoundByIdAtOnceAndUnknownIdsAreLeftOut() {
    Person ana = world.people.save(new NewPerson("ana@example.com", "Ana", ZoneId.of("Asia/Kolkata"), WorkingHours.officeHours()));
    Person ben = world.people.save(new NewPerson("ben@example.com", "Ben", ZoneId.of("UTC"), WorkingHours.officeHours()));
    world.people.save(new NewPerson("cy@example.com", "Cy", ZoneId.of("UTC"), WorkingHours.officeHours()));

    assertThat(world.people.findByIds(java.util.List.of(ana.id(), ben.id(), ben.id() + 1000)))
        .containsOnly(java.util.Map.entry(ana.id(), ana), java.util.Map.entry(ben.id(), ben));
    assertThat(world.people.findByIds(java.util.List.of())).isEmpty();
  }

  @Test
  void workingHoursMustMakeSense() {
    assertThatThrownBy(() -> new WorkingHours(LocalTime.of(17, 0), LocalTime.of(9, 0), EnumSet.of(DayOfWeek.MONDAY)))
        .hasMessageContaining("must start before they end");
    assertThatThrownBy(() -> new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0), EnumSet.noneOf(DayOfWeek.class)))
        .hasMessageContaining("at least one working day");
  }
}
