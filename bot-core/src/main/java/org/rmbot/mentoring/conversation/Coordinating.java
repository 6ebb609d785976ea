package org.rmbot.mentoring.conversation;

import java.util.Optional;
import java.util.function.Function;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.command.CommandCatalogue;
import org.rmbot.mentoring.common.Outcome;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.Programs;

/**
 * The program a coordinator command is for, once the person is known to coordinate it (admins
 * coordinate every program). Refusals are audited and say what the person can do instead.
 */
final class Coordinating {
  private final ProgramChooser chooser;
  private final Programs programs;
  private final Authority authority;
  private final AuditLog audit;

  Coordinating(ProgramChooser chooser, Programs programs, Authority authority, AuditLog audit) {
    this.chooser = chooser;
    this.programs = programs;
    this.authority = authority;
    this.audit = audit;
  }

  Outcome<Program> program(Person person, Optional<String> name, String action) {
    Outcome<Program> program = chooser.coordinated(person, name);
    if (program instanceof Outcome.Rejected<Program> r) {
      if (name.isEmpty() && !coordinatesAnything(person)) {
        return refused(person, action, null, "Only coordinators can use " + named(action) + ". Type "
            + Markup.command("help") + " to see what you can do.");
      }
      return Outcome.rejected(r.reason());
    }
    return checked(person, program.value(), action);
  }

  /** The reply to a coordinator command: {@code work} on the program, or why the person may not. */
  Reply answer(Person person, Optional<String> name, String action, Function<Program, Reply> work) {
    Outcome<Program> program = program(person, name, action);
    return program instanceof Outcome.Rejected<Program> r ? Reply.say(r.reason()) : work.apply(program.value());
  }

  /** The program named by id (a form or a button), if the person coordinates it. */
  Outcome<Program> program(Person person, long programId, String action) {
    Optional<Program> program = programs.findById(programId);
    if (program.isEmpty()) {
      return Outcome.rejected("That program no longer exists, so nothing was changed.");
    }
    return checked(person, program.get(), action);
  }

  private Outcome<Program> checked(Person person, Program program, String action) {
    if (!authority.canCoordinate(person.id(), program.id())) {
      return refused(person, action, program.id(), "Only coordinators of \"" + program.name() + "\" can use " + named(action) + ".");
    }
    return Outcome.done(program);
  }

  /**
   * An action as people read it in a refusal: a command reference when it is typed that way
   * ({@code help-requests done}), else in words ({@code pause pairing}).
   */
  static String named(String action) {
    return CommandCatalogue.all().stream().anyMatch(e -> e.usage().startsWith(action)) ? Markup.command(action) : action;
  }

  <T> Outcome<T> refused(Person person, String action, Long programId, String reason) {
    audit.refused(person.id(), "person " + person.id(), action, programId, "not a coordinator");
    return Outcome.rejected(reason);
  }

  boolean coordinatesAnything(Person person) {
    return authority.isAdmin(person.id()) || programs.all().stream().anyMatch(p -> authority.canCoordinate(person.id(), p.id()));
  }
}
