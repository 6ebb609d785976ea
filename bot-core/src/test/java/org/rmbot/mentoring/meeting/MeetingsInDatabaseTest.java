package org.rmbot.mentoring.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

class MeetingsInDatabaseTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private World world;
  private Pairing pairing;
  private Participant mentee;

  @BeforeEach
  void setUp() {
    world = new World(db.jdbi());
    Program program = world.aReverseProgram();
    Participant mentor = world.aJuniorMentor(program);
    mentee = world.aSeniorMentee(program);
    pairing = world.pairings.propose(program.id(), mentor.id(), mentee.id(), 1, "", false);
  }

  @Test
  void answeringTheSameCheckInTwiceChangesNothingTheSecondTime() {
    LocalDate window = LocalDate.of(2026, 1, 19);
    assertThat(world.meetings.checkIn(pairing.id(), mentee.personId(), window, CheckInAnswer.MET)).isTrue();
    assertThat(world.meetings.checkIn(pairing.id(), mentee.personId(), window, CheckInAnswer.MET)).isFalse();
    assertThat(world.meetings.checkInsOf(pairing.id())).singleElement()
        .satisfies(c -> assertThat(c.answer()).isEqualTo(CheckInAnswer.MET));
  }

  @Test
  void aChangedAnswerReplacesTheEarlierOneForThatWindowOnly() {
    LocalDate first = LocalDate.of(2026, 1, 19);
    LocalDate second = LocalDate.of(2026, 2, 2);
    world.meetings.checkIn(pairing.id(), mentee.personId(), first, CheckInAnswer.NOT_YET);
    world.meetings.checkIn(pairing.id(), mentee.personId(), first, CheckInAnswer.RESCHEDULED);
    world.meetings.checkIn(pairing.id(), mentee.personId(), second, CheckInAnswer.MET);
    assertThat(world.meetings.checkInsOf(pairing.id())).extracting(CheckIn::windowStart, CheckIn::answer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(first, CheckInAnswer.RESCHEDULED),
            org.assertj.core.groups.Tuple.tuple(second, CheckInAnswer.MET));
  }

  @Test
  void bookedMeetingsComeBackInTimeOrder() {
    Instant later = Instant.parse("2026-02-10T15:00:00Z");
    Instant sooner = Instant.parse("2026-01-20T10:00:00Z");
    world.meetings.book(pairing.id(), later, mentee.personId());
    Meeting first = world.meetings.book(pairing.id(), sooner, mentee.personId());
    world.meetings.changeStatus(first.id(), MeetingStatus.HELD);
    assertThat(world.meetings.ofPairing(pairing.id())).extracting(Meeting::scheduledAt, Meeting::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(sooner, MeetingStatus.HELD),
            org.assertj.core.groups.Tuple.tuple(later, MeetingStatus.PLANNED));
  }
}
