package org.rmbot.mentoring.access;

import java.util.Set;
import org.rmbot.mentoring.participant.People;
import org.rmbot.mentoring.program.Programs;

/**
 * Authority from the database (program coordinators, granted admins) plus the workspace admins
 * named in configuration ({@code MENTORING_ADMINS}: platform user ids), who bootstrap the rest.
 */
public final class ProgramAuthority implements Authority {
  private final Admins admins;
  private final Programs programs;
  private final People people;
  private final Set<String> configuredAdminUserIds;

  public ProgramAuthority(Admins admins, Programs programs, People people, Set<String> configuredAdminUserIds) {
    this.admins = admins;
    this.programs = programs;
    this.people = people;
    this.configuredAdminUserIds = Set.copyOf(configuredAdminUserIds);
  }

  @Override
  public boolean isAdmin(long personId) {
    if (admins.isAdmin(personId)) {
      return true;
    }
    return !configuredAdminUserIds.isEmpty()
        && people.identitiesOf(personId).stream().anyMatch(i -> configuredAdminUserIds.contains(i.userId()));
  }

  @Override
  public boolean canCoordinate(long personId, long programId) {
    return programs.isCoordinator(programId, personId) || isAdmin(personId);
  }
}
