package org.rmbot.mentoring.coordination;

import java.util.List;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.common.Transactions;
import org.rmbot.mentoring.nudge.Notifications;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.Pairings;
import org.rmbot.mentoring.participant.Participants;
import org.rmbot.mentoring.program.Programs;
import org.rmbot.mentoring.report.ProgramFigures;

/**
 * A coordinator asks the bot to nudge someone about their pairing, or both people of every
 * pairing at risk. The nudges are planned in the nudge ledger (delivered later, inside working
 * hours) and then audited, in one transaction: a nudge is never planned without its audit entry.
 */
public final class NudgingPeople {
  private final CoordinatedChange change;
  private final Participants participants;
  private final Pairings pairings;
  private final ProgramFigures figures;
  private final Notifications notifications;
  private final AuditLog audit;

  public NudgingPeople(Transactions transactions, Programs programs, Participants participants, Pairings pairings,
      ProgramFigures figures, Notifications notifications, Authority authority, AuditLog audit) {
    this.change = new CoordinatedChange(transactions, programs, authority, audit);
    this.participants = participants;
    this.pairings = pairings;
    this.figures = figures;
    this.notifications = notifications;
    this.audit = audit;
  }

  /** Nudges the person, if they take part in the program. */
  public Nudging nudge(Actor actor, long programId, long personId) {
    return change.change(actor, programId, "nudge", refusal -> refusal, program -> {
      if (participants.find(programId, personId).isEmpty()) {
        return new Nudging.NotInProgram(program);
      }
      notifications.nudgeRequested(programId, personId);
      audit.record(actor, "nudge", programId, AuditSubject.person(personId));
      return new Nudging.Nudged(program);
    });
  }

  /** Nudges both people of each pairing at risk now (ProgramFigures); none at risk is audited too. */
  public Nudging nudgeAtRisk(Actor actor, long programId) {
    return change.change(actor, programId, "nudge at-risk", refusal -> refusal, program -> {
      List<Long> atRisk = figures.atRiskPairings(program);
      for (long pairingId : atRisk) {
        Pairing pairing = pairings.findById(pairingId).orElseThrow();
        for (long participantId : new long[] {pairing.mentorId(), pairing.menteeId()}) {
          notifications.nudgeRequested(programId, participants.findById(participantId).orElseThrow().personId());
        }
      }
      audit.record(actor, "nudge at-risk", programId,
          AuditSubject.described(atRisk.size() + " pairs"));
      return new Nudging.AtRiskNudged(program, atRisk.size());
    });
  }
}
