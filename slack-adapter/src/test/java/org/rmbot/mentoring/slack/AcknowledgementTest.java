package org.rmbot.mentoring.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** An acknowledgement goes out once: the answer if claimed in time, else the interim one at the deadline. */
class AcknowledgementTest {
  private final List<Response> sent = new ArrayList<>();
  private final Acknowledgement ack = new Acknowledgement(System.nanoTime(), sent::add);
  private final Response interim = Response.ok("working on it");

  @Test
  void anAnswerClaimedBeforeTheDeadlineIsTheOnlyOneSent() {
    ack.arm(Duration.ofSeconds(2), () -> interim);

    assertThat(ack.claim()).isTrue();
    assertThat(ack.claim()).as("claiming again, as the servlet does after the handler").isTrue();
    ack.expireIfDue(System.nanoTime() + Duration.ofSeconds(3).toNanos());
    assertThat(sent).isEmpty();
  }

  @Test
  void atTheDeadlineTheInterimAnswerGoesOutOnceAndTheLateAnswerCannotClaim() {
    ack.arm(Duration.ofSeconds(2), () -> interim);

    ack.expireIfDue(System.nanoTime());
    assertThat(sent).as("not due yet").isEmpty();
    long afterDeadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    ack.expireIfDue(afterDeadline);
    ack.expireIfDue(afterDeadline);
    assertThat(sent).containsExactly(interim);
    assertThat(ack.claim()).isFalse();
  }

  @Test
  void theBudgetCountsFromTheRequestsArrivalNotFromWhenTheHandlerArmedIt() {
    Acknowledgement queuedLong = new Acknowledgement(System.nanoTime() - Duration.ofSeconds(3).toNanos(), sent::add);
    queuedLong.arm(Duration.ofSeconds(2), () -> interim);

    queuedLong.expireIfDue(System.nanoTime());
    assertThat(sent).containsExactly(interim);
  }

  @Test
  void anInterimAnswerThatCannotBeBuiltStillAcknowledges() {
    ack.arm(Duration.ofSeconds(2), () -> {
      throw new IllegalStateException("rendering failed");
    });

    ack.expireIfDue(System.nanoTime() + Duration.ofSeconds(3).toNanos());
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getStatusCode()).isEqualTo(200);
    assertThat(ack.claim()).isFalse();
  }

  @Test
  void anUnarmedAcknowledgementNeverExpires() {
    ack.expireIfDue(System.nanoTime() + Duration.ofDays(1).toNanos());
    ack.expireIfDue(Long.MIN_VALUE);
    ack.expireIfDue(Long.MAX_VALUE);

    assertThat(sent).isEmpty();
    assertThat(ack.claim()).isTrue();
  }

  @Test
  void onlyTheThreadServingTheRequestSeesIt() throws Exception {
    assertThat(Acknowledgement.onThisThread()).isEmpty();
    try (Acknowledgement.Scope serving = ack.serveOnThisThread()) {
      assertThat(Acknowledgement.onThisThread()).containsSame(ack);
      AtomicReference<Optional<Acknowledgement>> seenElsewhere = new AtomicReference<>();
      Thread other = new Thread(() -> seenElsewhere.set(Acknowledgement.onThisThread()));
      other.start();
      other.join();
      assertThat(seenElsewhere.get()).isEmpty();
    }
    assertThat(Acknowledgement.onThisThread()).isEmpty();
  }
}
