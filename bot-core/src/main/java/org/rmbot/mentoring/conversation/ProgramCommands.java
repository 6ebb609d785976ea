package org.rmbot.mentoring.conversation;

import java.util.Optional;
import java.util.function.Function;
import org.rmbot.mentoring.common.Phrases;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.command.Command;
import org.rmbot.mentoring.common.Outcome;
import org.rmbot.mentoring.coordination.ClosingProgram;
import org.rmbot.mentoring.coordination.CreatingProgram;
import org.rmbot.mentoring.coordination.OpeningProgram;
import org.rmbot.mentoring.coordination.ProgramRefusal;
import org.rmbot.mentoring.coordination.Scheduling;
import org.rmbot.mentoring.coordination.SchedulingProgram;
import org.rmbot.mentoring.coordination.StateChange;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.Programs;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * The program commands: create, open, close and dates. Each finds the program the person named
 * among those they coordinate, hands the work to its use case ({@code coordination}), and puts
 * the result into words.
 */
public final class ProgramCommands {
  private static final Catalogue WORDS = Catalogue.english();
  private final CoordinatedPrograms coordinating;
  private final CreatingProgram creating;
  private final OpeningProgram opening;
  private final ClosingProgram closing;
  private final SchedulingProgram scheduling;

  public ProgramCommands(ProgramChooser chooser, Programs programs, Authority authority, AuditLog audit,
      CreatingProgram creating, OpeningProgram opening, ClosingProgram closing, SchedulingProgram scheduling) {
    this.coordinating = new CoordinatedPrograms(chooser, programs, authority, audit);
    this.creating = creating;
    this.opening = opening;
    this.closing = closing;
    this.scheduling = scheduling;
  }

  Reply createProgram(Caller caller, Person person, Command.CreateProgram create) {
    Outcome<Program> created = creating.create(new CreatingProgram.CreateProgram(person, create.name(), create.theme()));
    if (created instanceof Outcome.Rejected<Program> r) {
      return Reply.say(r.reason());
    }
    Program program = created.value();
    return Reply.say(WORDS.phrase("coordinator.program.created", "name", program.name(), "theme", program.theme(),
        "open", Markup.command("program open \"" + program.name() + "\"")));
  }

  Reply openProgram(Caller caller, Person person, Command.OpenProgram open) {
    String action = "program open";
    return coordinating.answer(person, Optional.of(open.name()), action, p -> said(opening.open(Actor.person(person.id()), p.id()),
        action, opened -> WORDS.phrase("coordinator.program.opened", "name", opened.name(), "join", Markup.command("join"))));
  }

  Reply closeProgram(Caller caller, Person person, Command.CloseProgram close) {
    String action = "program close";
    return coordinating.answer(person, Optional.of(close.name()), action, p -> said(closing.close(Actor.person(person.id()), p.id()),
        action, closed -> WORDS.phrase("coordinator.program.closed", "name", closed.name())));
  }

  Reply programDates(Caller caller, Person person, Command.ProgramDates dates) {
    String action = "program dates";
    return coordinating.answer(person, Optional.of(dates.name()), action, p -> Reply.say(said(
        scheduling.schedule(Actor.person(person.id()), p.id(), dates.startsOn(), dates.endsOn()), action)));
  }

  private Reply said(StateChange change, String action, Function<Program, String> done) {
    if (change instanceof StateChange.Changed changed) {
      return Reply.say(done.apply(changed.program()));
    }
    if (change instanceof StateChange.CannotMove stuck) {
      Program program = stuck.program();
      return Reply.say(WORDS.phrase("coordinator.program.cannot_move", "name", program.name(), "state", program.state().code(),
          "target", stuck.target().code()));
    }
    return Reply.say(CoordinatedPrograms.refusal((ProgramRefusal) change, action));
  }

  private String said(Scheduling scheduled, String action) {
    if (scheduled instanceof Scheduling.Scheduled done) {
      Program program = done.program();
      return WORDS.phrase("coordinator.program.dates_set", "name", program.name(),
          "startsOn", Phrases.dayWithYear(program.startsOn()), "endsOn", Phrases.dayWithYear(program.endsOn()));
    }
    if (scheduled instanceof Scheduling.AlreadyUnderWay underWay) {
      Program program = underWay.program();
      boolean dated = program.startsOn() != null && program.endsOn() != null;
      return WORDS.phrase("coordinator.program.dates_fixed", "name", program.name(), "state", program.state().code(),
          "dated", dated ? "yes" : "no", "startsOn", dated ? Phrases.dayWithYear(program.startsOn()) : "",
          "endsOn", dated ? Phrases.dayWithYear(program.endsOn()) : "");
    }
    if (scheduled instanceof Scheduling.StartsInThePast past) {
      return WORDS.phrase("coordinator.program.starts_in_past", "today", Phrases.dayWithYear(past.today()));
    }
    return CoordinatedPrograms.refusal((ProgramRefusal) scheduled, action);
  }
}
