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
  private final BallotMixerSql sql;
  private final SealedBox box;
  private final Clock clock;
  private final String holder = "mixer-" + UUID.randomUUID();
  private volatile MixerKey key;
  /** The key this instance offers, while another is the mixer, for a clean hand-over. */
  private volatile MixerKey candidate = MixerKey.generate();

  BallotMixer(Jdbi jdbi, SealedBox box, Clock clock) {
    this.jdbi = jdbi;
    this.sql = jdbi.onDemand(BallotMixerSql.class);
    this.box = box;
    this.clock = clock;
  }

  /** Renews this instance's lease, or takes it if it has run out; true if this instance is the mixer now. */
  synchronized boolean lead() {
    Instant now = clock.instant();
    boolean leading = jdbi.inTransaction(h -> {
      BallotMixerSql tx = h.attach(BallotMixerSql.class);
      tx.insertLease(UUID.randomUUID().toString());
      BallotMixerSql.Lease row = tx.lockLease().one();
      if (key == null && candidate.id().toString().equals(row.keyId())) {
        // the mixer stopped and handed its lease, and what waited, over to this instance's key
        key = candidate;
        candidate = MixerKey.generate();
        tx.deleteCandidate(holder);
      }
      if (key != null && key.id().toString().equals(row.keyId())) {
        tx.renewLease(now.plus(LEASE));
        return true;
      }
      if (row.until().isAfter(now)) {
        key = null;
        tx.offerCandidate(holder, candidate.id().toString(), candidate.publicKey(), now.plus(LEASE));
        tx.deleteCandidatesSeenBefore(now.minus(Duration.ofDays(1)));
        return false;
      }
      MixerKey fresh = MixerKey.generate();
      tx.takeLease(fresh.id().toString(), fresh.publicKey(), holder, now.plus(LEASE));
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
      BallotMixerSql tx = h.attach(BallotMixerSql.class);
      tx.lockLeaseRow();
      Optional<BallotMixerSql.Candidate> next = tx.lockSuccessor(holder, now);
      if (next.isEmpty()) {
        tx.giveUpLease(mine.id().toString());
        return false;
      }
      byte[] successor = next.get().publicKey();
      List<BallotMixerSql.SealedToKey> rows = tx.sealedTo(mine.id().toString());
      for (var row : rows) {
        String context = BallotBox.context(row.campaignId());
        String plain;
        try {
          plain = mine.open(row.sealed(), context);
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("a sealed ballot does not open with the mixer's key", e);
        }
        tx.reseal(next.get().keyId(), MixerKey.seal(successor, plain, context), row.id());
      }
      tx.takeLease(next.get().keyId(), successor, next.get().holder(), now.plus(LEASE));
      LOG.info("feedback mixer handed over, with {} waiting answers", rows.size());
      return true;
    });
  }

  /** Campaigns that collect and whose fixed flush time has come since they last flushed (or opened). */
  List<Long> dueForFlush() {
    Instant boundary = clock.instant().truncatedTo(FLUSH_EVERY);
    return sql.dueForFlush(clock.instant(), boundary);
  }

  /** Moves groups of at least k answers per role into the box (see the class comment); how many moved. */
  int flush(Campaign campaign) {
    MixerKey mine = key;
    if (mine == null) {
      return 0;
    }
    int k = campaign.threshold();
    return jdbi.inTransaction(h -> {
      BallotMixerSql tx = h.attach(BallotMixerSql.class);
      if (!holdsCampaign(tx, campaign.id(), mine) || tx.released(campaign.id())) {
        return 0;
      }
      Map<String, List<Waiting>> byRole = new LinkedHashMap<>();
      for (Waiting w : waiting(tx, campaign.id(), mine)) {
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
        tx.markFlushed(now, campaign.id());
        return 0;
      }
      List<Ballot> inBox = BallotBox.open(box, campaign.id(), tx.box(campaign.id()).orElse(null));
      moving.forEach(w -> inBox.add(w.ballot()));
      tx.storeBox(BallotBox.seal(box, campaign.id(), inBox, BallotBox.recordSize(campaign.form())), inBox.size(), now,
          campaign.id());
      tx.deleteSealed(moving.stream().map(w -> w.id().toString()).toArray(String[]::new));
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
      BallotMixerSql tx = h.attach(BallotMixerSql.class);
      if (!holdsCampaign(tx, campaign.id(), mine) || tx.released(campaign.id())) {
        return Optional.empty();
      }
      List<Ballot> inBox = BallotBox.open(box, campaign.id(), tx.box(campaign.id()).orElse(null));
      List<Ballot> pending = waiting(tx, campaign.id(), mine).stream().map(Waiting::ballot).toList();
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
      tx.markReleased(all.size(), lost, now, campaign.id());
      for (String table : List.of("feedback_sealed_ballot", "feedback_token", "feedback_receipt")) {
        tx.deleteOfCampaign(table, campaign.id());
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
      BallotMixerSql tx = h.attach(BallotMixerSql.class);
      Map<Long, Integer> perCampaign = new LinkedHashMap<>();
      tx.deleteSealedToOtherKeys(mine.id().toString()).forEach(e -> perCampaign.put(e.campaignId(), e.answers()));
      perCampaign.forEach((campaign, n) -> tx.countLost(n, campaign));
      return perCampaign;
    });
    lost.forEach((campaign, n) -> LOG.warn("feedback campaign {}: {} answers were sealed to a mixer key that is gone"
        + " (a restart); their invitations work again", campaign, n));
  }

  /** Still the mixer (the lease row names this key), holding the campaign's row for the rest of the transaction. */
  private static boolean holdsCampaign(BallotMixerSql tx, long campaignId, MixerKey mine) {
    boolean holding = tx.shareLeaseOf(mine.id().toString()).isPresent();
    return holding && tx.lockCampaign(campaignId).isPresent();
  }

  private static List<Waiting> waiting(BallotMixerSql tx, long campaignId, MixerKey mine) {
    List<Waiting> out = new ArrayList<>();
    for (BallotMixerSql.SealedAnswer row : tx.waiting(campaignId, mine.id().toString())) {
      try {
        String plain = mine.open(row.sealed(), BallotBox.context(campaignId));
        out.add(new Waiting(UUID.fromString(row.id()), Ballot.fromJson(plain.strip())));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("a sealed ballot does not open with the mixer's key", e);
      }
    }
    return out;
  }
}
