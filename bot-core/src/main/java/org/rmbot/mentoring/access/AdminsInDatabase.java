package org.rmbot.mentoring.access;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.participant.PlatformIdentity;

/**
 * Grants in {@code workspace_admin}, one per identity. A grant from before grants were bound to
 * identities whose person had no identity then (V11 kept it with no identity) is bound on that
 * person's first request, to the identity they arrived with: the first one linked to them.
 */
public final class AdminsInDatabase implements Admins {
  private final Jdbi jdbi;
  private final Clock clock;

  public AdminsInDatabase(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public void grant(long personId, PlatformIdentity identity) {
    jdbi.useHandle(h -> h.createUpdate("""
            insert into workspace_admin (person_id, platform, installation_id, user_id, granted_at)
            values (:p, :platform, :installation, :user, :now) on conflict do nothing""")
        .bind("p", personId).bind("platform", identity.platform().code()).bind("installation", identity.workspaceId())
        .bind("user", identity.userId()).bind("now", clock.instant()).execute());
  }

  @Override
  public boolean isAdmin(long personId) {
    boolean[] found = jdbi.withHandle(h -> h.createQuery("""
            select exists (select 1 from workspace_admin a join platform_identity i
                             on (i.platform, i.workspace_id, i.user_id) = (a.platform, a.installation_id, a.user_id)
                            where i.person_id = :p) as bound,
                   exists (select 1 from workspace_admin where person_id = :p and platform is null) as legacy""")
        .bind("p", personId).map((rs, ctx) -> new boolean[] {rs.getBoolean("bound"), rs.getBoolean("legacy")}).one());
    return found[0] || (found[1] && bindLegacyGrant(personId));
  }

  /** Binds a grant without an identity to the identities the person has now; false while they have none. */
  private boolean bindLegacyGrant(long personId) {
    return jdbi.inTransaction(h -> {
      int bound = h.createUpdate("""
              insert into workspace_admin (person_id, platform, installation_id, user_id, granted_at)
              select i.person_id, i.platform, i.workspace_id, i.user_id, a.granted_at
                from workspace_admin a join platform_identity i on i.person_id = a.person_id
               where a.person_id = :p and a.platform is null
              on conflict do nothing""").bind("p", personId).execute();
      if (bound > 0) {
        h.createUpdate("delete from workspace_admin where person_id = :p and platform is null").bind("p", personId).execute();
      }
      return bound > 0;
    });
  }

  @Override
  public List<Long> all() {
    return jdbi.withHandle(h -> h.createQuery("""
            select distinct i.person_id from workspace_admin a join platform_identity i
              on (i.platform, i.workspace_id, i.user_id) = (a.platform, a.installation_id, a.user_id) order by 1""")
        .mapTo(Long.class).list());
  }
}
