package org.rmbot.mentoring.feedback;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.rmbot.mentoring.privacy.SealedBox;

/**
 * The mixed answers of an open campaign as one value sealed with the server secret. The mixer
 * adds a group of at least k answers at a time ({@link BallotMixer}), shuffles, and seals it
 * again with a fresh nonce, so no answer has a row (no row order, ctid or xmin) of its own.
 * Every ballot is padded to the same size, so the box grows by the same amount whatever was
 * written.
 */
final class BallotBox {
  private static final SecureRandom RANDOM = new SecureRandom();

  private BallotBox() {}

  /**
   * Bytes each padded ballot takes for this form: room for the largest possible answers (text
   * is stripped of control characters before it gets here, so a character takes at most three
   * bytes in the JSON).
   */
  static int recordSize(FeedbackForm form) {
    int size = 64;
    for (Question q : form.questions()) {
      size += q.id().length() + 16;
      if (q instanceof Question.Text t) {
        size += 3 * t.maxLength();
      }
    }
    return size;
  }

  static String context(long campaignId) {
    return "feedback-box/campaign:" + campaignId;
  }

  static List<Ballot> open(SealedBox box, long campaignId, byte[] sealed) {
    List<Ballot> ballots = new ArrayList<>();
    if (sealed == null) {
      return ballots;
    }
    for (String record : box.open(sealed, context(campaignId)).split("\n")) {
      if (!record.isBlank()) {
        ballots.add(Ballot.fromJson(record.strip()));
      }
    }
    return ballots;
  }

  /** Shuffles the ballots and seals them, each padded to {@code recordSize} bytes. */
  static byte[] seal(SealedBox box, long campaignId, List<Ballot> ballots, int recordSize) {
    List<Ballot> shuffled = new ArrayList<>(ballots);
    Collections.shuffle(shuffled, RANDOM);
    StringBuilder plain = new StringBuilder(shuffled.size() * (recordSize + 1));
    for (Ballot ballot : shuffled) {
      plain.append(padded(ballot, recordSize)).append('\n');
    }
    return box.seal(plain.toString(), context(campaignId));
  }

  /** One ballot as JSON padded with spaces to {@code recordSize} bytes, so its size says nothing about its answers. */
  static String padded(Ballot ballot, int recordSize) {
    String json = ballot.toJson();
    int bytes = json.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > recordSize) {
      throw new IllegalStateException("a ballot is larger than its record (" + bytes + " > " + recordSize + " bytes)");
    }
    return json + " ".repeat(recordSize - bytes);
  }

  static <T> List<T> shuffled(List<T> items) {
    List<T> copy = new ArrayList<>(items);
    Collections.shuffle(copy, RANDOM);
    return copy;
  }
}
