package org.rmbot.mentoring.coordination;

import org.rmbot.mentoring.program.Program;

/** Refusals any coordinator's change to a program may meet before anything is written. */
public sealed interface ProgramRefusal extends StateChange, Scheduling, PairingMove, Nudging {

  /** No program has this id (any more). Not audited: there is nothing to refuse access to. */
  record NoSuchProgram(long programId) implements ProgramRefusal, Addition {}

  /** The person neither coordinates the program nor is an admin; the refusal is audited. */
  record NotCoordinator(Program program) implements ProgramRefusal {}
}
