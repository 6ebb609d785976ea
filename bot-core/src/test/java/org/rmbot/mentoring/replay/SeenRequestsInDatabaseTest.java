package org.rmbot.mentoring.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.common.MovableClock;
import org.rmbot.mentoring.testing.TestDatabase;

/** The replay store that every instance shares: a request is taken once, until it expires. */
class SeenRequestsInDatabaseTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private final Instant inFiveMinutes = clock.instant().plus(Duration.ofMinutes(5));

  @Test
  void aRequestIsTakenOnceOnWhicheverInstanceItArrives() {
    SeenRequests one = new SeenRequestsInDatabase(db.jdbi(), clock);
    SeenRequests other = new SeenRequestsInDatabase(db.jdbi(), clock);
    assertThat(one.firstTime(List.of("slack-signature:v0=abc"), inFiveMinutes)).isTrue();
    assertThat(one.firstTime(List.of("slack-signature:v0=abc"), inFiveMinutes)).isFalse();
    assertThat(other.firstTime(List.of("slack-signature:v0=abc"), inFiveMinutes)).isFalse();
    assertThat(other.firstTime(List.of("slack-signature:v0=abd"), inFiveMinutes)).isTrue();
  }

  @Test
  void twoInstancesGivenTheSameRequestAtOnceTakeItOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> attempts = java.util.stream.IntStream.range(0, 8)
          .mapToObj(i -> (Callable<Boolean>) () -> new SeenRequestsInDatabase(db.jdbi(), clock)
              .firstTime(List.of("teams-activity:msteams|a:1|act-1"), inFiveMinutes))
          .toList();
      long taken = 0;
      for (Future<Boolean> attempt : pool.invokeAll(attempts)) {
        taken += attempt.get() ? 1 : 0;
      }
      assertThat(taken).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A Slack retry is re-signed: its new signature is unseen, its event id is not, so it is not taken. */
  @Test
  void aRequestKnownByAnyOfItsIdentifiersIsNotTakenAgain() {
    SeenRequests seen = new SeenRequestsInDatabase(db.jdbi(), clock);
    assertThat(seen.firstTime(List.of("slack-signature:v0=first", "slack-event:T1/Ev1"), inFiveMinutes)).isTrue();
    assertThat(seen.firstTime(List.of("slack-signature:v0=retry", "slack-event:T1/Ev1"), inFiveMinutes)).isFalse();
    assertThat(seen.firstTime(List.of("slack-signature:v0=retry"), inFiveMinutes)).as("the retry was recorded too").isFalse();
  }

  @Test
  void onceExpiredAnIdentifierIsForgottenAndItsRowDeleted() {
    SeenRequests seen = new SeenRequestsInDatabase(db.jdbi(), clock);
    assertThat(seen.firstTime(List.of("a"), inFiveMinutes)).isTrue();
    assertThat(seen.firstTime(List.of("b"), clock.instant().plus(Duration.ofHours(1)))).isTrue();
    clock.advance(Duration.ofMinutes(6));
    // "a" could no longer be accepted by its platform; what is left is purged on the next request
    assertThat(seen.firstTime(List.of("c"), clock.instant().plus(Duration.ofMinutes(5)))).isTrue();
    assertThat(rows()).isEqualTo(2);
    assertThat(seen.firstTime(List.of("a"), clock.instant().plus(Duration.ofMinutes(5)))).isTrue();
    assertThat(seen.firstTime(List.of("b"), clock.instant().plus(Duration.ofMinutes(5)))).isFalse();
  }

  @Test
  void theTableHoldsOnlyHashesAndExpiries() {
    new SeenRequestsInDatabase(db.jdbi(), clock).firstTime(List.of("slack-signature:v0=0123456789abcdef"), inFiveMinutes);
    String row = db.jdbi().withHandle(h -> h.createQuery("select to_jsonb(t)::text from inbound_request_seen t")
        .mapTo(String.class).one());
    assertThat(row).doesNotContain("0123456789abcdef").doesNotContain("slack");
    List<String> columns = db.jdbi().withHandle(h -> h.createQuery("select column_name from information_schema.columns"
        + " where table_name = 'inbound_request_seen' order by column_name").mapTo(String.class).list());
    assertThat(columns).containsExactly("expires_at", "request_hash");
  }

  private long rows() {
    return db.jdbi().withHandle(h -> h.createQuery("select count(*) from inbound_request_seen").mapTo(Long.class).one());
  }
}
