package org.rmbot.mentoring.participation;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.rmbot.mentoring.common.Transactions;
import org.rmbot.mentoring.meeting.Meeting;
import org.rmbot.mentoring.meeting.Meetings;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.Pairings;
import org.rmbot.mentoring.participant.Participants;
import org.rmbot.mentoring.program.Programs;

/**
 * One side of an open pairing records the meeting they booked. Only its mentor or mentee may,
 * and only for a moment still to come; the check and the meeting are one transaction.
 */
public final class BookingMeeting {
  private final Transactions transactions;
  private final Pairings pairings;
  private final Participants participants;
  private final Meetings meetings;
  private final Programs programs;
  private final Clock clock;

  public BookingMeeting(Transactions transactions, Pairings pairings, Participants participants, Meetings meetings,
      Programs programs, Clock clock) {
    this.transactions = transactions;
    this.pairings = pairings;
    this.participants = participants;
    this.meetings = meetings;
    this.programs = programs;
    this.clock = clock;
  }

  /** The open pairing, if the person is one of its sides: asked before the form is read. */
  public Optional<Pairing> bookable(long personId, long pairingId) {
    return pairings.findById(pairingId).filter(p -> p.state().isOpen()).filter(p -> isSide(personId, p));
  }

  /** Records the meeting at {@code at}, booked by the person (checked again, on this call). */
  public Booking book(long personId, long pairingId, Instant at) {
    return transactions.inTransaction(() -> {
      Optional<Pairing> pairing = bookable(personId, pairingId);
      if (pairing.isEmpty()) {
        return new Booking.NotYours();
      }
      if (at.isBefore(clock.instant())) {
        return new Booking.InThePast();
      }
      Meeting meeting = meetings.book(pairingId, at, personId);
      return new Booking.Booked(meeting, programs.findById(pairing.get().programId()));
    });
  }

  /** Whether the person is the pairing's mentor or its mentee. */
  private boolean isSide(long personId, Pairing pairing) {
    return participants.findById(pairing.mentorId()).map(p -> p.personId() == personId).orElse(false)
        || participants.findById(pairing.menteeId()).map(p -> p.personId() == personId).orElse(false);
  }
}
