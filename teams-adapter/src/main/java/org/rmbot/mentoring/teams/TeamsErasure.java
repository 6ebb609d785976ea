package org.rmbot.mentoring.teams;

import org.jdbi.v3.core.Handle;
import org.rmbot.mentoring.personaldata.PlatformErasure;

/**
 * Teams' part of erasing a person: what the adapter keeps to reach them (their 1:1 chat
 * reference in {@code teams_person}, which messages it sent there in {@code teams_delivery},
 * files waiting for their consent in {@code teams_pending_file}), found through their Teams
 * identity before it goes with the person.
 */
public final class TeamsErasure implements PlatformErasure {
  @Override
  public void forget(Handle h, long personId) {
    h.createUpdate("""
        delete from teams_delivery d using teams_person t, platform_identity i
        where i.person_id = :p and i.platform = 'teams' and t.tenant_id = i.workspace_id and t.aad_object_id = i.user_id
          and d.conversation_id = t.personal_conversation_id""").bind("p", personId).execute();
    h.createUpdate("""
        delete from teams_pending_file f using teams_person t, platform_identity i
        where i.person_id = :p and i.platform = 'teams' and t.tenant_id = i.workspace_id and t.aad_object_id = i.user_id
          and f.conversation_id = t.personal_conversation_id""").bind("p", personId).execute();
    h.createUpdate("""
        delete from teams_person t using platform_identity i
        where i.person_id = :p and i.platform = 'teams' and t.tenant_id = i.workspace_id and t.aad_object_id = i.user_id""")
        .bind("p", personId).execute();
  }
}
