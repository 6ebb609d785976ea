package org.rmbot.mentoring.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rmbot.mentoring.pairing.PairingState;
import org.rmbot.mentoring.participant.ParticipantStatus;
import org.rmbot.mentoring.participant.Role;

/**
 * What {@code me} and App Home show a participant, read in one query: their programs, open
 * pairings, partners' names and next meetings. {@code me} is answered inside Slack's
 * acknowledgement, so one round trip instead of one per record keeps that answer quick.
 */
public interface MyMentoring {
  /** One participation, with one of its open pairings if it has any (then one row per pairing). */
  record Row(long participantId, String programName, Role role, ParticipantStatus status, Optional<Pairing> pairing) {}

  /** An open pairing as its participant sees it. */
  record Pairing(long id, PairingState state, boolean iAmMentor, String explanation, String partnerName,
      Optional<Instant> nextMeeting) {}

  /** The person's participations in order, each with its open pairings in order. */
  List<Row> of(long personId);
}
