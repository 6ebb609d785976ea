package org.rmbot.mentoring.nudge;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.participant.Participants;
import org.rmbot.mentoring.program.Programs;

/**
 * Notifications as ledger rows, due now: the dispatcher sends them inside the recipient's
 * working hours, once, with retries. Keys make repeats harmless: a proposal is planned once per
 * side, a help request once per coordinator.
 */
public final class LedgerNotifications implements Notifications {
  /** When an open help request is put to the coordinators again. */
  static final java.time.Duration HELP_FOLLOW_UP = java.time.Duration.ofDays(2);

  private final NudgeLedger ledger;
  private final PlanningNudges planning;
  private final Participants participants;
  private final Programs programs;
  private final Clock clock;

  public LedgerNotifications(NudgeLedger ledger, PlanningNudges planning, Participants participants, Programs programs,
      Clock clock) {
    this.ledger = ledger;
    this.planning = planning;
    this.participants = participants;
    this.programs = programs;
    this.clock = clock;
  }

  @Override
  public void proposalMade(Pairing pairing) {
    List<PlannedNudge> rows = new ArrayList<>();
    for (long participantId : new long[] {pairing.mentorId(), pairing.menteeId()}) {
      rows.add(toPerson(pairing.programId(), pairing.id(), personOf(participantId), NudgeKind.PROPOSAL, WindowRef.Named.PROPOSAL));
    }
    ledger.plan(rows);
  }

  @Override
  public void proposalWithdrawn(Pairing pairing, long participantToTell) {
    ledger.plan(List.of(toPerson(pairing.programId(), pairing.id(), personOf(participantToTell),
        NudgeKind.PROPOSAL_WITHDRAWN, WindowRef.Named.WITHDRAWN)));
  }

  @Override
  public void pairingEnded(Pairing pairing) {
    List<PlannedNudge> rows = new ArrayList<>();
    for (long participantId : new long[] {pairing.mentorId(), pairing.menteeId()}) {
      rows.add(toPerson(pairing.programId(), pairing.id(), personOf(participantId), NudgeKind.PROPOSAL_WITHDRAWN, WindowRef.Named.ENDED));
    }
    ledger.plan(rows);
  }

  @Override
  public void pairingActivated(Pairing pairing) {
    planning.pairingActivated(pairing.id());
    // plan the introduction now rather than at the next scheduled pass: people have just said yes
    planning.planDue();
  }

  @Override
  public void helpRequested(long programId, long helpRequestId) {
    List<PlannedNudge> rows = new ArrayList<>();
    for (long coordinator : programs.coordinators(programId)) {
      rows.add(toPerson(programId, null, coordinator, NudgeKind.HELP_REQUEST, new WindowRef.HelpRequest(helpRequestId, false)));
      // a request nobody has marked done comes back to the coordinators once, two days on
      rows.add(new PlannedNudge(programId, null, coordinator, Audience.PERSON, NudgeKind.HELP_REQUEST,
          new WindowRef.HelpRequest(helpRequestId, true), clock.instant().plus(HELP_FOLLOW_UP), null));
    }
    ledger.plan(rows);
  }

  @Override
  public void unmatched(long programId, long participantId, long since, boolean becauseFull) {
    long person = personOf(participantId);
    // once each time someone is back in the pool, whatever a later round finds the reason to be
    boolean told = ledger.ofProgram(programId).stream().anyMatch(n -> n.kind() == NudgeKind.UNMATCHED
        && n.recipientPersonId() != null && n.recipientPersonId() == person
        && n.window() instanceof WindowRef.Pool p && p.since() == since);
    if (!told) {
      ledger.plan(List.of(toPerson(programId, null, person, NudgeKind.UNMATCHED, new WindowRef.Pool(since, becauseFull))));
    }
  }

  @Override
  public void nudgeRequested(long programId, long personId) {
    // one per person per minute: a double click is one nudge, a nudge next week is another
    Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    ledger.plan(List.of(toPerson(programId, null, personId, NudgeKind.COORDINATOR_NUDGE, new WindowRef.At(minute))));
  }

  private PlannedNudge toPerson(long programId, Long pairingId, long personId, NudgeKind kind, WindowRef window) {
    return new PlannedNudge(programId, pairingId, personId, Audience.PERSON, kind, window, clock.instant(), null);
  }

  private long personOf(long participantId) {
    return participants.findById(participantId).orElseThrow().personId();
  }
}
