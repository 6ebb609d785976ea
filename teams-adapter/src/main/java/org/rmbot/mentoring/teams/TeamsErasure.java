package org.rmbot.mentoring.teams;

import org.jdbi.v3.core.Handle;
import org.rmbot.mentoring.personaldata.PlatformErasure;

/**
 * Teams' part of erasing a person: what the adapter keeps to reach them (their 1:1 chat
 * reference in {@code teams_person}, which messages it sent there in {@code teams_delivery},
 * files waiting for their consent in {@code teams_pending_file}), found through their Teams
 * identity before it goes with the person. The statements are {@link TeamsErasureSql}'s, run on
 * the core erasure's handle, so in its transaction.
 */
public final class TeamsErasure implements PlatformErasure {
  @Override
  public void forget(Handle h, long personId) {
    TeamsErasureSql sql = h.attach(TeamsErasureSql.class);
    sql.deleteDeliveries(personId);
    sql.deletePendingFiles(personId);
    sql.deletePerson(personId);
  }
}
