package org.rmbot.mentoring.teams;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link TeamsPeople} in PostgreSQL (tables {@code teams_person} and {@code teams_delivery},
 * migration V7; {@code teams_roster}, V10).
 */
public final class TeamsPeopleInDatabase implements TeamsPeople {
  private static final String COLUMNS =
      "tenant_id, aad_object_id, user_id, display_name, service_url, personal_conversation_id, personal_reference::text";

  private final Jdbi jdbi;
  private final Clock clock;

  public TeamsPeopleInDatabase(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public void seen(Seen s) {
    jdbi.useHandle(h -> h.createUpdate("""
            insert into teams_person (tenant_id, aad_object_id, user_id, display_name, service_url,
                                      personal_conversation_id, personal_reference, seen_at)
            values (:tenant, :aad, :user, :name, :url, :conversation, cast(:reference as jsonb), :now)
            on conflict (tenant_id, aad_object_id) do update set
                user_id = excluded.user_id,
                display_name = coalesce(excluded.display_name, teams_person.display_name),
                service_url = excluded.service_url,
                personal_conversation_id = coalesce(excluded.personal_conversation_id, teams_person.personal_conversation_id),
                personal_reference = coalesce(excluded.personal_reference, teams_person.personal_reference),
                seen_at = excluded.seen_at
            """)
        .bind("tenant", s.tenantId())
        .bind("aad", s.aadObjectId())
        .bind("user", s.userId())
        .bind("name", s.displayName())
        .bind("url", s.serviceUrl())
        .bind("conversation", s.personalConversationId())
        .bind("reference", s.personalReference())
        .bind("now", clock.instant())
        .execute());
  }

  @Override
  public Optional<Seen> find(String tenantId, String aadObjectId) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS
            + " from teams_person where tenant_id = :tenant and aad_object_id = :aad")
        .bind("tenant", tenantId).bind("aad", aadObjectId).map(TeamsPeopleInDatabase::map).findOne());
  }

  @Override
  public Optional<Seen> byPersonalConversation(String conversationId) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS
            + " from teams_person where personal_conversation_id = :id order by seen_at desc limit 1")
        .bind("id", conversationId).map(TeamsPeopleInDatabase::map).findOne());
  }

  @Override
  public Optional<String> aadObjectIdOf(String tenantId, String userId) {
    return jdbi.withHandle(h -> h.createQuery(
            "select aad_object_id from teams_person where tenant_id = :tenant and user_id = :user limit 1")
        .bind("tenant", tenantId).bind("user", userId).mapTo(String.class).findOne());
  }

  @Override
  public void inRoster(Roster r) {
    jdbi.useHandle(h -> h.createUpdate("""
            insert into teams_roster (conversation_id, tenant_id, service_url, kind, seen_at)
            values (:id, :tenant, :url, :kind, :now)
            on conflict (conversation_id) do update set
                tenant_id = excluded.tenant_id, service_url = excluded.service_url, kind = excluded.kind,
                seen_at = excluded.seen_at
            """)
        .bind("id", r.conversationId()).bind("tenant", r.tenantId()).bind("url", r.serviceUrl()).bind("kind", r.kind())
        .bind("now", clock.instant()).execute());
  }

  @Override
  public void leftRoster(String conversationId) {
    jdbi.useHandle(h -> h.createUpdate("delete from teams_roster where conversation_id = :id")
        .bind("id", conversationId).execute());
  }

  @Override
  public List<Roster> rosters() {
    return jdbi.withHandle(h -> h.createQuery(
            "select conversation_id, tenant_id, service_url, kind from teams_roster order by seen_at desc, conversation_id")
        .map((rs, ctx) -> new Roster(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list());
  }

  @Override
  public void recordDelivery(String conversationId, String deliveryKey, String activityId) {
    jdbi.useHandle(h -> h.createUpdate("""
            insert into teams_delivery (conversation_id, delivery_key, activity_id, sent_at)
            values (:conversation, :key, :activity, :now)
            on conflict (conversation_id, delivery_key) do nothing
            """)
        .bind("conversation", conversationId).bind("key", deliveryKey).bind("activity", activityId)
        .bind("now", clock.instant()).execute());
  }

  @Override
  public Optional<String> deliveredActivity(String conversationId, String deliveryKey) {
    return jdbi.withHandle(h -> h.createQuery(
            "select activity_id from teams_delivery where conversation_id = :conversation and delivery_key = :key")
        .bind("conversation", conversationId).bind("key", deliveryKey).mapTo(String.class).findOne());
  }

  private static Seen map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws java.sql.SQLException {
    return new Seen(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7));
  }
}
