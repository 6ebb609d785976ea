package org.rmbot.mentoring.conversation;

import java.util.List;
import java.util.Optional;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.common.Outcome;
import org.rmbot.mentoring.participant.Participants;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.program.Programs;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * Which program a command means when the person did not name one: the only one they take part
 * in or coordinate; if there are several, they are asked to name it.
 */
public final class ProgramChooser {
  private static final Catalogue WORDS = Catalogue.english();

  private final Programs programs;
  private final Participants participants;
  private final Authority authority;

  public ProgramChooser(Programs programs, Participants participants, Authority authority) {
    this.programs = programs;
    this.participants = participants;
    this.authority = authority;
  }

  Outcome<Program> named(String name) {
    return programs.findByName(name).map(Outcome::done)
        .orElseGet(() -> Outcome.rejected(WORDS.phrase("chooser.no_such_program", "name", ReplyText.clip(name, 60))));
  }

  /** A program the person coordinates (admins: any open program). */
  Outcome<Program> coordinated(Person person, Optional<String> name) {
    if (name.isPresent()) {
      return named(name.get());
    }
    List<Program> mine = programs.all().stream()
        .filter(p -> p.state() != ProgramState.CLOSED)
        .filter(p -> authority.canCoordinate(person.id(), p.id()))
        .toList();
    return choose(mine, "coordinate");
  }

  /** A program the person takes part in. */
  Outcome<Program> takingPart(Person person, Optional<String> name) {
    if (name.isPresent()) {
      return named(name.get());
    }
    List<Program> mine = participants.ofPerson(person.id()).stream()
        .map(p -> programs.findById(p.programId()).orElseThrow())
        .filter(p -> p.state() != ProgramState.CLOSED)
        .toList();
    return choose(mine, "take_part");
  }

  /**
   * The program open for enrolment, if exactly one is, or the one named. A name that is not open
   * for enrolment gets one answer whether it exists or not: a draft's name is nobody's business.
   */
  Outcome<Program> enrolling(Optional<String> name) {
    if (name.isPresent()) {
      return programs.findByName(name.get()).filter(p -> p.state() == ProgramState.ENROLLING).map(Outcome::done)
          .orElseGet(() -> Outcome.rejected(
              WORDS.phrase("chooser.not_open_for_enrolment", "name", ReplyText.clip(name.get(), 60))));
    }
    List<Program> open = programs.all().stream().filter(p -> p.state() == ProgramState.ENROLLING).toList();
    if (open.isEmpty()) {
      return Outcome.rejected(WORDS.phrase("chooser.none_open_for_enrolment"));
    }
    return choose(open, "can_join");
  }

  /** {@code relation} is how the person stands to the candidates: coordinate, take_part or can_join. */
  private static Outcome<Program> choose(List<Program> candidates, String relation) {
    if (candidates.size() == 1) {
      return Outcome.done(candidates.get(0));
    }
    if (candidates.isEmpty()) {
      return Outcome.rejected(WORDS.phrase("chooser.none_of_yours", "relation", relation));
    }
    return Outcome.rejected(WORDS.phrase("chooser.several", "relation", relation,
        "names", String.join(", ", candidates.stream().map(p -> "\"" + p.name() + "\"").toList())));
  }
}
