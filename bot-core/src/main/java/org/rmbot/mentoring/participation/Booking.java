package org.rmbot.mentoring.participation;

import java.util.Optional;
import org.rmbot.mentoring.meeting.Meeting;
import org.rmbot.mentoring.program.Program;

/** What became of recording a meeting a pair booked. */
public sealed interface Booking permits Booking.Booked, Booking.NotYours, Booking.InThePast {

  /** The meeting is recorded; the program is there to tell whether reminders will still come. */
  record Booked(Meeting meeting, Optional<Program> program) implements Booking {}

  /** No open pairing of theirs by that id: nothing was written. */
  record NotYours() implements Booking {}

  /** The moment has passed: nothing was written. */
  record InThePast() implements Booking {}
}
