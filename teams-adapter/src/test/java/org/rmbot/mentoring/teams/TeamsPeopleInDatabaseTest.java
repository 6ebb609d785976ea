package org.rmbot.mentoring.teams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.common.MovableClock;
import org.rmbot.mentoring.testing.TestDatabase;

class TeamsPeopleInDatabaseTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private final MovableClock clock = new MovableClock(java.time.Instant.parse("2026-01-05T10:00:00Z"));

  private TeamsPeople people() {
    return new TeamsPeopleInDatabase(db.jdbi(), clock);
  }

  @Test
  void theLatestServiceUrlWinsAndAChannelSightingKeepsThePersonalConversation() {
    TeamsPeople people = people();
    people.seen(new TeamsPeople.Seen("tenant-1", "aad-1", "29:one", "Amara", "https://smba.example/amer/",
        "a:personal", "{\"conversation\":{\"id\":\"a:personal\"}}"));
    clock.advance(java.time.Duration.ofMinutes(1));
    people.seen(new TeamsPeople.Seen("tenant-1", "aad-1", "29:one", null, "https://smba.example/emea/", null, null));

    TeamsPeople.Seen seen = people.find("tenant-1", "aad-1").orElseThrow();
    assertThat(seen.serviceUrl()).isEqualTo("https://smba.example/emea/");
    assertThat(seen.displayName()).isEqualTo("Amara");
    assertThat(seen.personalConversationId()).isEqualTo("a:personal");
    assertThat(seen.personalReference()).contains("a:personal");
    assertThat(people.byPersonalConversation("a:personal")).contains(seen);
    assertThat(people.aadObjectIdOf("tenant-1", "29:one")).contains("aad-1");
    assertThat(people.aadObjectIdOf("tenant-2", "29:one")).isEmpty();
    assertThat(people.find("tenant-2", "aad-1")).isEmpty();
  }

  @Test
  void aDeliveryIsRecordedOncePerConversationAndKey() {
    TeamsPeople people = people();
    people.recordDelivery("a:1", "nudge:1", "act-1");
    people.recordDelivery("a:1", "nudge:1", "act-2");
    assertThat(people.deliveredActivity("a:1", "nudge:1")).contains("act-1");
    assertThat(people.deliveredActivity("a:2", "nudge:1")).isEmpty();
  }
}
