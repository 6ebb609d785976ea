package org.rmbot.mentoring.conversation;

import java.sql.Timestamp;
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

  private final Jdbi jdbi;
  private final Clock clock;

  public MyMentoring(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  List<Row> of(long personId) {
    return jdbi.withHandle(h -> h.createQuery(
            """
            select pt.id as participant_id, pr.name as program_name, pt.role, pt.status,
                   pg.id as pairing_id, pg.state, pg.mentor_id = pt.id as i_am_mentor, pg.explanation,
                   partner.display_name as partner_name,
                   (select min(m.scheduled_at) from meeting m where m.pairing_id = pg.id and m.scheduled_at > :now) as next_meeting
            from participant pt
                join program pr on pr.id = pt.program_id
                left join pairing pg on (pg.mentor_id = pt.id or pg.mentee_id = pt.id)
                    and pg.state in ('proposed', 'accepted_by_mentor', 'accepted_by_mentee', 'active', 'paused')
                left join participant other on other.id = case when pg.mentor_id = pt.id then pg.mentee_id else pg.mentor_id end
                left join person partner on partner.id = other.person_id
            where pt.person_id = :person
            order by pt.id, pg.id""")
        .bind("person", personId)
        .bind("now", clock.instant())
        .map((rs, ctx) -> {
          long pairingId = rs.getLong("pairing_id");
          Optional<Pairing> pairing = rs.wasNull() ? Optional.empty() : Optional.of(new Pairing(pairingId,
              PairingState.fromCode(rs.getString("state")), rs.getBoolean("i_am_mentor"),
              Optional.ofNullable(rs.getString("explanation")).orElse(""),
              Optional.ofNullable(rs.getString("partner_name")).orElse("your partner"),
              Optional.ofNullable(rs.getTimestamp("next_meeting")).map(Timestamp::toInstant)));
          return new Row(rs.getLong("participant_id"), rs.getString("program_name"), Role.fromCode(rs.getString("role")),
              ParticipantStatus.fromCode(rs.getString("status")), pairing);
        })
        .list());
  }
}
