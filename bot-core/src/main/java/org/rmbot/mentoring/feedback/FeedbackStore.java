package org.rmbot.mentoring.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The feedback tables, through {@link FeedbackStoreSql}. Package-private: only {@link AnonymousFeedback}, its
 * {@link BallotWriter} and {@link BallotMixer} use them.
 */
final class FeedbackStore {
  private final Jdbi jdbi;
  private final FeedbackStoreSql sql;

  FeedbackStore(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.sql = jdbi.onDemand(FeedbackStoreSql.class);
  }

  /** The new campaign; empty if the schedule already opened this one, or one of its purpose is collecting. */
  Optional<Campaign> insert(long programId, Purpose purpose, String origin, CampaignAudience audience,
      FeedbackForm form, int threshold, Instant openedAt, Instant closesAt) {
    return sql.insert(programId, purpose.code(), origin, audience.code(), form.toJson(), threshold, openedAt, closesAt);
  }

  void recordInvited(long campaignId, int invited) {
    sql.recordInvited(invited, campaignId);
  }

  Optional<Campaign> find(long id) {
    return sql.find(id);
  }

  /** Newest first. */
  List<Campaign> ofProgram(long programId) {
    return sql.ofProgram(programId);
  }

  /** Campaigns not yet released whose closing time has come or that a coordinator closed. */
  List<Long> dueForRelease(Instant now) {
    return sql.dueForRelease(now);
  }

  List<Long> collectingIds() {
    return sql.collectingIds();
  }

  boolean hasReceipt(long campaignId, byte[] receipt) {
    return sql.receipts(campaignId, receipt) > 0;
  }

  void deleteReceipt(long campaignId, byte[] receipt) {
    sql.deleteReceipt(campaignId, receipt);
  }

  void markClosed(long campaignId, Instant now) {
    sql.markClosed(now, campaignId);
  }

  /** One INSERT for all rows, in the order given: they share one transaction id and one command id. */
  static void insertAll(Handle h, long campaignId, List<Ballot> ballots) {
    h.attach(FeedbackStoreSql.class).insertResponses(campaignId, ballots);
  }

  /** Whether this invitation's token has been used (its answer is in, waiting or mixed). */
  boolean tokenUsed(long campaignId, byte[] tokenHash) {
    return sql.usedTokens(campaignId, tokenHash) > 0;
  }

  enum Sealed {
    ADDED,
    ALREADY_ANSWERED,
    CLOSED,
    NO_MIXER
  }

  /**
   * The only write of an answer: in one transaction, holding the campaign's row in KEY SHARE (so
   * a release waits for it, and it sees a release that committed first), records the used token
   * and the sealed answer. Nothing else, no time.
   */
  Sealed insertSealed(long campaignId, byte[] tokenHash, java.util.function.Function<byte[], byte[]> sealTo, Instant now) {
    return jdbi.inTransaction(h -> {
      FeedbackStoreSql tx = h.attach(FeedbackStoreSql.class);
      // the live mixer's key, held in SHARE so a hand-over or take-over waits for this answer, and this one sees theirs
      Optional<FeedbackStoreSql.LiveKey> key = tx.liveKey(now);
      if (key.isEmpty()) {
        return Sealed.NO_MIXER;
      }
      boolean open = tx.collecting(now, campaignId).orElse(false);
      if (!open) {
        return Sealed.CLOSED;
      }
      int fresh = tx.insertToken(campaignId, tokenHash);
      if (fresh == 0) {
        return Sealed.ALREADY_ANSWERED;
      }
      tx.insertSealed(UUID.randomUUID().toString(), campaignId, key.get().id(), tokenHash,
          sealTo.apply(key.get().publicKey()));
      return Sealed.ADDED;
    });
  }

  void countResent(long campaignId) {
    sql.countResent(campaignId);
  }

  /** Campaigns opened before ballot tokens that still collect and whose audience has not had a token invitation. */
  List<Long> legacyCollecting() {
    return sql.legacyCollecting();
  }

  void markUpgraded(long campaignId) {
    sql.markUpgraded(campaignId);
  }

  /** The released answers, in random order. */
  List<Ballot> responses(long campaignId) {
    return BallotBox.shuffled(new ArrayList<>(sql.responses(campaignId)));
  }

  /**
   * Clears out the dead row versions the box and the receipts left behind (best effort: VACUUM
   * cannot run inside a transaction, and then autovacuum does it later).
   */
  void vacuum() {
    jdbi.useHandle(h -> {
      if (h.isInTransaction()) {
        return;
      }
      FeedbackStoreSql here = h.attach(FeedbackStoreSql.class);
      for (String table : List.of("feedback_campaign", "feedback_receipt", "feedback_sealed_ballot", "feedback_token")) {
        here.vacuum(table);
      }
    });
  }
}
