package org.rmbot.mentoring.personaldata;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
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

/**
 * The queries of {@link PersonalDataExport}; {@code :p} is the person. Most rows come back as JSON
 * objects, column by column (times as ISO instants); sealed text comes back sealed.
 */
@RegisterRowMapper(PersonalDataSql.JsonRows.class)
interface PersonalDataSql {

  /** A reflection the person wrote, still sealed. */
  record SealedReflection(long id, Long pairingId, byte[] sealedText, boolean sharedWithPartner, Instant createdAt) {}

  /** A help request the person made, its note still sealed (null if they left none). */
  record SealedHelpRequest(String program, byte[] sealedNote, Instant askedAt, Instant resolvedAt) {}

  @SqlQuery("""
      select id, email, display_name, time_zone, work_start::text, work_end::text, work_days::text, created_at, updated_at
      from person where id = :p""")
  List<ObjectNode> person(@Bind("p") long personId);

  @SqlQuery("select platform, workspace_id, user_id from platform_identity where person_id = :p order by platform, workspace_id")
  List<ObjectNode> platformIdentities(@Bind("p") long personId);

  @SqlQuery("select 1 from workspace_admin where person_id = :p")
  List<ObjectNode> adminGrants(@Bind("p") long personId);

  @SqlQuery("select pr.name as program from program_coordinator c join program pr on pr.id = c.program_id where c.person_id = :p order by pr.id")
  List<ObjectNode> coordinatorOf(@Bind("p") long personId);

  @SqlQuery("""
      select pt.id, pr.name as program, pt.role, pt.grade, pt.department, m.email as manager_email,
             pt.topics_offered::text, pt.topics_sought::text, pt.languages::text, pt.capacity, pt.status,
             pt.snoozed_until, pt.enrolled_at, pt.privacy_consent_at, pt.focus_areas_shared_at, pt.topics_shared_at
      from participant pt join program pr on pr.id = pt.program_id left join person m on m.id = pt.manager_person_id
      where pt.person_id = :p order by pt.id""")
  List<ObjectNode> participations(@Bind("p") long personId);

  @SqlQuery("select focus_areas_sealed from participant where id = :id")
  Optional<byte[]> focusAreasSealed(@Bind("id") long participantId);

  @SqlQuery("""
      select p.id, pr.name as program, case when mt.person_id = :p then 'mentor' else 'mentee' end as your_role,
             other.display_name as partner, p.state, p.explanation as why_matched, p.proposed_at, p.activated_at, p.closed_at
      from pairing p join program pr on pr.id = p.program_id
      left join participant mt on mt.id = p.mentor_id left join participant me on me.id = p.mentee_id
      left join person other on other.id = case when mt.person_id = :p then me.person_id else mt.person_id end
      where mt.person_id = :p or me.person_id = :p order by p.id""")
  List<ObjectNode> pairings(@Bind("p") long personId);

  @SqlQuery("""
      select m.pairing_id, m.scheduled_at, m.status, m.recorded_by = :p as recorded_by_you, m.created_at
      from meeting m join pairing p on p.id = m.pairing_id
      left join participant mt on mt.id = p.mentor_id left join participant me on me.id = p.mentee_id
      where mt.person_id = :p or me.person_id = :p order by m.scheduled_at""")
  List<ObjectNode> meetings(@Bind("p") long personId);

  @SqlQuery("select pairing_id, window_start::text, answer, answered_at from check_in where person_id = :p order by answered_at")
  List<ObjectNode> checkIns(@Bind("p") long personId);

  @SqlQuery("select id, pairing_id, sealed_text, shared_with_partner, created_at from reflection where author_person_id = :p order by id")
  @RegisterRowMapper(SealedReflections.class)
  List<SealedReflection> reflections(@Bind("p") long personId);

  @SqlQuery("""
      select pr.name as program, r.sealed_note, r.created_at, r.resolved_at from help_request r
      join program pr on pr.id = r.program_id where r.person_id = :p order by r.id""")
  @RegisterRowMapper(SealedHelpRequests.class)
  List<SealedHelpRequest> helpRequests(@Bind("p") long personId);

  @SqlQuery("""
      select pr.name as program, n.kind, n.due_at, n.state, n.sent_at from nudge n join program pr on pr.id = n.program_id
      where n.recipient_person_id = :p order by n.id""")
  List<ObjectNode> messagesTo(@Bind("p") long personId);

  @SqlQuery("""
      select at, action, subject, outcome from audit_log where actor_person_id = :p order by id""")
  List<ObjectNode> auditedActionsBy(@Bind("p") long personId);

  @SqlQuery("""
      select at, action, actor, outcome from audit_log where subject = 'person ' || :p order by id""")
  List<ObjectNode> auditedActionsAbout(@Bind("p") long personId);

  /** The rules coordinators set about the person; who the other person is stays theirs. */
  @SqlQuery("""
      select 'never paired with one named person' as rule, pr.name as program, n.created_at from never_pair n
      left join program pr on pr.id = n.program_id where :p in (n.person_low, n.person_high)
      union all
      select 'pinned to a partner by a coordinator', pr.name, m.created_at from match_pin m
      join program pr on pr.id = m.program_id join participant a on a.id = m.mentor_id join participant b on b.id = m.mentee_id
      where :p in (a.person_id, b.person_id)
      order by 3""")
  List<ObjectNode> matchingRulesAbout(@Bind("p") long personId);

  /** A row as a JSON object, column by column; times as ISO instants. */
  final class JsonRows implements RowMapper<ObjectNode> {
    @Override
    public ObjectNode map(ResultSet rs, StatementContext ctx) throws SQLException {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        String name = meta.getColumnLabel(i);
        Object value = rs.getObject(i);
        if (value == null) {
          node.putNull(name);
        } else if (value instanceof Timestamp t) {
          node.put(name, t.toInstant().toString());
        } else if (value instanceof Boolean b) {
          node.put(name, b);
        } else if (value instanceof Number n) {
          node.put(name, n.longValue());
        } else {
          node.put(name, value.toString());
        }
      }
      return node;
    }
  }

  final class SealedReflections implements RowMapper<SealedReflection> {
    @Override
    public SealedReflection map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new SealedReflection(rs.getLong("id"), (Long) rs.getObject("pairing_id"), rs.getBytes("sealed_text"),
          rs.getBoolean("shared_with_partner"), rs.getTimestamp("created_at").toInstant());
    }
  }

  final class SealedHelpRequests implements RowMapper<SealedHelpRequest> {
    @Override
    public SealedHelpRequest map(ResultSet rs, StatementContext ctx) throws SQLException {
      Timestamp resolved = rs.getTimestamp("resolved_at");
      return new SealedHelpRequest(rs.getString("program"), rs.getBytes("sealed_note"),
          rs.getTimestamp("created_at").toInstant(), resolved == null ? null : resolved.toInstant());
    }
  }
}
