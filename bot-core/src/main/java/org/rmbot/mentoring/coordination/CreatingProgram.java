package org.rmbot.mentoring.coordination;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.common.Outcome;
import org.rmbot.mentoring.common.Transactions;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.Programs;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * A workspace admin creates a reverse-mentoring program as a draft and becomes its coordinator.
 * The program, its first coordinator and the audit entry are written in one transaction: a
 * program never exists without a coordinator.
 */
public final class CreatingProgram {
  private static final Catalogue WORDS = Catalogue.english();
  private final Transactions transactions;
  private final Programs programs;
  private final Authority authority;
  private final AuditLog audit;
  private final Clock clock;

  public CreatingProgram(Transactions transactions, Programs programs, Authority authority, AuditLog audit, Clock clock) {
    this.transactions = transactions;
    this.programs = programs;
    this.authority = authority;
    this.audit = audit;
    this.clock = clock;
  }

  /** What the admin asked for; an empty theme is the default one. */
  public record CreateProgram(Person admin, String name, Optional<String> theme) {}

  public Outcome<Program> create(CreateProgram command) {
    Person person = command.admin();
    return transactions.inTransaction(() -> {
      if (!authority.isAdmin(person.id())) {
        audit.refused(Actor.person(person.id()), "program create", null, AuditSubject.described("not an admin"));
        return Outcome.rejected(WORDS.phrase("coordination.create.only_admins"));
      }
      if (programs.findByName(command.name()).isPresent()) {
        return Outcome.rejected(WORDS.phrase("coordination.create.name_taken", "name", command.name()));
      }
      // the program's days are its coordinator's: a deadline "at the end of Friday" is the end of her Friday
      Program program = programs.create(NewProgram.reverse(command.name(), command.theme().orElse("Reverse mentoring"),
          LocalDate.ofInstant(clock.instant(), person.timeZone()), person.timeZone()));
      programs.addCoordinator(program.id(), person.id());
      audit.record(Actor.person(person.id()), "program create", program.id(), AuditSubject.program(program.id()));
      return Outcome.done(program);
    });
  }
}
