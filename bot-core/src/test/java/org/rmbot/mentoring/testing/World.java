package org.rmbot.mentoring.testing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditLogInDatabase;
import org.rmbot.mentoring.common.MovableClock;
import org.rmbot.mentoring.common.Transactions;
import org.rmbot.mentoring.meeting.Meetings;
import org.rmbot.mentoring.meeting.MeetingsInDatabase;
import org.rmbot.mentoring.pairing.Pairings;
import org.rmbot.mentoring.pairing.PairingsInDatabase;
import org.rmbot.mentoring.participant.Enrolment;
import org.rmbot.mentoring.participant.NewPerson;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.Participants;
import org.rmbot.mentoring.participant.ParticipantsInDatabase;
import org.rmbot.mentoring.participant.People;
import org.rmbot.mentoring.participant.PeopleInDatabase;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.participant.WorkingHours;
import org.rmbot.mentoring.persistence.JdbiTransactions;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.Programs;
import org.rmbot.mentoring.program.ProgramsInDatabase;

/**
 * The core's repositories on one test database with a clock that stands still, plus fixtures
 * that read as sentences: {@code world.aReverseProgram()}, {@code world.aJuniorMentor(program)}.
 */
public final class World {
  public final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T08:00:00Z"));
  public final Jdbi jdbi;
  public final Transactions transactions;
  public final Programs programs;
  public final People people;
  public final Participants participants;
  public final Pairings pairings;
  public final Meetings meetings;
  public final AuditLog audit;
  private int counter;

  public World(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.transactions = new JdbiTransactions(jdbi);
    this.programs = new ProgramsInDatabase(jdbi, clock);
    this.people = new PeopleInDatabase(jdbi, clock);
    this.participants = new ParticipantsInDatabase(jdbi, clock);
    this.pairings = new PairingsInDatabase(jdbi, clock);
    this.meetings = new MeetingsInDatabase(jdbi, clock);
    this.audit = new AuditLogInDatabase(jdbi, clock);
  }

  public Program aReverseProgram() {
    return programs.create(NewProgram.reverse("Program " + (++counter), "LGBTQ+ inclusion",
        java.time.LocalDate.of(2026, 1, 5)));
  }

  public Person aPerson(String name) {
    return people.save(new NewPerson(name.toLowerCase().replace(' ', '.') + (++counter) + "@example.com", name,
        ZoneId.of("Europe/London"), WorkingHours.officeHours()));
  }

  public Participant aJuniorMentor(Program program) {
    return enrol(program, aPerson("Junior Mentor"), Role.MENTOR, 2, "Engineering");
  }

  public Participant aSeniorMentee(Program program) {
    return enrol(program, aPerson("Senior Mentee"), Role.MENTEE, 8, "Finance");
  }

  public Participant enrol(Program program, Person person, Role role, int grade, String department) {
    return participants.enrol(new Enrolment(program.id(), person.id(), role, grade, department, null,
        Set.of("allyship"), Set.of("strategy"), Set.of("English"), 1, true));
  }

  /** Proposes the pair and has both accept: the pairing is active from now on. */
  public org.rmbot.mentoring.pairing.Pairing activePairing(Program program, Participant mentor, Participant mentee) {
    var lifecycle = new org.rmbot.mentoring.pairing.PairingLifecycle(pairings);
    var proposed = pairings.propose(program.id(), mentor.id(), mentee.id(), 0, "test pair", false);
    lifecycle.apply(proposed.id(), org.rmbot.mentoring.pairing.PairingEvent.MENTOR_ACCEPTS);
    return lifecycle.apply(proposed.id(), org.rmbot.mentoring.pairing.PairingEvent.MENTEE_ACCEPTS).value();
  }
}
