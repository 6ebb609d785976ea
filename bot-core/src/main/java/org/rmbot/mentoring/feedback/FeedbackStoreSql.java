package org.rmbot.mentoring.feedback;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizerFactory;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizingAnnotation;
import org.jdbi.v3.sqlobject.customizer.SqlStatementParameterCustomizer;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;
import org.rmbot.mentoring.common.Coded;

/** The statements of {@link FeedbackStore}: campaigns, receipts, used tokens, sealed and released answers. */
@RegisterRowMapper(FeedbackStoreSql.CampaignMapper.class)
interface FeedbackStoreSql {
  String COLUMNS =
      """
      id, program_id, purpose, origin, audience, form::text as form, anonymity_threshold, opened_at, closes_at,
      closed_at, released, invited, lost, resent,
      ballots + (select count(*) from feedback_sealed_ballot s where s.campaign_id = feedback_campaign.id) as answered""";

  @SqlQuery("""
      insert into feedback_campaign (program_id, purpose, origin, audience, form, anonymity_threshold,
          opened_at, closes_at)
      values (:program, :purpose, :origin, :audience, cast(:form as jsonb), :k, :opened, :closes)
      on conflict do nothing
      returning \s""" + COLUMNS)
  Optional<Campaign> insert(@Bind("program") long programId, @Bind("purpose") String purpose,
      @Bind("origin") String origin, @Bind("audience") String audience, @Bind("form") String formJson,
      @Bind("k") int threshold, @Bind("opened") Instant openedAt, @Bind("closes") Instant closesAt);

  @SqlUpdate("update feedback_campaign set invited = :n where id = :id")
  void recordInvited(@Bind("n") int invited, @Bind("id") long campaignId);

  @SqlQuery("select " + COLUMNS + " from feedback_campaign where id = :id")
  Optional<Campaign> find(@Bind("id") long id);

  @SqlQuery("select " + COLUMNS + " from feedback_campaign where program_id = :p order by id desc")
  List<Campaign> ofProgram(@Bind("p") long programId);

  @SqlQuery("select id from feedback_campaign where not released and (closed_at is not null or closes_at <= :now) order by id")
  List<Long> dueForRelease(@Bind("now") Instant now);

  @SqlQuery("select id from feedback_campaign where not released order by id")
  List<Long> collectingIds();

  @SqlQuery("select count(*) from feedback_receipt where campaign_id = :c and receipt = :r")
  int receipts(@Bind("c") long campaignId, @Bind("r") byte[] receipt);

  @SqlUpdate("delete from feedback_receipt where campaign_id = :c and receipt = :r")
  void deleteReceipt(@Bind("c") long campaignId, @Bind("r") byte[] receipt);

  @SqlUpdate("update feedback_campaign set closed_at = coalesce(closed_at, :now) where id = :id and not released")
  void markClosed(@Bind("now") Instant now, @Bind("id") long campaignId);

  /** One INSERT for all rows, in the order given (see {@link BindBallots}). */
  @SqlUpdate("insert into feedback_response (id, campaign_id, role, answers) values <rows>")
  void insertResponses(@Bind("campaign") long campaignId, @BindBallots List<Ballot> ballots);

  @SqlQuery("select count(*) from feedback_token where campaign_id = :c and token_hash = :t")
  int usedTokens(@Bind("c") long campaignId, @Bind("t") byte[] tokenHash);

  /** The live mixer's public key. */
  record LiveKey(String id, byte[] publicKey) {}

  @SqlQuery("select key_id::text, public_key from feedback_mixer where id = 1 and lease_until > :now for share")
  @UseRowMapper(LiveKeyMapper.class)
  Optional<LiveKey> liveKey(@Bind("now") Instant now);

  @SqlQuery("""
      select not released and closed_at is null and closes_at > :now from feedback_campaign
      where id = :id for key share""")
  Optional<Boolean> collecting(@Bind("now") Instant now, @Bind("id") long campaignId);

  @SqlUpdate("insert into feedback_token (campaign_id, token_hash) values (:c, :t) on conflict do nothing")
  int insertToken(@Bind("c") long campaignId, @Bind("t") byte[] tokenHash);

  @SqlUpdate("""
      insert into feedback_sealed_ballot (id, campaign_id, key_id, token_hash, sealed)
      values (cast(:id as uuid), :c, cast(:k as uuid), :t, :s)""")
  void insertSealed(@Bind("id") String id, @Bind("c") long campaignId, @Bind("k") String keyId,
      @Bind("t") byte[] tokenHash, @Bind("s") byte[] sealed);

  @SqlUpdate("update feedback_campaign set resent = resent + 1 where id = :id")
  void countResent(@Bind("id") long campaignId);

  @SqlQuery("select id from feedback_campaign where design = 1 and not released order by id")
  List<Long> legacyCollecting();

  @SqlUpdate("update feedback_campaign set design = 2 where id = :id")
  void markUpgraded(@Bind("id") long campaignId);

  @SqlQuery("select role, answers::text as answers from feedback_response where campaign_id = :c")
  @UseRowMapper(BallotMapper.class)
  List<Ballot> responses(@Bind("c") long campaignId);

  @SqlUpdate("vacuum <table>")
  void vacuum(@Define("table") String table);

  /**
   * Writes {@code <rows>} as one placeholder group per ballot and binds a random id, the role
   * and the answers of each; all rows share {@code :campaign}.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  @SqlStatementCustomizingAnnotation(BindBallots.Factory.class)
  @interface BindBallots {
    final class Factory implements SqlStatementCustomizerFactory {
      @Override
      public SqlStatementParameterCustomizer createForParameter(java.lang.annotation.Annotation annotation,
          Class<?> sqlObjectType, Method method, Parameter param, int index, Type type) {
        return (statement, arg) -> {
          List<?> ballots = (List<?>) arg;
          StringBuilder rows = new StringBuilder();
          for (int i = 0; i < ballots.size(); i++) {
            rows.append(i == 0 ? "" : ", ").append("(cast(:id").append(i).append(" as uuid), :campaign, :role").append(i)
                .append(", cast(:answers").append(i).append(" as jsonb))");
          }
          statement.define("rows", rows.toString());
          for (int i = 0; i < ballots.size(); i++) {
            Ballot ballot = (Ballot) ballots.get(i);
            statement.bind("id" + i, UUID.randomUUID().toString()).bind("role" + i, ballot.role())
                .bind("answers" + i, ballot.answersJson());
          }
        };
      }
    }
  }

  final class CampaignMapper implements RowMapper<Campaign> {
    @Override
    public Campaign map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Campaign(
          rs.getLong("id"),
          rs.getLong("program_id"),
          Coded.fromCode(Purpose.class, rs.getString("purpose")),
          rs.getString("origin"),
          Coded.fromCode(CampaignAudience.class, rs.getString("audience")),
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

    private static Instant instant(ResultSet rs, String column) throws SQLException {
      Timestamp t = rs.getTimestamp(column);
      return t == null ? null : t.toInstant();
    }
  }

  final class LiveKeyMapper implements RowMapper<LiveKey> {
    @Override
    public LiveKey map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new LiveKey(rs.getString(1), rs.getBytes(2));
    }
  }

  final class BallotMapper implements RowMapper<Ballot> {
    @Override
    public Ballot map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Ballot(rs.getString("role"), Ballot.answersFromJson(rs.getString("answers")));
    }
  }
}
