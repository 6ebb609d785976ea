package org.rmbot.mentoring.access;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** The workspace_admin table, read with the platform identities it is bound to. */
interface AdminsSql {

  /** Whether the person holds a grant through one of their identities, and whether one without an identity. */
  record Grants(boolean bound, boolean legacy) {}

  @SqlUpdate("""
      insert into workspace_admin (person_id, platform, installation_id, user_id, granted_at)
      values (:p, :platform, :installation, :user, :now) on conflict do nothing""")
  void grant(@Bind("p") long personId, @Bind("platform") String platform, @Bind("installation") String installationId,
      @Bind("user") String userId, @Bind("now") Instant now);

  @SqlQuery("""
      select exists (select 1 from workspace_admin a join platform_identity i
                       on (i.platform, i.workspace_id, i.user_id) = (a.platform, a.installation_id, a.user_id)
                      where i.person_id = :p) as bound,
             exists (select 1 from workspace_admin where person_id = :p and platform is null) as legacy""")
  @RegisterConstructorMapper(Grants.class)
  Grants grantsOf(@Bind("p") long personId);

  /** Binds a grant without an identity to the identities the person has now; false while they have none. */
  @Transaction
  default boolean bindLegacyGrant(long personId) {
    int bound = bindLegacyToIdentities(personId);
    if (bound > 0) {
      deleteLegacy(personId);
    }
    return bound > 0;
  }

  @SqlUpdate("""
      insert into workspace_admin (person_id, platform, installation_id, user_id, granted_at)
      select i.person_id, i.platform, i.workspace_id, i.user_id, a.granted_at
        from workspace_admin a join platform_identity i on i.person_id = a.person_id
       where a.person_id = :p and a.platform is null
      on conflict do nothing""")
  int bindLegacyToIdentities(@Bind("p") long personId);

  @SqlUpdate("delete from workspace_admin where person_id = :p and platform is null")
  void deleteLegacy(@Bind("p") long personId);

  @SqlQuery("""
      select distinct i.person_id from workspace_admin a join platform_identity i
        on (i.platform, i.workspace_id, i.user_id) = (a.platform, a.installation_id, a.user_id) order by 1""")
  List<Long> all();
}
