package org.rmbot.mentoring.feedback;

import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one answer, sealed to the mixer's key, on a thread of its own: the thread that handles
 * the person's request stays read-only ({@code ReadOnlyScope}), so the only write a submission
 * causes is this one (the sealed answer and its used token), and the person is thanked only
 * once it is committed.
 */
final class BallotWriter {
  private static final Logger LOG = LoggerFactory.getLogger(BallotWriter.class);
  private static final long WAIT_SECONDS = 20;

  enum Outcome {
    SAVED,
    ALREADY_ANSWERED,
    CLOSED,
    NOT_SAVED
  }

  private final FeedbackStore store;
  private final BallotMixer mixer;
  private final Clock clock;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "ballot-writer");
    t.setDaemon(true);
    return t;
  });

  BallotWriter(FeedbackStore store, BallotMixer mixer, Clock clock) {
    this.store = store;
    this.mixer = mixer;
    this.clock = clock;
  }

  Outcome write(Campaign campaign, BallotToken token, Ballot ballot) {
    String plain = BallotBox.padded(ballot, BallotBox.recordSize(campaign.form()));
    var done = thread.submit(() -> {
      String context = BallotBox.context(campaign.id());
      FeedbackStore.Sealed written = store.insertSealed(campaign.id(), token.hash(),
          key -> MixerKey.seal(key, plain, context), clock.instant());
      if (written == FeedbackStore.Sealed.NO_MIXER && mixer.lead()) {
        // no live mixer: this instance has just become it
        written = store.insertSealed(campaign.id(), token.hash(), key -> MixerKey.seal(key, plain, context), clock.instant());
      }
      return switch (written) {
        case ADDED -> Outcome.SAVED;
        case ALREADY_ANSWERED -> Outcome.ALREADY_ANSWERED;
        case CLOSED -> Outcome.CLOSED;
        case NO_MIXER -> Outcome.NOT_SAVED;
      };
    });
    try {
      return done.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.NOT_SAVED;
    } catch (ExecutionException | TimeoutException e) {
      // a write still running after the wait may yet commit: then the token is used, and the button says so
      LOG.warn("feedback campaign {}: an answer could not be written ({})", campaign.id(),
          e instanceof ExecutionException ? e.getCause().getClass().getSimpleName() : "timeout");
      return Outcome.NOT_SAVED;
    }
  }
}
