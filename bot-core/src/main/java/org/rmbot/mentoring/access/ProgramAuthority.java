package org.rmbot.mentoring.access;

import org.rmbot.mentoring.program.Programs;

/** Authority from the database: program coordinators and workspace admins. */
public final class ProgramAuthority implements Authority {
  private final Admins admins;
  private final Programs programs;

  public ProgramAuthority(Admins admins, Programs programs) {
    this.admins = admins;
    this.programs = programs;
  }

  @Override
  public boolean isAdmin(long personId) {
    return admins.isAdmin(personId);
  }

  @Override
  public boolean canCoordinate(long personId, long programId) {
    return programs.isCoordinator(programId, personId) || admins.isAdmin(personId);
  }
}
