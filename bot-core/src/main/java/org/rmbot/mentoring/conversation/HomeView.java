package org.rmbot.mentoring.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.program.Programs;
import org.rmbot.mentoring.report.ProgramFigures;
import org.rmbot.mentoring.wording.Catalogue;

/** The home tab: a participant's pairing and next step; for coordinators, their programs' figures too. */
public final class HomeView {
  private static final Catalogue WORDS = Catalogue.english();

  private final ParticipantCommands participantSide;
  private final Programs programs;
  private final ProgramFigures figures;
  private final Authority authority;

  public HomeView(ParticipantCommands participantSide, Programs programs, ProgramFigures figures, Authority authority) {
    this.participantSide = participantSide;
    this.programs = programs;
    this.figures = figures;
    this.authority = authority;
  }

  ChatMessage of(Caller caller, Optional<Person> person) {
    if (person.isEmpty()) {
      String welcome = WORDS.phrase("home.welcome");
      return ChatMessage.of(welcome, new Block.Section(Markup.bold(welcome) + " "
          + WORDS.phrase("home.welcome_next", "help", Markup.command("help"), "join", Markup.command("join"))));
    }
    List<Block> blocks = new ArrayList<>(participantSide.me(person.get()).blocks());
    programs.all().stream()
        .filter(p -> p.state() != ProgramState.CLOSED)
        .filter(p -> authority.canCoordinate(person.get().id(), p.id()))
        .forEach(p -> {
          blocks.add(new Block.Divider());
          blocks.addAll(CoordinatorCommands.statusMessage(figures.status(p)).blocks());
        });
    return new ChatMessage(WORDS.phrase("home.title"), blocks, null);
  }
}
