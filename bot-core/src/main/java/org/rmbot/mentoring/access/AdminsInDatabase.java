package org.rmbot.mentoring.access;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.participant.PlatformIdentity;

/**
 * Grants in {@code workspace_admin}, one per identity, through {@link AdminsSql}. A grant from
 * before grants were bound to identities whose person had no identity then (V11 kept it with no
 * identity) is bound on that person's first request, to the identity they arrived with: the first
 * one linked to them.
 */
public final class AdminsInDatabase implements Admins {
  private final AdminsSql sql;
  private final Clock clock;

  public AdminsInDatabase(Jdbi jdbi, Clock clock) {
    this.sql = jdbi.onDemand(AdminsSql.class);
    this.clock = clock;
  }

  @Override
  public void grant(long personId, PlatformIdentity identity) {
    sql.grant(personId, identity.platform().code(), identity.workspaceId(), identity.userId(), clock.instant());
  }

  @Override
  public boolean isAdmin(long personId) {
    AdminsSql.Grants found = sql.grantsOf(personId);
    return found.bound() || (found.legacy() && sql.bindLegacyGrant(personId));
  }

  @Override
  public List<Long> all() {
    return sql.all();
  }
}
