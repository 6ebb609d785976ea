package org.rmbot.mentoring.conversation;

import java.util.Optional;
import java.util.function.Function;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.command.CommandCatalogue;
import org.rmbot.mentoring.common.Outcome;
import org.rmbot.mentoring.coordination.ProgramRefusal;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.Programs;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * The program a coordinator command is for, once the person is known to coordinate it (admins
 * coordinate every program). Refusals are audited and say what the person can do instead.
 */
final class CoordinatedPrograms {
  private static final Catalogue WORDS = Catalogue.english();
  private final ProgramChooser chooser;
  private final Programs programs;
  private final Authority authority;
  private final AuditLog audit;

  CoordinatedPrograms(ProgramChooser chooser, Programs programs, Authority authority, AuditLog audit) {
    this.chooser = chooser;
    this.programs = programs;
    this.authority = authority;
    this.audit = audit;
  }

  Outcome<Program> program(Person person, Optional<String> name, String action) {
    if (name.isPresent()) {
      return namedProgram(person, name.get(), action);
    }
    Outcome<Program> program = chooser.coordinated(person, name);
    if (program instanceof Outcome.Rejected<Program> r) {
      if (!coordinatesAnything(person)) {
        return refused(person, action, null, onlyCoordinators(action));
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

  /**
   * A program named in a command. Someone else's program and a program that does not exist get
   * the same answer, so a name typed by someone who does not coordinate it tells them nothing.
   */
  private Outcome<Program> namedProgram(Person person, String name, String action) {
    Optional<Program> found = programs.findByName(name);
    if (found.isPresent() && authority.canCoordinate(person.id(), found.get().id())) {
      return Outcome.done(found.get());
    }
    if (authority.isAdmin(person.id())) {
      return Outcome.rejected(WORDS.phrase("coordination.programs.no_such_program", "name", ReplyText.clip(name, 60)));
    }
    return Outcome.rejected(notInTheirPrograms(person, action, found.map(Program::id).orElse(null),
        WORDS.phrase("coordination.programs.not_yours_named", "name", ReplyText.clip(name, 60)) + theirs(person)));
  }

  /**
   * The program named by id (a form or a button), if the person coordinates it; a missing id and
   * another program's get the same answer.
   */
  Outcome<Program> program(Person person, long programId, String action) {
    Optional<Program> program = programs.findById(programId);
    if (program.isPresent() && authority.canCoordinate(person.id(), program.get().id())) {
      return Outcome.done(program.get());
    }
    if (authority.isAdmin(person.id())) {
      return Outcome.rejected(WORDS.phrase("coordination.programs.gone"));
    }
    return Outcome.rejected(notInTheirPrograms(person, action, program.map(Program::id).orElse(null),
        WORDS.phrase("coordination.programs.not_yours")));
  }

  /**
   * The one answer, audited as a refusal, for something that does not exist and for something in
   * a program the person does not coordinate (a program, pairing, help request or person): the
   * two must read the same, or the answer tells which ids and names exist elsewhere. Someone who
   * coordinates nothing hears only that the command is for coordinators.
   *
   * @param programId the program the thing belongs to, if it exists: an attempt on another
   *     program's thing is audited as a refusal; a thing that exists nowhere is just not found
   * @param answer what a coordinator hears, the same whether the thing exists or not
   */
  String notInTheirPrograms(Person person, String action, Long programId, String answer) {
    if (!coordinatesAnything(person)) {
      return ((Outcome.Rejected<?>) refused(person, action, programId, onlyCoordinators(action))).reason();
    }
    if (programId != null) {
      audit.refused(Actor.person(person.id()), action, programId, AuditSubject.described("not a coordinator"));
    }
    return answer;
  }

  /** " Yours: \"A\", \"B\"." after a name that is not theirs: where they can use the command. */
  private String theirs(Person person) {
    java.util.List<String> names = programs.all().stream()
        .filter(p -> p.state() != org.rmbot.mentoring.program.ProgramState.CLOSED)
        .filter(p -> authority.canCoordinate(person.id(), p.id()))
        .map(p -> WORDS.phrase("coordination.programs.quoted", "name", p.name())).toList();
    return names.isEmpty() ? "" : WORDS.phrase("coordination.programs.yours", "names", String.join(", ", names));
  }

  /**
   * A use case's refusal of a program the command already found the person coordinates: only if
   * the program went, or its coordinators changed, in between.
   */
  static String refusal(ProgramRefusal refusal, String action) {
    if (refusal instanceof ProgramRefusal.NotCoordinator not) {
      return WORDS.phrase("coordination.programs.only_its_coordinators",
          "program", not.program().name(), "command", named(action));
    }
    return WORDS.phrase("coordination.programs.gone");
  }

  static String onlyCoordinators(String action) {
    return WORDS.phrase("coordination.programs.only_coordinators", "command", named(action), "help", Markup.command("help"));
  }

  boolean canCoordinate(Person person, long programId) {
    return authority.canCoordinate(person.id(), programId);
  }

  boolean isAdmin(Person person) {
    return authority.isAdmin(person.id());
  }

  private Outcome<Program> checked(Person person, Program program, String action) {
    if (!authority.canCoordinate(person.id(), program.id())) {
      return refused(person, action, program.id(), WORDS.phrase("coordination.programs.only_its_coordinators",
          "program", program.name(), "command", named(action)));
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
    audit.refused(Actor.person(person.id()), action, programId, AuditSubject.described("not a coordinator"));
    return Outcome.rejected(reason);
  }

  boolean coordinatesAnything(Person person) {
    return authority.isAdmin(person.id()) || programs.all().stream().anyMatch(p -> authority.canCoordinate(person.id(), p.id()));
  }
}
