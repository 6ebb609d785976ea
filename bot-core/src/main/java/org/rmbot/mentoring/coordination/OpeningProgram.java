package org.rmbot.mentoring.coordination;

import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.common.Transactions;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.program.Programs;

/**
 * A coordinator opens a program for enrolment: from then on people can join it. A draft, or a
 * program being matched (to let late joiners in), can open; an active or closed one cannot.
 */
public final class OpeningProgram {
  private final CoordinatedChange change;

  public OpeningProgram(Transactions transactions, Programs programs, Authority authority, AuditLog audit) {
    this.change = new CoordinatedChange(transactions, programs, authority, audit);
  }

  public StateChange open(Actor actor, long programId) {
    return change.move(actor, programId, ProgramState.ENROLLING, "program open");
  }
}
