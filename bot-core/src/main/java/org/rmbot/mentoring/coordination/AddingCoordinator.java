package org.rmbot.mentoring.coordination;

import java.util.Optional;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.common.Transactions;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.Programs;

/**
 * A workspace admin makes someone a coordinator of a program. Only admins may: the check comes
 * before anything else about the request, so every refusal is audited, whatever else is wrong
 * with it. The coordinator and the audit entry are written in one transaction.
 */
public final class AddingCoordinator {
  private static final String ACTION = "coordinator add";
  private final Transactions transactions;
  private final Programs programs;
  private final Authority authority;
  private final AuditLog audit;

  public AddingCoordinator(Transactions transactions, Programs programs, Authority authority, AuditLog audit) {
    this.transactions = transactions;
    this.programs = programs;
    this.authority = authority;
    this.audit = audit;
  }

  /**
   * Before the person to add and the program are looked up: a non-admin is refused here, audited
   * against the program they named if there is one by that name.
   */
  public Optional<Addition.NotAnAdmin> refusal(Actor actor, Optional<String> programName) {
    if (isAdmin(actor)) {
      return Optional.empty();
    }
    Long named = programName.flatMap(programs::findByName).map(Program::id).orElse(null);
    return Optional.of(refused(actor, named));
  }

  /** Makes the person a coordinator of the program, if the actor is an admin (checked again, on this call). */
  public Addition add(Actor actor, long programId, long personId) {
    return transactions.inTransaction(() -> {
      programs.lockForUpdate(programId);
      Optional<Program> program = programs.findById(programId);
      if (program.isEmpty()) {
        return new ProgramRefusal.NoSuchProgram(programId);
      }
      if (!isAdmin(actor)) {
        return refused(actor, programId);
      }
      programs.addCoordinator(programId, personId);
      audit.record(actor, ACTION, programId, AuditSubject.person(personId));
      return new Addition.Added(program.get());
    });
  }

  private boolean isAdmin(Actor actor) {
    return actor instanceof Actor.Operator || authority.isAdmin(actor.personId());
  }

  private Addition.NotAnAdmin refused(Actor actor, Long programId) {
    audit.refused(actor, ACTION, programId, AuditSubject.described("not an admin"));
    return new Addition.NotAnAdmin();
  }
}
