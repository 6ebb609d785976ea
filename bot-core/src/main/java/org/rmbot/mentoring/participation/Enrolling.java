package org.rmbot.mentoring.participation;

import java.time.ZoneId;
import java.util.Optional;
import org.rmbot.mentoring.common.Transactions;
import org.rmbot.mentoring.participant.Enrolment;
import org.rmbot.mentoring.participant.NewPerson;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.Participants;
import org.rmbot.mentoring.participant.People;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.WorkingHours;
import org.rmbot.mentoring.privacy.SealedBox;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.program.Programs;

/**
 * Someone joins an enrolling program with their answers to its form. Their time zone, their
 * manager, the enrolment and its sealed focus areas are written in one transaction: all of it
 * or none.
 */
public final class Enrolling {
  private final Transactions transactions;
  private final Programs programs;
  private final People people;
  private final Participants participants;
  private final SealedBox box;

  public Enrolling(Transactions transactions, Programs programs, People people, Participants participants,
      SealedBox box) {
    this.transactions = transactions;
    this.programs = programs;
    this.people = people;
    this.participants = participants;
    this.box = box;
  }

  /** The program, if it still enrols: asked before the form is read, so a late form hears that first. */
  public Optional<Program> enrolling(long programId) {
    return programs.findById(programId).filter(p -> p.state() == ProgramState.ENROLLING);
  }

  /**
   * Enrols the person, if the program still enrols (checked again, holding the program's row).
   * {@code zone} is the time zone their chat client reports, which replaces the one on file.
   */
  public Joining enrol(long programId, Person person, Optional<ZoneId> zone, JoinAnswers a) {
    return transactions.inTransaction(() -> {
      programs.lockForUpdate(programId);
      Optional<Program> program = enrolling(programId);
      if (program.isEmpty()) {
        return new Joining.NotOpenAnyMore();
      }
      Person me = zone.filter(z -> !z.equals(person.timeZone()))
          .map(z -> people.save(new NewPerson(person.email(), person.displayName(), z, person.workingHours())))
          .orElse(person);
      Long manager = a.managerEmail() == null ? null
          : people.findByEmail(a.managerEmail()).orElseGet(() -> people.save(new NewPerson(a.managerEmail(),
              a.managerEmail(), me.timeZone(), WorkingHours.officeHours()))).id();
      if (manager != null && manager == me.id()) {
        manager = null;
      }
      Participant participant = participants.enrol(new Enrolment(programId, me.id(), a.role(), a.grade(),
          a.department(), manager, a.offered(), a.sought(), a.languages(), 1, true));
      participants.storeSealedFocusAreas(participant.id(),
          a.focusAreas() == null ? null : box.seal(a.focusAreas(), "focus/participant:" + participant.id()));
      participants.shareFocusAreas(participant.id(), a.shareFocusAreas());
      participants.nameLivedExperience(participant.id(), a.nameLivedExperience());
      return new Joining.Joined(program.get(), participant);
    });
  }
}
