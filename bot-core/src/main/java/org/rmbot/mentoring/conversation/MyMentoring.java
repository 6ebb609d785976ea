package org.rmbot.mentoring.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.pairing.PairingState;
import org.rmbot.mentoring.participant.ParticipantStatus;
import org.rmbot.mentoring.participant.Role;

/**
 * What {@code me} and App Home show a participant, read in one query: their programs, open
 * pairings, partners' names and next meetings. {@code me} is answered inside Slack's
 * acknowledgement, so one round trip instead of one per record keeps that answer quick.
 */
public final class MyMentoring {
  /** One participation, with one of its open pairings if it has any (then one row per pairing). */
  record Row(long participantId, String programName, Role role, ParticipantStatus status, Optional<Pairing> pairing) {}

  /** An open pairing as its participant sees it. */
  record Pairing(long id, PairingState state, boolean iAmMentor, String explanation, String partnerName,
      Optional<Instant> nextMeeting) {}

  private final MyMentoringSql sql;
  private final Clock clock;

  public MyMentoring(Jdbi jdbi, Clock clock) {
    this.sql = jdbi.onDemand(MyMentoringSql.class);
    this.clock = clock;
  }

  List<Row> of(long personId) {
    return sql.of(personId, clock.instant());
  }
}
