package org.rmbot.mentoring.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/** The feedback tables. Package-private: only {@link AnonymousFeedback} and {@link FeedbackResults} use them. */
final class FeedbackStore {
  private static final String COLUMNS =
      """
      id, program_id, purpose, origin, audience, form::text as form, anonymity_threshold, opened_at, closes_at,
      closed_at, released, invited, lost, resent,
      ballots + (select count(*) from feedback_sealed_ballot s where s.campaign_id = feedback_campaign.id) as answered""";

  private final Jdbi jdbi;

  FeedbackStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The new campaign; empty if the schedule already opened this one, or one of its purpose is collecting. */
  Optional<Campaign> insert(long programId, Purpose purpose, String origin, CampaignAudience audience,
      FeedbackForm form, int threshold, Instant openedAt, Instant closesAt) {
    return jdbi.withHandle(h -> h.createQuery(
            """
            insert into feedback_campaign (program_id, purpose, origin, audience, form, anonymity_threshold,
                opened_at, closes_at)
            values (:program, :purpose, :origin, :audience, cast(:form as jsonb), :k, :opened, :closes)
            on conflict do nothing
            returning \s""" + COLUMNS)
        .bind("program", programId)
        .bind("purpose", purpose.code())
        .bind("origin", origin)
        .bind("audience", audience.code())
        .bind("form", form.toJson())
        .bind("k", threshold)
        .bind("opened", openedAt)
        .bind("closes", closesAt)
        .map(FeedbackStore::map)
        .findOne());
  }

  void recordInvited(long campaignId, int invited) {
    jdbi.useHandle(h -> h.createUpdate("update feedback_campaign set invited = :n where id = :id")
        .bind("n", invited).bind("id", campaignId).execute());
  }

  Optional<Campaign> find(long id) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from feedback_campaign where id = :id")
        .bind("id", id).map(FeedbackStore::map).findOne());
  }

  /** Newest first. */
  List<Campaign> ofProgram(long programId) {
    return jdbi.withHandle(h -> h.createQuery(
            "select " + COLUMNS + " from feedback_campaign where program_id = :p order by id desc")
        .bind("p", programId).map(FeedbackStore::map).list());
  }

  /** Campaigns not yet released whose closing time has come or that a coordinator closed. */
  List<Long> dueForRelease(Instant now) {
    return jdbi.withHandle(h -> h.createQuery(
            "select id from feedback_campaign where not released and (closed_at is not null or closes_at <= :now) order by id")
        .bind("now", now).mapTo(Long.class).list());
  }

  List<Long> collectingIds() {
    return jdbi.withHandle(h -> h.createQuery("select id from feedback_campaign where not released order by id")
        .mapTo(Long.class).list());
  }

  boolean hasReceipt(long campaignId, byte[] receipt) {
    return jdbi.withHandle(h -> h.createQuery(
            "select count(*) from feedback_receipt where campaign_id = :c and receipt = :r")
        .bind("c", campaignId).bind("r", receipt).mapTo(Integer.class).one()) > 0;
  }

  void deleteReceipt(long campaignId, byte[] receipt) {
    jdbi.useHandle(h -> h.createUpdate("delete from feedback_receipt where campaign_id = :c and receipt = :r")
        .bind("c", campaignId).bind("r", receipt).execute());
  }

  void markClosed(long campaignId, Instant now) {
    jdbi.useHandle(h -> h.createUpdate(
            "update feedback_campaign set closed_at = coalesce(closed_at, :now) where id = :id and not released")
        .bind("now", now).bind("id", campaignId).execute());
  }

  /** One INSERT for all rows, in the order given: they share one transaction id and one command id. */
  static void insertAll(Handle h, long campaignId, List<Ballot> ballots) {
    StringBuilder sql = new StringBuilder("insert into feedback_response (id, campaign_id, role, answers) values ");
    for (int i = 0; i < ballots.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(cast(:id").append(i).append(" as uuid), :campaign, :role").append(i)
          .append(", cast(:answers").append(i).append(" as jsonb))");
    }
    Update insert = h.createUpdate(sql.toString()).bind("campaign", campaignId);
    for (int i = 0; i < ballots.size(); i++) {
      insert.bind("id" + i, UUID.randomUUID().toString()).bind("role" + i, ballots.get(i).role())
          .bind("answers" + i, ballots.get(i).answersJson());
    }
    insert.execute();
  }

  /** Whether this invitation's token has been used (its answer is in, waiting or mixed). */
  boolean tokenUsed(long campaignId, byte[] tokenHash) {
    return jdbi.withHandle(h -> h.createQuery(
            "select count(*) from feedback_token where campaign_id = :c and token_hash = :t")
        .bind("c", campaignId).bind("t", tokenHash).mapTo(Integer.class).one()) > 0;
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
      // the live mixer's key, held in SHARE so a hand-over or take-over waits for this answer, and this one sees theirs
      var key = h.createQuery("select key_id::text, public_key from feedback_mixer where id = 1 and lease_until > :now for share")
          .bind("now", now).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getBytes(2))).findOne();
      if (key.isEmpty()) {
        return Sealed.NO_MIXER;
      }
      boolean open = h.createQuery(
              """
              select not released and closed_at is null and closes_at > :now from feedback_campaign
              where id = :id for key share""")
          .bind("now", now).bind("id", campaignId).mapTo(Boolean.class).findOne().orElse(false);
      if (!open) {
        return Sealed.CLOSED;
      }
      int fresh = h.createUpdate("insert into feedback_token (campaign_id, token_hash) values (:c, :t) on conflict do nothing")
          .bind("c", campaignId).bind("t", tokenHash).execute();
      if (fresh == 0) {
        return Sealed.ALREADY_ANSWERED;
      }
      h.createUpdate(
              """
              insert into feedback_sealed_ballot (id, campaign_id, key_id, token_hash, sealed)
              values (cast(:id as uuid), :c, cast(:k as uuid), :t, :s)""")
          .bind("id", UUID.randomUUID().toString()).bind("c", campaignId).bind("k", key.get().getKey())
          .bind("t", tokenHash).bind("s", sealTo.apply(key.get().getValue())).execute();
      return Sealed.ADDED;
    });
  }

  void countResent(long campaignId) {
    jdbi.useHandle(h -> h.createUpdate("update feedback_campaign set resent = resent + 1 where id = :id")
        .bind("id", campaignId).execute());
  }

  /** Campaigns opened before ballot tokens that still collect and whose audience has not had a token invitation. */
  List<Long> legacyCollecting() {
    return jdbi.withHandle(h -> h.createQuery("select id from feedback_campaign where design = 1 and not released order by id")
        .mapTo(Long.class).list());
  }

  void markUpgraded(long campaignId) {
    jdbi.useHandle(h -> h.createUpdate("update feedback_campaign set design = 2 where id = :id")
        .bind("id", campaignId).execute());
  }

  /** The released answers, in random order. */
  List<Ballot> responses(long campaignId) {
    List<Ballot> rows = new ArrayList<>(jdbi.withHandle(h -> h.createQuery(
            "select role, answers::text as answers from feedback_response where campaign_id = :c")
        .bind("c", campaignId)
        .map((rs, ctx) -> new Ballot(rs.getString("role"), Ballot.answersFromJson(rs.getString("answers"))))
        .list()));
    return BallotBox.shuffled(rows);
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
      h.execute("vacuum feedback_campaign");
      h.execute("vacuum feedback_receipt");
      h.execute("vacuum feedback_sealed_ballot");
      h.execute("vacuum feedback_token");
    });
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Campaign map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Campaign(
        rs.getLong("id"),
        rs.getLong("program_id"),
        Purpose.fromCode(rs.getString("purpose")),
        rs.getString("origin"),
        CampaignAudience.fromCode(rs.getString("audience")),
        FeedbackForm.fromJson(rs.getString("form")),
        rs.getInt("anonymity_threshold"),
        instant(rs, "opened_at"),
        instant(rs, "closes_at"),
        instant(rs, "closed_at"),
        rs.getBoolean("released"),
        rs.getInt("answered"),
        rs.getInt("invited"),
        rs.getInt("lost"),
        rs.getInt("resent"));
  }
}
