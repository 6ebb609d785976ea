package org.rmbot.mentoring.conversation;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.common.Phrases;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.command.Command;
import org.rmbot.mentoring.common.Outcome;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.Programs;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * {@code help-requests}: coordinators read the program's open help requests with the notes people
 * wrote for them, and mark them done. Reading is audited, like every look at personal data.
 */
public final class HelpRequestCommands {
  /** Enough to act on; a longer queue is a sign to work through it, not to scroll. */
  static final int SHOWN = 15;
  private static final String DONE = "help-requests done";
  private static final Catalogue WORDS = Catalogue.english();

  private final CoordinatedPrograms coordinating;
  private final HelpRequests requests;
  private final AuditLog audit;

  public HelpRequestCommands(ProgramChooser chooser, Programs programs, Authority authority, AuditLog audit, HelpRequests requests) {
    this.coordinating = new CoordinatedPrograms(chooser, programs, authority, audit);
    this.requests = requests;
    this.audit = audit;
  }

  Reply helpRequests(Caller caller, Person person, Command.HelpRequests list) {
    return coordinating.answer(person, list.program(), "help-requests", p -> list(person, p));
  }

  Reply resolveHelpRequest(Caller caller, Person person, Command.ResolveHelpRequest done) {
    return resolve(person, done.number());
  }

  private Reply list(Person person, Program program) {
    List<HelpRequests.Open> open = requests.openIn(program.id());
    audit.record(Actor.person(person.id()), "help-requests", program.id(), AuditSubject.described(open.size() + " open"));
    if (open.isEmpty()) {
      return Reply.say(WORDS.phrase("help_request.none_open", "program", program.name()));
    }
    return new Reply.Say(listMessage(program.name(), open, person.timeZone()));
  }

  static ChatMessage listMessage(String programName, List<HelpRequests.Open> open, ZoneId zone) {
    List<Block> blocks = new ArrayList<>();
    String title = WORDS.phrase("help_request.list.title", "program", programName);
    blocks.add(new Block.Section(WORDS.phrase("help_request.list.heading", "title", Markup.bold(title),
        "count", open.size(), "countText", String.valueOf(open.size()))));
    for (HelpRequests.Open r : open.subList(0, Math.min(SHOWN, open.size()))) {
      String request = WORDS.phrase("help_request.list.request", "number", String.valueOf(r.number()), "name", r.name());
      blocks.add(new Block.Section(WORDS.phrase("help_request.list.item", "request", Markup.bold(request),
          "day", Phrases.dayWithYear(r.createdAt(), zone),
          "note", r.note().orElseGet(() -> WORDS.phrase("help_request.list.no_note")))));
    }
    if (open.size() > SHOWN) {
      blocks.add(new Block.Context(WORDS.phrase("help_request.list.more", "count", String.valueOf(open.size() - SHOWN))));
    }
    blocks.add(new Block.Context(WORDS.phrase("help_request.list.footer", "done", Markup.command("help-requests done <number>"))));
    return new ChatMessage(title, blocks, null);
  }

  /** A number that is not an open request in one of the person's programs gets one answer, whoever's it is. */
  private Reply resolve(Person person, long number) {
    if (!coordinating.coordinatesAnything(person)) {
      audit.refused(Actor.person(person.id()), DONE, null, AuditSubject.described("not a coordinator"));
      return Reply.say(CoordinatedPrograms.onlyCoordinators(DONE));
    }
    Optional<Long> programId = requests.programOfOpen(number);
    if (programId.isEmpty() || !coordinating.canCoordinate(person, programId.get())) {
      String list = Markup.command("help-requests");
      return Reply.say(coordinating.isAdmin(person)
          ? WORDS.phrase("help_request.done.none", "number", String.valueOf(number), "list", list)
          : coordinating.notInTheirPrograms(person, DONE, programId.orElse(null),
              WORDS.phrase("help_request.done.none_yours", "number", String.valueOf(number), "list", list)));
    }
    Outcome<Program> program = coordinating.program(person, programId.get(), DONE);
    if (program instanceof Outcome.Rejected<Program> r) {
      return Reply.say(r.reason());
    }
    if (requests.resolve(number)) {
      audit.record(Actor.person(person.id()), DONE, programId.get(), AuditSubject.helpRequest(number));
    }
    return Reply.say(WORDS.phrase("help_request.done", "number", String.valueOf(number), "program", program.value().name()));
  }
}
