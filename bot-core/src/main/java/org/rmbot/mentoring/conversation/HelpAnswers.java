package org.rmbot.mentoring.conversation;

import java.util.Optional;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.command.Audience;
import org.rmbot.mentoring.command.Command;
import org.rmbot.mentoring.command.HelpText;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.Programs;

/** Answers {@code help}, the one command that needs no known person: the text fits the caller's role. */
public final class HelpAnswers {
  private final Authority authority;
  private final Programs programs;

  public HelpAnswers(Authority authority, Programs programs) {
    this.authority = authority;
    this.programs = programs;
  }

  Reply help(Caller caller, Optional<Person> person, Command.Help help) {
    return new Reply.Say(new HelpText(ChatRouter.invocation(caller)).message(help, audience(person)));
  }

  private Audience audience(Optional<Person> person) {
    if (person.isEmpty()) {
      return Audience.PARTICIPANT;
    }
    long id = person.get().id();
    if (authority.isAdmin(id)) {
      return Audience.ADMIN;
    }
    boolean coordinates = programs.all().stream().anyMatch(p -> authority.canCoordinate(id, p.id()));
    return coordinates ? Audience.COORDINATOR : Audience.PARTICIPANT;
  }
}
