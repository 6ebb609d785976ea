package org.rmbot.mentoring.feedback;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.privacy.SealedBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one instance (by lease) that holds the private half of the key answers are sealed to
 * ({@link MixerKey}), and so the only one that can read them before they are mixed.
 *
 * <ul>
 *   <li><b>Flush</b>, at fixed times (every hour on the hour, whatever was answered when): for
 *       each role with at least 2k waiting answers, all but k of them, chosen at random, go into
 *       the campaign's ballot box (sealed with the server secret, shuffled), in one transaction
 *       that also deletes their sealed rows. So every group that becomes readable to someone
 *       with the server secret has at least k answers of one role, and k always wait for the
 *       next group: the last one, at close, has at least k too.
 *   <li><b>Release</b>, once the campaign has closed: the box and what still waits are written
 *       out as before (one INSERT, shuffled, random ids, the role only if every role reached k;
 *       nothing below k), and the used tokens are deleted.
 *   <li><b>Lost key</b>: when this instance takes the lease from a mixer that is gone, the
 *       answers sealed to the old key can never be opened: they are deleted with their used
 *       tokens (so those invitations' buttons work again) and counted on the campaign.
 * </ul>
 */
final class BallotMixer {
  private static final Logger LOG = LoggerFactory.getLogger(BallotMixer.class);
  static final Duration LEASE = Duration.ofMinutes(2);
  static final ChronoUnit FLUSH_EVERY = ChronoUnit.HOURS;

  /** A waiting answer, opened. */
  record Waiting(UUID id, Ballot ballot) {}

  /** What a release did, for the audit log. */
  record Released(int written, int lost, boolean tooFew) {}

  private final Jdbi jdbi;
  private final SealedBox box;
  private final Clock clock;
  private final String holder = "mixer-" + UUID.randomUUID();
  private volatile MixerKey key;
  /** The key this instance offers, while another is the mixer, for a clean hand-over. */
  private volatile MixerKey candidate = MixerKey.generate();

  BallotMixer(Jdbi jdbi, SealedBox box, Clock clock) {
    this.jdbi = jdbi;
    this.box = box;
    this.clock = clock;
  }

  /** Renews this instance's lease, or takes it if it has run out; true if this instance is the mixer now. */
  synchronized boolean lead() {
    Instant now = clock.instant();
    boolean leading = jdbi.inTransaction(h -> {
      h.createUpdate(
              """
              insert into feedback_mixer (id, key_id, public_key, holder, lease_until)
              values (1, cast(:k as uuid), '\\x'::bytea, '', '-infinity') on conflict do nothing""")
          .bind("k", UUID.randomUUID().toString()).execute();
      var row = h.createQuery("select key_id::text, lease_until from feedback_mixer where id = 1 for update")
          .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant())).one();
      if (key == null && candidate.id().toString().equals(row.getKey())) {
        // the mixer stopped and handed its lease, and what waited, over to this instance's key
        key = candidate;
        candidate = MixerKey.generate();
        h.createUpdate("delete from feedback_mixer_candidate where holder = :h").bind("h", holder).execute();
      }
      if (key != null && key.id().toString().equals(row.getKey())) {
        h.createUpdate("update feedback_mixer set lease_until = :until where id = 1")
            .bind("until", now.plus(LEASE)).execute();
        return true;
      }
      if (row.getValue().isAfter(now)) {
        key = null;
        h.createUpdate(
                """
                insert into feedback_mixer_candidate (holder, key_id, public_key, seen_until)
                values (:h, cast(:k as uuid), :p, :until)
                on conflict (holder) do update set key_id = excluded.key_id, public_key = excluded.public_key,
                    seen_until = excluded.seen_until""")
            .bind("h", holder).bind("k", candidate.id().toString()).bind("p", candidate.publicKey())
            .bind("until", now.plus(LEASE)).execute();
        h.createUpdate("delete from feedback_mixer_candidate where seen_until < :gone").bind("gone", now.minus(Duration.ofDays(1)))
            .execute();
        return false;
      }
      MixerKey fresh = MixerKey.generate();
      h.createUpdate(
              """
              update feedback_mixer set key_id = cast(:k as uuid), public_key = :p, holder = :h, lease_until = :until
              where id = 1""")
          .bind("k", fresh.id().toString()).bind("p", fresh.publicKey()).bind("h", holder)
          .bind("until", now.plus(LEASE)).execute();
      key = fresh;
      return true;
    });
    if (leading) {
      forgetLost();
    }
    return leading;
  }

  /**
   * A clean stop. If another instance has offered its key lately, what waits is opened and
   * sealed again to that key, and the lease goes to it, in one transaction: nothing is lost.
   * Otherwise the lease is given up (what waits is lost when another mixer starts). True if
   * handed over.
   */
  synchronized boolean resign() {
    MixerKey mine = key;
    key = null;
    if (mine == null) {
      return false;
    }
    Instant now = clock.instant();
    return jdbi.inTransaction(h -> {
      h.createQuery("select 1 from feedback_mixer where id = 1 for update").mapTo(Integer.class).findOne();
      var next = h.createQuery(
              """
              select holder, key_id::text, public_key from feedback_mixer_candidate
              where holder <> :me and seen_until > :now order by seen_until desc limit 1 for update""")
          .bind("me", holder).bind("now", now)
          .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3)}).findOne();
      if (next.isEmpty()) {
        h.createUpdate("update feedback_mixer set lease_until = '-infinity' where key_id = cast(:k as uuid)")
            .bind("k", mine.id().toString()).execute();
        return false;
      }
      byte[] successor = (byte[]) next.get()[2];
      List<Map.Entry<String, Map.Entry<Long, byte[]>>> rows = new ArrayList<>();
      h.createQuery("select id::text, campaign_id, sealed from feedback_sealed_ballot where key_id = cast(:k as uuid)")
          .bind("k", mine.id().toString())
          .map((rs, ctx) -> Map.entry(rs.getString(1), Map.entry(rs.getLong(2), rs.getBytes(3))))
          .forEach(rows::add);
      for (var row : rows) {
        String context = BallotBox.context(row.getValue().getKey());
        String plain;
        try {
          plain = mine.open(row.getValue().getValue(), context);
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("a sealed ballot does not open with the mixer's key", e);
        }
        h.createUpdate("update feedback_sealed_ballot set key_id = cast(:k as uuid), sealed = :s where id = cast(:id as uuid)")
            .bind("k", (String) next.get()[1]).bind("s", MixerKey.seal(successor, plain, context)).bind("id", row.getKey())
            .execute();
      }
      h.createUpdate(
              """
              update feedback_mixer set key_id = cast(:k as uuid), public_key = :p, holder = :h, lease_until = :until
              where id = 1""")
          .bind("k", (String) next.get()[1]).bind("p", successor).bind("h", (String) next.get()[0])
          .bind("until", now.plus(LEASE)).execute();
      LOG.info("feedback mixer handed over, with {} waiting answers", rows.size());
      return true;
    });
  }

  /** Campaigns that collect and whose fixed flush time has come since they last flushed (or opened). */
  List<Long> dueForFlush() {
    Instant boundary = clock.instant().truncatedTo(FLUSH_EVERY);
    return jdbi.withHandle(h -> h.createQuery(
            """
            select id from feedback_campaign
            where not released and closed_at is null and closes_at > :now
              and coalesce(flushed_at, opened_at) < :boundary order by id""")
        .bind("now", clock.instant()).bind("boundary", boundary).mapTo(Long.class).list());
  }

  /** Moves groups of at least k answers per role into the box (see the class comment); how many moved. */
  int flush(Campaign campaign) {
    MixerKey mine = key;
    if (mine == null) {
      return 0;
    }
    int k = campaign.threshold();
    return jdbi.inTransaction(h -> {
      if (!holdsCampaign(h, campaign.id(), mine) || released(h, campaign.id())) {
        return 0;
      }
      Map<String, List<Waiting>> byRole = new LinkedHashMap<>();
      for (Waiting w : waiting(h, campaign.id(), mine)) {
        byRole.computeIfAbsent(String.valueOf(w.ballot().role()), r -> new ArrayList<>()).add(w);
      }
      List<Waiting> moving = new ArrayList<>();
      byRole.values().forEach(group -> {
        if (group.size() >= 2 * k) {
          moving.addAll(BallotBox.shuffled(group).subList(0, group.size() - k));
        }
      });
      Instant now = clock.instant();
      if (moving.isEmpty()) {
        h.createUpdate("update feedback_campaign set flushed_at = :now where id = :id")
            .bind("now", now).bind("id", campaign.id()).execute();
        return 0;
      }
      List<Ballot> inBox = BallotBox.open(box, campaign.id(), boxOf(h, campaign.id()));
      moving.forEach(w -> inBox.add(w.ballot()));
      h.createUpdate("update feedback_campaign set ballot_box = :box, ballots = :n, flushed_at = :now where id = :id")
          .bind("box", BallotBox.seal(box, campaign.id(), inBox, BallotBox.recordSize(campaign.form())))
          .bind("n", inBox.size()).bind("now", now).bind("id", campaign.id()).execute();
      h.createUpdate("delete from feedback_sealed_ballot where id = any(cast(:ids as uuid[]))")
          .bind("ids", moving.stream().map(w -> w.id().toString()).toArray(String[]::new)).execute();
      return moving.size();
    });
  }

  /**
   * Writes out a closed campaign's answers (the box and what still waits) and deletes its used
   * tokens and receipts; empty if this instance is not the mixer or it was released already.
   */
  Optional<Released> release(Campaign campaign) {
    MixerKey mine = key;
    if (mine == null) {
      return Optional.empty();
    }
    int k = campaign.threshold();
    return jdbi.inTransaction(h -> {
      if (!holdsCampaign(h, campaign.id(), mine) || released(h, campaign.id())) {
        return Optional.empty();
      }
      List<Ballot> inBox = BallotBox.open(box, campaign.id(), boxOf(h, campaign.id()));
      List<Ballot> pending = waiting(h, campaign.id(), mine).stream().map(Waiting::ballot).toList();
      List<Ballot> all = new ArrayList<>(inBox);
      all.addAll(pending);
      int lost = 0;
      if (!inBox.isEmpty() && !safeLastGroup(pending, k, rolesSafe(all, k))) {
        // only after a lost key: a last group this small would be readable as a group below k
        lost = pending.size();
        all = new ArrayList<>(inBox);
      }
      boolean tooFew = all.size() < k;
      List<Ballot> out = tooFew ? List.of() : rolesSafe(all, k) ? all : all.stream().map(Ballot::withoutRole).toList();
      if (!out.isEmpty()) {
        FeedbackStore.insertAll(h, campaign.id(), BallotBox.shuffled(out));
      }
      Instant now = clock.instant();
      h.createUpdate(
              """
              update feedback_campaign set released = true, ballot_box = null, ballots = :n, lost = lost + :lost,
                  closed_at = coalesce(closed_at, :now)
              where id = :id""")
          .bind("n", all.size()).bind("lost", lost).bind("now", now).bind("id", campaign.id()).execute();
      for (String table : List.of("feedback_sealed_ballot", "feedback_token", "feedback_receipt")) {
        h.createUpdate("delete from " + table + " where campaign_id = :id").bind("id", campaign.id()).execute();
      }
      return Optional.of(new Released(out.size(), lost, tooFew));
    });
  }

  /**
   * The waiting answers, written out last, make a group of at least k, and of at least k per role
   * when roles are kept: the box before them is known to anyone with the server secret, so they
   * are readable as a group of their own.
   */
  private static boolean safeLastGroup(List<Ballot> pending, int k, boolean rolesKept) {
    return pending.isEmpty() || pending.size() >= k && (!rolesKept || perRole(pending).values().stream().allMatch(n -> n >= k));
  }

  /** The role can stay on every ballot only if every role group has at least k. */
  private static boolean rolesSafe(List<Ballot> ballots, int k) {
    Map<String, Integer> perRole = perRole(ballots);
    return perRole.values().stream().allMatch(n -> n >= k) && !perRole.containsKey("null");
  }

  private static Map<String, Integer> perRole(List<Ballot> ballots) {
    Map<String, Integer> perRole = new LinkedHashMap<>();
    ballots.forEach(b -> perRole.merge(String.valueOf(b.role()), 1, Integer::sum));
    return perRole;
  }

  /**
   * Answers sealed to a key other than the live one can never be opened (their mixer is gone):
   * deletes them and their used tokens, so those invitations work again, and counts them.
   */
  private void forgetLost() {
    MixerKey mine = key;
    if (mine == null) {
      return;
    }
    Map<Long, Integer> lost = jdbi.inTransaction(h -> {
      Map<Long, Integer> perCampaign = new LinkedHashMap<>();
      h.createQuery(
              """
              with gone as (delete from feedback_sealed_ballot where key_id <> cast(:k as uuid)
                            returning campaign_id, token_hash),
                   freed as (delete from feedback_token t using gone
                             where t.campaign_id = gone.campaign_id and t.token_hash = gone.token_hash)
              select campaign_id, count(*) from gone group by campaign_id""")
          .bind("k", mine.id().toString())
          .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getInt(2)))
          .forEach(e -> perCampaign.put(e.getKey(), e.getValue()));
      perCampaign.forEach((campaign, n) -> h.createUpdate("update feedback_campaign set lost = lost + :n where id = :id")
          .bind("n", n).bind("id", campaign).execute());
      return perCampaign;
    });
    lost.forEach((campaign, n) -> LOG.warn("feedback campaign {}: {} answers were sealed to a mixer key that is gone"
        + " (a restart); their invitations work again", campaign, n));
  }

  /** Still the mixer (the lease row names this key), holding the campaign's row for the rest of the transaction. */
  private static boolean holdsCampaign(Handle h, long campaignId, MixerKey mine) {
    boolean holding = h.createQuery("select 1 from feedback_mixer where id = 1 and key_id = cast(:k as uuid) for share")
        .bind("k", mine.id().toString()).mapTo(Integer.class).findOne().isPresent();
    return holding && h.createQuery("select 1 from feedback_campaign where id = :id for update")
        .bind("id", campaignId).mapTo(Integer.class).findOne().isPresent();
  }

  private static boolean released(Handle h, long campaignId) {
    return h.createQuery("select released from feedback_campaign where id = :id").bind("id", campaignId)
        .mapTo(Boolean.class).one();
  }

  private static byte[] boxOf(Handle h, long campaignId) {
    return h.createQuery("select ballot_box from feedback_campaign where id = :id").bind("id", campaignId)
        .mapTo(byte[].class).findOne().orElse(null);
  }

  private static List<Waiting> waiting(Handle h, long campaignId, MixerKey mine) {
    List<Waiting> out = new ArrayList<>();
    h.createQuery("select id::text, sealed from feedback_sealed_ballot where campaign_id = :c and key_id = cast(:k as uuid)")
        .bind("c", campaignId).bind("k", mine.id().toString())
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getBytes(2)))
        .forEach(row -> {
          try {
            String plain = mine.open(row.getValue(), BallotBox.context(campaignId));
            out.add(new Waiting(UUID.fromString(row.getKey()), Ballot.fromJson(plain.strip())));
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed ballot does not open with the mixer's key", e);
          }
        });
    return out;
  }
}
