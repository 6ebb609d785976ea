package org.rmbot.mentoring.coordination;

import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;

/** What became of opening or closing a program. */
public sealed interface StateChange permits StateChange.Changed, StateChange.CannotMove, ProgramRefusal {

  /** The program, as it is now. */
  record Changed(Program program) implements StateChange {}

  /** The program is in a state that cannot move to {@code target}; nothing was written. */
  record CannotMove(Program program, ProgramState target) implements StateChange {}
}
