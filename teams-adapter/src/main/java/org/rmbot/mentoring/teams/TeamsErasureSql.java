package org.rmbot.mentoring.teams;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The statements of {@link TeamsErasure}, in the order it runs them; {@code :p} is the person,
 * found through their Teams identity in {@code platform_identity}.
 */
interface TeamsErasureSql {
  @SqlUpdate("""
      delete from teams_delivery d using teams_person t, platform_identity i
      where i.person_id = :p and i.platform = 'teams' and t.tenant_id = i.workspace_id and t.aad_object_id = i.user_id
        and d.conversation_id = t.personal_conversation_id""")
  int deleteDeliveries(@Bind("p") long personId);

  @SqlUpdate("""
      delete from teams_pending_file f using teams_person t, platform_identity i
      where i.person_id = :p and i.platform = 'teams' and t.tenant_id = i.workspace_id and t.aad_object_id = i.user_id
        and f.conversation_id = t.personal_conversation_id""")
  int deletePendingFiles(@Bind("p") long personId);

  @SqlUpdate("""
      delete from teams_person t using platform_identity i
      where i.person_id = :p and i.platform = 'teams' and t.tenant_id = i.workspace_id and t.aad_object_id = i.user_id""")
  int deletePerson(@Bind("p") long personId);
}
