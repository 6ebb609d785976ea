package org.rmbot.mentoring.teams;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link TeamsPeople} in PostgreSQL (tables {@code teams_person} and {@code teams_delivery},
 * migration V7; {@code teams_roster}, V10), through {@link TeamsPeopleSql}.
 */
public final class TeamsPeopleInDatabase implements TeamsPeople {
  private final TeamsPeopleSql sql;
  private final Clock clock;

  public TeamsPeopleInDatabase(Jdbi jdbi, Clock clock) {
    this.sql = jdbi.onDemand(TeamsPeopleSql.class);
    this.clock = clock;
  }

  @Override
  public void seen(Seen s) {
    sql.seen(s, clock.instant());
  }

  @Override
  public Optional<Seen> find(String tenantId, String aadObjectId) {
    return sql.find(tenantId, aadObjectId);
  }

  @Override
  public Optional<Seen> byPersonalConversation(String conversationId) {
    return sql.byPersonalConversation(conversationId);
  }

  @Override
  public Optional<String> aadObjectIdOf(String tenantId, String userId) {
    return sql.aadObjectIdOf(tenantId, userId);
  }

  @Override
  public void inRoster(Roster r) {
    sql.inRoster(r, clock.instant());
  }

  @Override
  public void leftRoster(String conversationId) {
    sql.leftRoster(conversationId);
  }

  @Override
  public List<Roster> rosters() {
    return sql.rosters();
  }

  @Override
  public void recordDelivery(String conversationId, String deliveryKey, String activityId) {
    sql.recordDelivery(conversationId, deliveryKey, activityId, clock.instant());
  }

  @Override
  public Optional<String> deliveredActivity(String conversationId, String deliveryKey) {
    return sql.deliveredActivity(conversationId, deliveryKey);
  }
}
