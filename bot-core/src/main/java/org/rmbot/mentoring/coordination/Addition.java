package org.rmbot.mentoring.coordination;

import org.rmbot.mentoring.program.Program;

/** What became of adding a coordinator to a program. */
public sealed interface Addition permits Addition.Added, Addition.NotAnAdmin, ProgramRefusal.NoSuchProgram {

  /** The person coordinates the program now. */
  record Added(Program program) implements Addition {}

  /** Only workspace admins add coordinators; the refusal is audited. */
  record NotAnAdmin() implements Addition {}
}
