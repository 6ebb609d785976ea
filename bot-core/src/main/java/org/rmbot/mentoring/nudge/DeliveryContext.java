package org.rmbot.mentoring.nudge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.List;
import org.rmbot.mentoring.pairing.PairingState;
import org.rmbot.mentoring.participant.ParticipantStatus;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.program.ProgramState;

/** What delivery needs to know about a nudge at the moment it comes due, read in one query. */
record DeliveryContext(
    Nudge nudge,
    String programName,
    String theme,
    ProgramState programState,
    int cadenceDays,
    ZoneId programZone,
    LocalDate programEndsOn,
    String policyJson,
    Pair pair,
    Side recipient) {

  /** One person as the nudge sees them; role, status and snooze are null for a coordinator who is not a participant. */
  record Side(Person person, Role role, ParticipantStatus status, Instant snoozedUntil, int grade) {}

  record Pair(long pairingId, PairingState state, Instant activatedAt, Side mentor, Side mentee) {
    List<Side> both() {
      return List.of(mentor, mentee);
    }
  }

  /** Whether the program's last day ({@code endsOn}, in the program's zone) is over at {@code now}; never without an end date. */
  boolean programOver(Instant now) {
    return programEndsOn != null
        && !now.isBefore(ZonedDateTime.of(programEndsOn.plusDays(1), LocalTime.MIDNIGHT, programZone).toInstant());
  }

  /** The people who must be inside working hours and not snoozed for it to go out. */
  List<Side> audience() {
    return switch (nudge.audience()) {
      case PERSON -> List.of(recipient);
      case PAIR -> pair.both();
      case PROGRAM -> List.of();
    };
  }
}
