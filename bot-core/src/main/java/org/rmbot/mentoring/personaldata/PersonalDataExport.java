package org.rmbot.mentoring.personaldata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.feedback.AnonymousFeedback;
import org.rmbot.mentoring.privacy.SealedBox;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * {@code my-data}: everything the bot holds about one person, as JSON, with their sealed text
 * (focus areas, reflections, help-request notes) opened for them. Anonymous feedback answers
 * cannot be included: nothing links them to anyone, by design. The queries are {@link PersonalDataSql}'s,
 * on one handle.
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
      PersonalDataSql sql = h.attach(PersonalDataSql.class);
      ArrayNode person = array(sql.person(personId));
      if (person.isEmpty()) {
        return Optional.<byte[]>empty();
      }
      ObjectNode root = JSON.createObjectNode();
      root.put("exported_at", clock.instant().toString());
      root.put("about", Catalogue.english().phrase("privacy.my_data.about"));
      root.set("person", person.get(0));
      root.set("platform_identities", array(sql.platformIdentities(personId)));
      root.put("workspace_admin", sql.adminGrants(personId).size() > 0);
      root.set("coordinator_of", array(sql.coordinatorOf(personId)));
      ArrayNode participations = array(sql.participations(personId));
      for (var p : participations) {
        long id = p.get("id").asLong();
        byte[] sealed = sql.focusAreasSealed(id).orElse(null);
        ((ObjectNode) p).put("focus_areas", sealed == null ? null : box.open(sealed, "focus/participant:" + id));
      }
      root.set("participations", participations);
      root.set("pairings", array(sql.pairings(personId)));
      root.set("meetings", array(sql.meetings(personId)));
      root.set("check_ins", array(sql.checkIns(personId)));
      ArrayNode reflections = JSON.createArrayNode();
      for (var r : sql.reflections(personId)) {
        reflections.add(JSON.createObjectNode().put("id", r.id())
            .put("pairing_id", r.pairingId())
            .put("text", box.open(r.sealedText(), "reflection/author:" + personId))
            .put("shared_with_partner", r.sharedWithPartner())
            .put("written_at", r.createdAt().toString()));
      }
      root.set("reflections", reflections);
      ArrayNode help = JSON.createArrayNode();
      for (var r : sql.helpRequests(personId)) {
        help.add(JSON.createObjectNode().put("program", r.program())
            .put("note", r.sealedNote() == null ? null : box.open(r.sealedNote(), "help-request/person:" + personId))
            .put("asked_at", r.askedAt().toString())
            .put("resolved_at", r.resolvedAt() == null ? null : r.resolvedAt().toString()));
      }
      root.set("help_requests", help);
      root.set("messages_to_you", array(sql.messagesTo(personId)));
      root.set("your_actions_in_the_audit_log", array(sql.auditedActionsBy(personId)));
      root.set("actions_about_you_in_the_audit_log", array(sql.auditedActionsAbout(personId)));
      root.set("matching_rules_about_you", array(sql.matchingRulesAbout(personId)));
      try {
        return Optional.of(JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static ArrayNode array(List<ObjectNode> rows) {
    ArrayNode array = JSON.createArrayNode();
    rows.forEach(array::add);
    return array;
  }
}
