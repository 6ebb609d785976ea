package org.rmbot.mentoring.coordination;

import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.common.Transactions;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.program.Programs;

/**
 * A coordinator closes a program, from any state but closed: nothing more is sent for it and it
 * is no longer anyone's program to choose.
 */
public final class ClosingProgram {
  private final CoordinatedChange change;

  public ClosingProgram(Transactions transactions, Programs programs, Authority authority, AuditLog audit) {
    this.change = new CoordinatedChange(transactions, programs, authority, audit);
  }

  public StateChange close(Actor actor, long programId) {
    return change.move(actor, programId, ProgramState.CLOSED, "program close");
  }
}
