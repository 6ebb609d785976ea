package org.rmbot.mentoring.infra.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.common.MovableClock;
import org.rmbot.mentoring.infra.Application;
import org.rmbot.mentoring.infra.demo.FakeSlackWorkspace;
import org.rmbot.mentoring.infra.demo.SlackCall;
import org.rmbot.mentoring.testing.Poll;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * Slack gives every request 3 seconds. The bot does a request's work on the request thread, so
 * work held up in the database (here: a table another transaction has locked) must still be
 * acknowledged in time, by the watchdog, and answered once it finishes: a command through its
 * response URL, a form in the person's DM with the bot (the modal has closed by then).
 *
 * <p>The proof that an acknowledgement was the watchdog's is that it arrived while the lock was
 * still held, so the work could not have finished.
 */
class SlackAckDeadlineTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private final FakeSlackWorkspace slack = new FakeSlackWorkspace();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private Application app;

  @BeforeEach
  void start() throws Exception {
    app = SlackServe.start(db, slack, clock, new PrintWriter(new StringWriter(), true), "deadline");
    slack.person("UE1", "Helen Carter", "helen@example.com", "Europe/London");
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    slack.close();
  }

  @Test
  void aCommandHeldUpPastTheDeadlineIsAcknowledgedThenAnsweredThroughItsResponseUrl() throws Exception {
    FakeSlackWorkspace.Sent sent;
    try (Handle locker = db.jdbi().open()) {
      locker.begin();
      locker.execute("lock table participant in access exclusive mode");
      sent = slack.command("UE1", "me");

      assertThat(sent.statusCode()).isEqualTo(200);
      assertThat(sent.body()).contains("Working on it");
      // the server cannot read this connection again until the work ends: Slack must not reuse it
      assertThat(sent.response().headers().firstValue("connection")).hasValue("close");
      assertThat(slack.callsAfter(sent.after())).noneMatch(c -> c.path().equals("/response/" + sent.id()));
      locker.rollback();
    }
    SlackCall answer = slack.awaitAnswer(sent, Duration.ofSeconds(30));
    assertThat(answer.body()).contains("not in a mentoring program yet").contains("ephemeral");
  }

  /**
   * More requests held up at once than may work on server threads: the extra ones wait on the
   * executor, every one is still acknowledged in time and answered later, and no more than
   * {@code WORKING_HERE} (8) desk calls ever reach the database together.
   */
  @Test
  void moreHeldUpRequestsThanPermitsAreAllAcknowledgedAndAnsweredWithAtMostEightQueriesWaiting() throws Exception {
    int requests = 12;
    for (int i = 0; i < requests; i++) {
      slack.person("UP" + i, "Person " + i, "person" + i + "@example.com", "Europe/London");
    }
    List<FakeSlackWorkspace.Sent> sent = new ArrayList<>();
    ExecutorService senders = Executors.newFixedThreadPool(requests);
    try (Handle locker = db.jdbi().open()) {
      locker.begin();
      locker.execute("lock table participant in access exclusive mode");
      List<Future<FakeSlackWorkspace.Sent>> sending = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        String user = "UP" + i;
        sending.add(senders.submit(() -> slack.command(user, "me")));
      }
      for (Future<FakeSlackWorkspace.Sent> one : sending) {
        sent.add(one.get(30, TimeUnit.SECONDS));
      }

      assertThat(sent).allSatisfy(one -> {
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("Working on it");
      });
      // every request had its 2.5 s to reach the database before it was acknowledged
      assertThat(Poll.until(Duration.ofSeconds(10), () -> waitingOnTheLock() >= 8)).isTrue();
      assertThat(waitingOnTheLock()).as("desk calls waiting on the lock").isEqualTo(8);
      locker.rollback();
    } finally {
      senders.shutdownNow();
    }
    for (FakeSlackWorkspace.Sent one : sent) {
      assertThat(slack.awaitAnswer(one, Duration.ofSeconds(30)).body()).contains("not in a mentoring program yet");
    }
  }

  /** `me` queries from the bot's pool blocked behind the test's table lock. */
  private int waitingOnTheLock() {
    return db.jdbi().withHandle(h -> h.createQuery("""
            select count(*) from pg_stat_activity
            where application_name = 'mentoring-bot' and wait_event_type = 'Lock' and query like '%pt.person_id%'""")
        .mapTo(Integer.class).one());
  }

  @Test
  void aFormHeldUpPastTheDeadlineClosesThenTheAnswerArrivesInTheDirectMessage() throws Exception {
    assertThat(slack.answerTo(slack.command("UADMIN", "program create \"Pilot\" Allyship"), WAIT)).contains("Created");
    assertThat(slack.answerTo(slack.command("UADMIN", "program open Pilot"), WAIT)).contains("open for enrolment");
    long programId = db.jdbi().withHandle(h -> h.createQuery("select id from program").mapTo(Long.class).one());

    FakeSlackWorkspace.Sent submitted;
    try (Handle locker = db.jdbi().open()) {
      locker.begin();
      locker.execute("lock table participant in access exclusive mode");
      submitted = slack.submit("UE1", "join:" + programId, Map.of("role", "mentee", "grade", "8",
          "department", "Finance", "topics_offered", "allyship", "topics_sought", "allyship", "consent", "yes"));

      assertThat(submitted.statusCode()).isEqualTo(200);
      assertThat(submitted.body()).isEmpty(); // the modal closes: nothing to show in it
      locker.rollback();
    }
    SlackCall told = slack.awaitPostTo("UE1", submitted, Duration.ofSeconds(30));
    assertThat(told.decodedBody()).contains("You're in").contains("Pilot");
    int enrolled = db.jdbi().withHandle(h -> h.createQuery("select count(*) from participant").mapTo(Integer.class).one());
    assertThat(enrolled).isEqualTo(1);
  }
}
