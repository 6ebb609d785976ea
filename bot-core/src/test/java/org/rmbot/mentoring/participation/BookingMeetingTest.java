package org.rmbot.mentoring.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.meeting.CheckIn;
import org.rmbot.mentoring.meeting.CheckInAnswer;
import org.rmbot.mentoring.meeting.Meeting;
import org.rmbot.mentoring.meeting.MeetingStatus;
import org.rmbot.mentoring.meeting.Meetings;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.PairingEvent;
import org.rmbot.mentoring.pairing.PairingLifecycle;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

class BookingMeetingTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private World world;
  private BookingMeeting booking;
  private Program program;
  private Participant mentor;
  private Participant mentee;
  private Pairing pairing;
  private Instant nextWeek;

  @BeforeEach
  void setUp() {
    world = new World(db.jdbi());
    booking = booking(world.meetings);
    program = world.aReverseProgram();
    mentor = world.aJuniorMentor(program);
    mentee = world.aSeniorMentee(program);
    pairing = world.activePairing(program, mentor, mentee);
    nextWeek = world.clock.instant().plus(Duration.ofDays(7));
  }

  private BookingMeeting booking(Meetings meetings) {
    return new BookingMeeting(world.transactions, world.pairings, world.participants, meetings, world.programs,
        world.clock);
  }

  private List<Meeting> meetings() {
    return world.meetings.ofPairing(pairing.id());
  }

  @Test
  void eitherSideOfAnOpenPairingBooksAMeeting() {
    Booking booked = booking.book(mentee.personId(), pairing.id(), nextWeek);
    assertThat(booked).isInstanceOf(Booking.Booked.class);
    assertThat(((Booking.Booked) booked).program()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(program.id()));
    assertThat(meetings()).singleElement().satisfies(m -> {
      assertThat(m.scheduledAt()).isEqualTo(nextWeek);
      assertThat(m.recordedBy()).isEqualTo(mentee.personId());
    });
    assertThat(booking.book(mentor.personId(), pairing.id(), nextWeek.plus(Duration.ofDays(7))))
        .isInstanceOf(Booking.Booked.class);
    assertThat(meetings()).hasSize(2);
  }

  @Test
  void someoneOutsideThePairingIsRefusedAndNothingIsWritten() {
    long outsider = world.aPerson("Olli Outsider").id();
    assertThat(booking.bookable(outsider, pairing.id())).isEmpty();
    assertThat(booking.book(outsider, pairing.id(), nextWeek)).isEqualTo(new Booking.NotYours());
    assertThat(booking.book(mentee.personId(), pairing.id() + 1000, nextWeek)).isEqualTo(new Booking.NotYours());
    assertThat(meetings()).isEmpty();
  }

  @Test
  void aPairingThatIsNoLongerOpenIsRefused() {
    new PairingLifecycle(world.pairings).apply(pairing.id(), PairingEvent.END);
    assertThat(booking.bookable(mentee.personId(), pairing.id())).isEmpty();
    assertThat(booking.book(mentee.personId(), pairing.id(), nextWeek)).isEqualTo(new Booking.NotYours());
    assertThat(meetings()).isEmpty();
  }

  @Test
  void aMomentThatHasPassedIsRefusedAndNothingIsWritten() {
    assertThat(booking.bookable(mentee.personId(), pairing.id())).contains(pairing);
    assertThat(booking.book(mentee.personId(), pairing.id(), world.clock.instant().minusSeconds(60)))
        .isEqualTo(new Booking.InThePast());
    assertThat(meetings()).isEmpty();
  }

  @Test
  void aFailureAfterTheMeetingIsWrittenLeavesNoMeeting() {
    Meetings failing = new Meetings() {
      @Override
      public Meeting book(long pairingId, Instant scheduledAt, long recordedBy) {
        world.meetings.book(pairingId, scheduledAt, recordedBy);
        throw new IllegalStateException("connection lost after the insert");
      }

      @Override
      public List<Meeting> ofPairing(long pairingId) {
        return world.meetings.ofPairing(pairingId);
      }

      @Override
      public void changeStatus(long meetingId, MeetingStatus status) {
        world.meetings.changeStatus(meetingId, status);
      }

      @Override
      public boolean checkIn(long pairingId, long personId, LocalDate windowStart, CheckInAnswer answer) {
        return world.meetings.checkIn(pairingId, personId, windowStart, answer);
      }

      @Override
      public List<CheckIn> checkInsOf(long pairingId) {
        return world.meetings.checkInsOf(pairingId);
      }
    };
    assertThatThrownBy(() -> booking(failing).book(mentee.personId(), pairing.id(), nextWeek))
        .hasMessageContaining("connection lost");
    assertThat(meetings()).isEmpty();
  }
}
