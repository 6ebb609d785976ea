package org.rmbot.mentoring.access;

import java.util.Set;
import org.rmbot.mentoring.participant.People;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.program.Programs;

/**
 * Authority from the database (program coordinators, granted admins) plus the workspace admins
 * named in configuration ({@link ConfiguredAdmins}), who bootstrap the rest. Admin rights belong
 * to whole platform identities: a person is an admin through one of their own identities, never
 * because some identity elsewhere has the same user id.
 */
public final class ProgramAuthority implements Authority {
  private final Admins admins;
  private final Programs programs;
  private final People people;
  private final Set<PlatformIdentity> configuredAdmins;

  public ProgramAuthority(Admins admins, Programs programs, People people, Set<PlatformIdentity> configuredAdmins) {
    this.admins = admins;
    this.programs = programs;
    this.people = people;
    this.configuredAdmins = Set.copyOf(configuredAdmins);
  }

  @Override
  public boolean isAdmin(long personId) {
    if (!configuredAdmins.isEmpty() && people.identitiesOf(personId).stream().anyMatch(configuredAdmins::contains)) {
      return true;
    }
    return admins.isAdmin(personId);
  }

  @Override
  public boolean canCoordinate(long personId, long programId) {
    return programs.isCoordinator(programId, personId) || isAdmin(personId);
  }
}
