package org.rmbot.mentoring.access;

import java.util.List;
import org.rmbot.mentoring.participant.PlatformIdentity;

/**
 * Workspace admins granted in the database (the configured ones are {@link ConfiguredAdmins}).
 * A grant belongs to a platform identity, not to whoever that identity's person may also be
 * elsewhere: the same user id in another installation or on the other platform is not an admin.
 */
public interface Admins {
  /** Makes this identity, known to the bot as this person, an admin. */
  void grant(long personId, PlatformIdentity identity);

  /** Whether one of the person's own platform identities holds a grant. */
  boolean isAdmin(long personId);

  /** The people who hold a grant, by id. */
  List<Long> all();
}
