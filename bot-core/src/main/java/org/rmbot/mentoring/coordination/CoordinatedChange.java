package org.rmbot.mentoring.coordination;

import java.util.Optional;
import java.util.function.Function;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.common.Transactions;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.program.Programs;

/**
 * The frame of every change a coordinator makes to a program: one transaction that holds the
 * program's row, so two changes of one program run one after the other and each sees the
 * other's result, and the authority check on this call. A refusal writes nothing but its audit.
 */
final class CoordinatedChange {
  private final Transactions transactions;
  private final Programs programs;
  private final Authority authority;
  private final AuditLog audit;

  CoordinatedChange(Transactions transactions, Programs programs, Authority authority, AuditLog audit) {
    this.transactions = transactions;
    this.programs = programs;
    this.authority = authority;
    this.audit = audit;
  }

  /** {@code change} on the program as it is now, if the actor may coordinate it; {@code action} names it in the audit. */
  <R> R change(Actor actor, long programId, String action, Function<ProgramRefusal, R> refused, Function<Program, R> change) {
    return transactions.inTransaction(() -> {
      programs.lockForUpdate(programId);
      Optional<Program> program = programs.findById(programId);
      if (program.isEmpty()) {
        return refused.apply(new ProgramRefusal.NoSuchProgram(programId));
      }
      if (!authority.canCoordinate(actor, programId)) {
        audit.refused(actor, action, programId, AuditSubject.described("not a coordinator"));
        return refused.apply(new ProgramRefusal.NotCoordinator(program.get()));
      }
      return change.apply(program.get());
    });
  }

  /** Moves the program to {@code target}, if its state allows, and audits it as "program <target>". */
  StateChange move(Actor actor, long programId, ProgramState target, String action) {
    return change(actor, programId, action, refusal -> refusal, program -> {
      if (!program.state().canMoveTo(target)) {
        return new StateChange.CannotMove(program, target);
      }
      programs.changeState(programId, target);
      audit.record(actor, "program " + target.code(), programId, AuditSubject.program(programId));
      return new StateChange.Changed(reread(programId));
    });
  }

  /** The program as the change left it. */
  Program reread(long programId) {
    return programs.findById(programId).orElseThrow();
  }
}
