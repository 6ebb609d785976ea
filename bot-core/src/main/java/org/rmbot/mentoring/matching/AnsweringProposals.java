package org.rmbot.mentoring.matching;

import org.rmbot.mentoring.wording.Catalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.rmbot.mentoring.audit.AuditActor;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.common.Outcome;
import org.rmbot.mentoring.common.Transactions;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.PairingEvent;
import org.rmbot.mentoring.pairing.PairingLifecycle;
import org.rmbot.mentoring.pairing.Pairings;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.Participants;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.program.Programs;

/**
 * Each side privately accepts or declines a proposed pairing. It becomes active only when both
 * accept. A decline is private: the other side learns only that the match will not go ahead,
 * the pair is never proposed again, and both return to the pool. Accepting also records the
 * person's consent to the program's privacy notice, which the proposal shows.
 */
public final class AnsweringProposals {

  /** The result of an answer, with what each side may be told. */
  public sealed interface Answer {
    Pairing pairing();

    /** Accepted; {@code nowActive} when this was the second acceptance. */
    record Accepted(Pairing pairing, boolean nowActive) implements Answer {}

    /** Declined; {@code otherParticipantId} is told only that the match will not go ahead. */
    record Declined(Pairing pairing, long otherParticipantId) implements Answer {}
  }

  public static final String NOT_GOING_AHEAD = Catalogue.english().phrase("matching.not_going_ahead");

  private final Transactions transactions;
  private final Pairings pairings;
  private final Participants participants;
  private final PairingLifecycle lifecycle;
  private final AuditLog audit;
  private final Programs programs;
  private final Clock clock;

  public AnsweringProposals(Transactions transactions, Pairings pairings, Participants participants,
      PairingLifecycle lifecycle, AuditLog audit, Programs programs, Clock clock) {
    this.programs = programs;
    this.clock = clock;
    this.transactions = transactions;
    this.pairings = pairings;
    this.participants = participants;
    this.lifecycle = lifecycle;
    this.audit = audit;
  }

  static final String NOT_YOURS = Catalogue.english().phrase("matching.proposal.not_yours");

  public Outcome<Answer> accept(long pairingId, long personId) {
    return transactions.inTransaction(() -> {
      Outcome<Participant> side = sideOf(pairingId, personId);
      if (!side.isDone()) {
        return Outcome.rejected(((Outcome.Rejected<Participant>) side).reason());
      }
      Pairing before = pairings.findById(pairingId).orElseThrow();
      PairingEvent event = before.mentorId() == side.value().id() ? PairingEvent.MENTOR_ACCEPTS : PairingEvent.MENTEE_ACCEPTS;
      Outcome<Pairing> after = lifecycle.apply(pairingId, event);
      if (!after.isDone()) {
        return Outcome.rejected(((Outcome.Rejected<Pairing>) after).reason());
      }
      participants.recordConsent(side.value().id());
      boolean active = after.value().state() == org.rmbot.mentoring.pairing.PairingState.ACTIVE;
      if (active) {
        startProgram(before.programId());
      }
      audit.record(AuditActor.Unnamed.PARTICIPANT, "pairing accepted", before.programId(),
          AuditSubject.pairing(pairingId).noting(active ? " now active" : " awaiting the other side"));
      return Outcome.done(new Answer.Accepted(after.value(), active));
    });
  }

  public Outcome<Answer> decline(long pairingId, long personId) {
    return transactions.inTransaction(() -> {
      Outcome<Participant> side = sideOf(pairingId, personId);
      if (!side.isDone()) {
        return Outcome.rejected(((Outcome.Rejected<Participant>) side).reason());
      }
      Pairing before = pairings.findById(pairingId).orElseThrow();
      if (!before.state().awaitingConsent()) {
        return Outcome.rejected(Catalogue.english().phrase("matching.proposal.cannot_decline",
            "state", before.state().describe()));
      }
      Outcome<Pairing> after = lifecycle.apply(pairingId, PairingEvent.DECLINE);
      if (!after.isDone()) {
        return Outcome.rejected(((Outcome.Rejected<Pairing>) after).reason());
      }
      long other = before.mentorId() == side.value().id() ? before.menteeId() : before.mentorId();
      // the audit says that it was declined, never by whom
      audit.record(AuditActor.Unnamed.PARTICIPANT, "pairing declined", before.programId(), AuditSubject.pairing(pairingId));
      return Outcome.done(new Answer.Declined(after.value(), other));
    });
  }

  /**
   * The first pair to say yes starts the program: its milestones and campaigns are planned from
   * then on. A program cannot have begun before its first pair, so one without dates (imported)
   * or dated earlier (created in chat, the day it was created) now starts today, keeping its
   * length (six months when it had none); otherwise its kickoff would be long past, never sent,
   * and its midpoint and closing would come early.
   */
  private void startProgram(long programId) {
    programs.findById(programId)
        .filter(p -> p.state() == ProgramState.ENROLLING || p.state() == ProgramState.MATCHING)
        .ifPresent(p -> {
          programs.changeState(programId, ProgramState.ACTIVE);
          LocalDate today = LocalDate.ofInstant(clock.instant(), p.settings().defaultTimeZone());
          String dates = "";
          if (p.startsOn() == null || p.endsOn() == null || p.startsOn().isBefore(today)) {
            LocalDate ends = p.startsOn() != null && p.endsOn() != null
                ? today.plusDays(ChronoUnit.DAYS.between(p.startsOn(), p.endsOn())) : today.plusMonths(6);
            programs.setDates(programId, today, ends);
            dates = "; runs " + today + " to " + ends;
          }
          audit.record(AuditActor.Unnamed.BOT, "program active", programId, AuditSubject.described("first pairing active" + dates));
        });
  }

  /**
   * The caller's participant record in this pairing; anyone else is refused, with the answer a
   * pairing that does not exist gets, so a forged click learns nothing about pairing numbers.
   */
  private Outcome<Participant> sideOf(long pairingId, long personId) {
    var pairing = pairings.findById(pairingId);
    if (pairing.isEmpty()) {
      return Outcome.rejected(NOT_YOURS);
    }
    for (long participantId : new long[] {pairing.get().mentorId(), pairing.get().menteeId()}) {
      var participant = participants.findById(participantId);
      if (participant.isPresent() && participant.get().personId() == personId) {
        return Outcome.done(participant.get());
      }
    }
    return Outcome.rejected(NOT_YOURS);
  }
}
