package org.rmbot.mentoring.coordination;

import java.time.Clock;
import java.time.LocalDate;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.common.Transactions;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.program.Programs;

/**
 * A coordinator sets when a program runs. Dates can change until the first pair starts the
 * program: from then on its kickoff and schedule are planned from them. A program that starts
 * later than its first day starts with its first pair and keeps this length (AnsweringProposals).
 */
public final class SchedulingProgram {
  private final CoordinatedChange change;
  private final Programs programs;
  private final AuditLog audit;
  private final Clock clock;

  public SchedulingProgram(Transactions transactions, Programs programs, Authority authority, AuditLog audit, Clock clock) {
    this.change = new CoordinatedChange(transactions, programs, authority, audit);
    this.programs = programs;
    this.audit = audit;
    this.clock = clock;
  }

  /** @throws IllegalArgumentException if the program would not end after it starts (the command's grammar refuses that) */
  public Scheduling schedule(Actor actor, long programId, LocalDate startsOn, LocalDate endsOn) {
    if (!endsOn.isAfter(startsOn)) {
      throw new IllegalArgumentException("a program ends after it starts");
    }
    return change.change(actor, programId, "program dates", refusal -> refusal, program -> {
      if (program.state() == ProgramState.ACTIVE || program.state() == ProgramState.CLOSED) {
        return new Scheduling.AlreadyUnderWay(program);
      }
      // the program's days are its own time zone's
      LocalDate today = LocalDate.ofInstant(clock.instant(), program.settings().defaultTimeZone());
      if (startsOn.isBefore(today)) {
        return new Scheduling.StartsInThePast(today);
      }
      programs.setDates(programId, startsOn, endsOn);
      audit.record(actor, "program dates", programId,
          AuditSubject.described(startsOn + " to " + endsOn));
      return new Scheduling.Scheduled(change.reread(programId));
    });
  }
}
