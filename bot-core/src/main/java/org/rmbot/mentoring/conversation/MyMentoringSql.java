package org.rmbot.mentoring.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.rmbot.mentoring.pairing.PairingState;
import org.rmbot.mentoring.participant.ParticipantStatus;
import org.rmbot.mentoring.participant.Role;

/** The one query of {@link MyMentoring}. */
interface MyMentoringSql {

  @SqlQuery("""
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
  @RegisterRowMapper(Rows.class)
  List<MyMentoring.Row> of(@Bind("person") long personId, @Bind("now") Instant now);

  final class Rows implements RowMapper<MyMentoring.Row> {
    @Override
    public MyMentoring.Row map(ResultSet rs, StatementContext ctx) throws SQLException {
      long pairingId = rs.getLong("pairing_id");
      Optional<MyMentoring.Pairing> pairing = rs.wasNull() ? Optional.empty() : Optional.of(new MyMentoring.Pairing(pairingId,
          PairingState.fromCode(rs.getString("state")), rs.getBoolean("i_am_mentor"),
          Optional.ofNullable(rs.getString("explanation")).orElse(""),
          Optional.ofNullable(rs.getString("partner_name")).orElse("your partner"),
          Optional.ofNullable(rs.getTimestamp("next_meeting")).map(Timestamp::toInstant)));
      return new MyMentoring.Row(rs.getLong("participant_id"), rs.getString("program_name"), Role.fromCode(rs.getString("role")),
          ParticipantStatus.fromCode(rs.getString("status")), pairing);
    }
  }
}
