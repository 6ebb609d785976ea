package org.rmbot.mentoring.teams;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SQL of {@link TeamsPeopleInDatabase}: the tables {@code teams_person}, {@code teams_roster}, {@code teams_delivery}. */
@RegisterRowMapper(TeamsPeopleSql.SeenMapper.class)
@RegisterRowMapper(TeamsPeopleSql.RosterMapper.class)
interface TeamsPeopleSql {
  String COLUMNS =
      "tenant_id, aad_object_id, user_id, display_name, service_url, personal_conversation_id, personal_reference::text";

  @SqlUpdate("""
      insert into teams_person (tenant_id, aad_object_id, user_id, display_name, service_url,
                                personal_conversation_id, personal_reference, seen_at)
      values (:tenantId, :aadObjectId, :userId, :displayName, :serviceUrl, :personalConversationId,
              cast(:personalReference as jsonb), :now)
      on conflict (tenant_id, aad_object_id) do update set
          user_id = excluded.user_id,
          display_name = coalesce(excluded.display_name, teams_person.display_name),
          service_url = excluded.service_url,
          personal_conversation_id = coalesce(excluded.personal_conversation_id, teams_person.personal_conversation_id),
          personal_reference = coalesce(excluded.personal_reference, teams_person.personal_reference),
          seen_at = excluded.seen_at""")
  void seen(@BindMethods TeamsPeople.Seen seen, @Bind("now") Instant now);

  @SqlQuery("select " + COLUMNS + " from teams_person where tenant_id = :tenant and aad_object_id = :aad")
  Optional<TeamsPeople.Seen> find(@Bind("tenant") String tenantId, @Bind("aad") String aadObjectId);

  @SqlQuery("select " + COLUMNS + " from teams_person where personal_conversation_id = :id order by seen_at desc limit 1")
  Optional<TeamsPeople.Seen> byPersonalConversation(@Bind("id") String conversationId);

  @SqlQuery("select aad_object_id from teams_person where tenant_id = :tenant and user_id = :user limit 1")
  Optional<String> aadObjectIdOf(@Bind("tenant") String tenantId, @Bind("user") String userId);

  @SqlUpdate("""
      insert into teams_roster (conversation_id, tenant_id, service_url, kind, seen_at)
      values (:conversationId, :tenantId, :serviceUrl, :kind, :now)
      on conflict (conversation_id) do update set
          tenant_id = excluded.tenant_id, service_url = excluded.service_url, kind = excluded.kind,
          seen_at = excluded.seen_at""")
  void inRoster(@BindMethods TeamsPeople.Roster roster, @Bind("now") Instant now);

  @SqlUpdate("delete from teams_roster where conversation_id = :id")
  int leftRoster(@Bind("id") String conversationId);

  @SqlQuery("select conversation_id, tenant_id, service_url, kind from teams_roster order by seen_at desc, conversation_id")
  List<TeamsPeople.Roster> rosters();

  @SqlUpdate("""
      insert into teams_delivery (conversation_id, delivery_key, activity_id, sent_at)
      values (:conversation, :key, :activity, :now)
      on conflict (conversation_id, delivery_key) do nothing""")
  int recordDelivery(@Bind("conversation") String conversationId, @Bind("key") String deliveryKey,
      @Bind("activity") String activityId, @Bind("now") Instant now);

  @SqlQuery("select activity_id from teams_delivery where conversation_id = :conversation and delivery_key = :key")
  Optional<String> deliveredActivity(@Bind("conversation") String conversationId, @Bind("key") String deliveryKey);

  final class SeenMapper implements RowMapper<TeamsPeople.Seen> {
    @Override
    public TeamsPeople.Seen map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new TeamsPeople.Seen(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
          rs.getString(6), rs.getString(7));
    }
  }

  final class RosterMapper implements RowMapper<TeamsPeople.Roster> {
    @Override
    public TeamsPeople.Roster map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new TeamsPeople.Roster(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }
  }
}
