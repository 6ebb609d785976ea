package org.rmbot.mentoring.personaldata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.feedback.AnonymousFeedback;
import org.rmbot.mentoring.privacy.SealedBox;

/**
 * {@code my-data}: everything the bot holds about one person, as JSON, with their sealed text
 * (focus areas, reflections, help-request notes) opened for them. Anonymous feedback answers
 * cannot be included: nothing links them to anyone, by design.
 */
public final class PersonalDataExport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Jdbi jdbi;
  private final SealedBox box;
  private final AnonymousFeedback feedback;
  private final Clock clock;

  public PersonalDataExport(Jdbi jdbi, SealedBox box, AnonymousFeedback feedback, Clock clock) {
    this.jdbi = jdbi;
    this.box = box;
    this.feedback = feedback;
    this.clock = clock;
  }

  /** The JSON document, or empty if the bot holds nothing about this person id. */
  public Optional<byte[]> of(long personId) {
    return jdbi.withHandle(h -> {
      ArrayNode person = rows(h, """
          select id, email, display_name, time_zone, work_start::text, work_end::text, work_days::text, created_at, updated_at
          from person where id = :p""", personId);
      if (person.isEmpty()) {
        return Optional.<byte[]>empty();
      }
      ObjectNode root = JSON.createObjectNode();
      root.put("exported_at", clock.instant().toString());
      root.put("about", "Everything the reverse mentoring bot holds about you. Anonymous feedback answers are not"
          + " here: they are stored with nothing that links them to you, so nobody can find yours, not even for you.");
      root.set("person", person.get(0));
      root.set("platform_identities", rows(h,
          "select platform, workspace_id, user_id from platform_identity where person_id = :p order by platform, workspace_id",
          personId));
      root.put("workspace_admin", rows(h, "select 1 from workspace_admin where person_id = :p", personId).size() > 0);
      root.set("coordinator_of", rows(h,
          "select pr.name as program from program_coordinator c join program pr on pr.id = c.program_id where c.person_id = :p order by pr.id",
          personId));
      ArrayNode participations = rows(h, """
          select pt.id, pr.name as program, pt.role, pt.grade, pt.department, m.email as manager_email,
                 pt.topics_offered::text, pt.topics_sought::text, pt.languages::text, pt.capacity, pt.status,
                 pt.snoozed_until, pt.enrolled_at, pt.privacy_consent_at, pt.focus_areas_shared_at, pt.topics_shared_at
          from participant pt join program pr on pr.id = pt.program_id left join person m on m.id = pt.manager_person_id
          where pt.person_id = :p order by pt.id""", personId);
      for (var p : participations) {
        long id = p.get("id").asLong();
        byte[] sealed = h.createQuery("select focus_areas_sealed from participant where id = :id").bind("id", id)
            .mapTo(byte[].class).findOne().orElse(null);
        ((ObjectNode) p).put("focus_areas", sealed == null ? null : box.open(sealed, "focus/participant:" + id));
      }
      root.set("participations", participations);
      root.set("pairings", rows(h, """
          select p.id, pr.name as program, case when mt.person_id = :p then 'mentor' else 'mentee' end as your_role,
                 other.display_name as partner, p.state, p.explanation as why_matched, p.proposed_at, p.activated_at, p.closed_at
          from pairing p join program pr on pr.id = p.program_id
          left join participant mt on mt.id = p.mentor_id left join participant me on me.id = p.mentee_id
          left join person other on other.id = case when mt.person_id = :p then me.person_id else mt.person_id end
          where mt.person_id = :p or me.person_id = :p order by p.id""", personId));
      root.set("meetings", rows(h, """
          select m.pairing_id, m.scheduled_at, m.status, m.recorded_by = :p as recorded_by_you, m.created_at
          from meeting m join pairing p on p.id = m.pairing_id
          left join participant mt on mt.id = p.mentor_id left join participant me on me.id = p.mentee_id
          where mt.person_id = :p or me.person_id = :p order by m.scheduled_at""", personId));
      root.set("check_ins", rows(h,
          "select pairing_id, window_start::text, answer, answered_at from check_in where person_id = :p order by answered_at",
          personId));
      ArrayNode reflections = JSON.createArrayNode();
      h.createQuery("select id, pairing_id, sealed_text, shared_with_partner, created_at from reflection where author_person_id = :p order by id")
          .bind("p", personId)
          .map((rs, ctx) -> JSON.createObjectNode().put("id", rs.getLong("id"))
              .put("pairing_id", (Long) rs.getObject("pairing_id"))
              .put("text", box.open(rs.getBytes("sealed_text"), "reflection/author:" + personId))
              .put("shared_with_partner", rs.getBoolean("shared_with_partner"))
              .put("written_at", rs.getTimestamp("created_at").toInstant().toString()))
          .forEach(reflections::add);
      root.set("reflections", reflections);
      ArrayNode help = JSON.createArrayNode();
      h.createQuery("""
              select pr.name as program, r.sealed_note, r.created_at, r.resolved_at from help_request r
              join program pr on pr.id = r.program_id where r.person_id = :p order by r.id""")
          .bind("p", personId)
          .map((rs, ctx) -> JSON.createObjectNode().put("program", rs.getString("program"))
              .put("note", rs.getBytes("sealed_note") == null ? null
                  : box.open(rs.getBytes("sealed_note"), "help-request/person:" + personId))
              .put("asked_at", rs.getTimestamp("created_at").toInstant().toString())
              .put("resolved_at", text(rs.getTimestamp("resolved_at"))))
          .forEach(help::add);
      root.set("help_requests", help);
      root.set("messages_to_you", rows(h, """
          select pr.name as program, n.kind, n.due_at, n.state, n.sent_at from nudge n join program pr on pr.id = n.program_id
          where n.recipient_person_id = :p order by n.id""", personId));
      root.set("your_actions_in_the_audit_log", rows(h, """
          select at, action, subject, outcome from audit_log where actor_person_id = :p order by id""", personId));
      root.set("actions_about_you_in_the_audit_log", rows(h, """
          select at, action, actor, outcome from audit_log where subject = 'person ' || :p order by id""", personId));
      // the rules coordinators set about you; who the other person is stays theirs
      root.set("matching_rules_about_you", rows(h, """
          select 'never paired with one named person' as rule, pr.name as program, n.created_at from never_pair n
          left join program pr on pr.id = n.program_id where :p in (n.person_low, n.person_high)
          union all
          select 'pinned to a partner by a coordinator', pr.name, m.created_at from match_pin m
          join program pr on pr.id = m.program_id join participant a on a.id = m.mentor_id join participant b on b.id = m.mentee_id
          where :p in (a.person_id, b.person_id)
          order by 3""", personId));
      try {
        return Optional.of(JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static String text(Timestamp t) {
    return t == null ? null : t.toInstant().toString();
  }

  /** Rows as JSON objects, column by column; times as ISO instants. */
  private static ArrayNode rows(Handle h, String sql, long personId) {
    ArrayNode rows = JSON.createArrayNode();
    h.createQuery(sql).bind("p", personId).map((rs, ctx) -> row(rs)).forEach(rows::add);
    return rows;
  }

  private static ObjectNode row(ResultSet rs) throws SQLException {
    ObjectNode node = JSON.createObjectNode();
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
