package org.rmbot.mentoring.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/**
 * The statements of {@link BallotMixer}: the lease and its key, the candidates for a hand-over,
 * the waiting answers and the ballot box. All but {@link #dueForFlush} run on the handle of the
 * mixer's transaction.
 */
interface BallotMixerSql {

  // The lease

  /** Who holds the lease (by key) and until when. */
  record Lease(String keyId, Instant until) {}

  /** Another instance's key, offered for a hand-over. */
  record Candidate(String holder, String keyId, byte[] publicKey) {}

  @SqlUpdate("""
      insert into feedback_mixer (id, key_id, public_key, holder, lease_until)
      values (1, cast(:k as uuid), '\\x'::bytea, '', '-infinity') on conflict do nothing""")
  void insertLease(@Bind("k") String keyId);

  /** A result to take {@code one()} of: the row is there (inserted above if it was not). */
  @SqlQuery("select key_id::text, lease_until from feedback_mixer where id = 1 for update")
  @UseRowMapper(LeaseMapper.class)
  ResultIterable<Lease> lockLease();

  @SqlQuery("select 1 from feedback_mixer where id = 1 for update")
  Optional<Integer> lockLeaseRow();

  @SqlUpdate("update feedback_mixer set lease_until = :until where id = 1")
  void renewLease(@Bind("until") Instant until);

  @SqlUpdate("""
      update feedback_mixer set key_id = cast(:k as uuid), public_key = :p, holder = :h, lease_until = :until
      where id = 1""")
  void takeLease(@Bind("k") String keyId, @Bind("p") byte[] publicKey, @Bind("h") String holder,
      @Bind("until") Instant until);

  @SqlUpdate("update feedback_mixer set lease_until = '-infinity' where key_id = cast(:k as uuid)")
  void giveUpLease(@Bind("k") String keyId);

  @SqlUpdate("delete from feedback_mixer_candidate where holder = :h")
  void deleteCandidate(@Bind("h") String holder);

  @SqlUpdate("""
      insert into feedback_mixer_candidate (holder, key_id, public_key, seen_until)
      values (:h, cast(:k as uuid), :p, :until)
      on conflict (holder) do update set key_id = excluded.key_id, public_key = excluded.public_key,
          seen_until = excluded.seen_until""")
  void offerCandidate(@Bind("h") String holder, @Bind("k") String keyId, @Bind("p") byte[] publicKey,
      @Bind("until") Instant until);

  @SqlUpdate("delete from feedback_mixer_candidate where seen_until < :gone")
  void deleteCandidatesSeenBefore(@Bind("gone") Instant gone);

  @SqlQuery("""
      select holder, key_id::text, public_key from feedback_mixer_candidate
      where holder <> :me and seen_until > :now order by seen_until desc limit 1 for update""")
  @UseRowMapper(CandidateMapper.class)
  Optional<Candidate> lockSuccessor(@Bind("me") String holder, @Bind("now") Instant now);

  // Waiting answers

  /** A waiting answer of one campaign, sealed to the mixer's key. */
  record SealedAnswer(String id, byte[] sealed) {}

  /** A waiting answer sealed to one key, with its campaign. */
  record SealedToKey(String id, long campaignId, byte[] sealed) {}

  @SqlQuery("select id::text, campaign_id, sealed from feedback_sealed_ballot where key_id = cast(:k as uuid)")
  @UseRowMapper(SealedToKeyMapper.class)
  List<SealedToKey> sealedTo(@Bind("k") String keyId);

  @SqlQuery("select id::text, sealed from feedback_sealed_ballot where campaign_id = :c and key_id = cast(:k as uuid)")
  @UseRowMapper(SealedAnswerMapper.class)
  List<SealedAnswer> waiting(@Bind("c") long campaignId, @Bind("k") String keyId);

  @SqlUpdate("update feedback_sealed_ballot set key_id = cast(:k as uuid), sealed = :s where id = cast(:id as uuid)")
  void reseal(@Bind("k") String keyId, @Bind("s") byte[] sealed, @Bind("id") String id);

  @SqlUpdate("delete from feedback_sealed_ballot where id = any(cast(:ids as uuid[]))")
  void deleteSealed(@Bind("ids") String[] ids);

  /** Answers lost with a mixer key that is gone, per campaign. */
  record Lost(long campaignId, int answers) {}

  @SqlQuery("""
      with gone as (delete from feedback_sealed_ballot where key_id <> cast(:k as uuid)
                    returning campaign_id, token_hash),
           freed as (delete from feedback_token t using gone
                     where t.campaign_id = gone.campaign_id and t.token_hash = gone.token_hash)
      select campaign_id, count(*) from gone group by campaign_id""")
  @UseRowMapper(LostMapper.class)
  List<Lost> deleteSealedToOtherKeys(@Bind("k") String keyId);

  @SqlUpdate("update feedback_campaign set lost = lost + :n where id = :id")
  void countLost(@Bind("n") int answers, @Bind("id") long campaignId);

  // Campaigns and the box

  @SqlQuery("""
      select id from feedback_campaign
      where not released and closed_at is null and closes_at > :now
        and coalesce(flushed_at, opened_at) < :boundary order by id""")
  List<Long> dueForFlush(@Bind("now") Instant now, @Bind("boundary") Instant boundary);

  @SqlQuery("select 1 from feedback_mixer where id = 1 and key_id = cast(:k as uuid) for share")
  Optional<Integer> shareLeaseOf(@Bind("k") String keyId);

  @SqlQuery("select 1 from feedback_campaign where id = :id for update")
  Optional<Integer> lockCampaign(@Bind("id") long campaignId);

  @SqlQuery("select released from feedback_campaign where id = :id")
  boolean released(@Bind("id") long campaignId);

  @SqlQuery("select ballot_box from feedback_campaign where id = :id")
  Optional<byte[]> box(@Bind("id") long campaignId);

  @SqlUpdate("update feedback_campaign set flushed_at = :now where id = :id")
  void markFlushed(@Bind("now") Instant now, @Bind("id") long campaignId);

  @SqlUpdate("update feedback_campaign set ballot_box = :box, ballots = :n, flushed_at = :now where id = :id")
  void storeBox(@Bind("box") byte[] box, @Bind("n") int ballots, @Bind("now") Instant now, @Bind("id") long campaignId);

  @SqlUpdate("""
      update feedback_campaign set released = true, ballot_box = null, ballots = :n, lost = lost + :lost,
          closed_at = coalesce(closed_at, :now)
      where id = :id""")
  void markReleased(@Bind("n") int ballots, @Bind("lost") int lost, @Bind("now") Instant now,
      @Bind("id") long campaignId);

  @SqlUpdate("delete from <table> where campaign_id = :id")
  void deleteOfCampaign(@Define("table") String table, @Bind("id") long campaignId);

  final class LeaseMapper implements RowMapper<Lease> {
    @Override
    public Lease map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Lease(rs.getString(1), rs.getTimestamp(2).toInstant());
    }
  }

  final class CandidateMapper implements RowMapper<Candidate> {
    @Override
    public Candidate map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Candidate(rs.getString(1), rs.getString(2), rs.getBytes(3));
    }
  }

  final class SealedToKeyMapper implements RowMapper<SealedToKey> {
    @Override
    public SealedToKey map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new SealedToKey(rs.getString(1), rs.getLong(2), rs.getBytes(3));
    }
  }

  final class SealedAnswerMapper implements RowMapper<SealedAnswer> {
    @Override
    public SealedAnswer map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new SealedAnswer(rs.getString(1), rs.getBytes(2));
    }
  }

  final class LostMapper implements RowMapper<Lost> {
    @Override
    public Lost map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Lost(rs.getLong(1), rs.getInt(2));
    }
  }
}
