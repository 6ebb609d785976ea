package org.rmbot.mentoring.infra;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.access.AdminsInDatabase;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.access.ProgramAuthority;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.matching.AnsweringProposals;
import org.rmbot.mentoring.matching.MatchConstraints;
import org.rmbot.mentoring.matching.MatchConstraintsInDatabase;
import org.rmbot.mentoring.matching.MatchingEngine;
import org.rmbot.mentoring.matching.Matchmaking;
import org.rmbot.mentoring.matching.SettingMatchRules;
import org.rmbot.mentoring.audit.AuditLogInDatabase;
import org.rmbot.mentoring.common.Transactions;
import org.rmbot.mentoring.importing.ImportingParticipants;
import org.rmbot.mentoring.meeting.Meetings;
import org.rmbot.mentoring.meeting.MeetingsInDatabase;
import org.rmbot.mentoring.pairing.PairingLifecycle;
import org.rmbot.mentoring.pairing.Pairings;
import org.rmbot.mentoring.pairing.PairingsInDatabase;
import org.rmbot.mentoring.participant.Participants;
import org.rmbot.mentoring.participant.ParticipantsInDatabase;
import org.rmbot.mentoring.participant.People;
import org.rmbot.mentoring.participant.PeopleInDatabase;
import org.rmbot.mentoring.persistence.Database;
import org.rmbot.mentoring.persistence.JdbiTransactions;
import org.rmbot.mentoring.program.Programs;
import org.rmbot.mentoring.program.ProgramsInDatabase;

/** All hand wiring of the core lives here: repositories, then the use cases built on them. */
final class Wiring {
  private Wiring() {}

  record Core(
      Transactions transactions,
      Programs programs,
      People people,
      Participants participants,
      Pairings pairings,
      Meetings meetings,
      AuditLog audit,
      PairingLifecycle pairingLifecycle,
      ImportingParticipants importing,
      Authority authority,
      Matchmaking matchmaking,
      AnsweringProposals answering,
      SettingMatchRules matchRules) {}

  static Core core(Database database, Clock clock) {
    Jdbi jdbi = database.jdbi();
    Transactions transactions = new JdbiTransactions(jdbi);
    Programs programs = new ProgramsInDatabase(jdbi, clock);
    People people = new PeopleInDatabase(jdbi, clock);
    Participants participants = new ParticipantsInDatabase(jdbi, clock);
    Pairings pairings = new PairingsInDatabase(jdbi, clock);
    Meetings meetings = new MeetingsInDatabase(jdbi, clock);
    AuditLog audit = new AuditLogInDatabase(jdbi, clock);
    PairingLifecycle lifecycle = new PairingLifecycle(pairings);
    Authority authority = new ProgramAuthority(new AdminsInDatabase(jdbi, clock), programs, people, java.util.Set.of());
    MatchConstraints constraints = new MatchConstraintsInDatabase(jdbi, clock);
    return new Core(transactions, programs, people, participants, pairings, meetings, audit, lifecycle,
        new ImportingParticipants(transactions, programs, people, participants, audit),
        authority,
        new Matchmaking(transactions, programs, participants, people, pairings, constraints, authority, audit,
            clock, new MatchingEngine()),
        new AnsweringProposals(transactions, pairings, participants, lifecycle, audit),
        new SettingMatchRules(participants, pairings, constraints, lifecycle, authority, audit));
  }
}
