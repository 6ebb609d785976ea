package org.rmbot.mentoring.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

public final class MatchConstraintsInDatabase implements MatchConstraints {
  private final Jdbi jdbi;
  private final Clock clock;

  public MatchConstraintsInDatabase(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public Set<PersonPair> neverPairs(long programId) {
    return new HashSet<>(jdbi.withHandle(h -> h.createQuery(
            "select person_low, person_high from never_pair where program_id = :p or program_id is null")
        .bind("p", programId)
        .map((rs, ctx) -> PersonPair.of(rs.getLong(1), rs.getLong(2)))
        .list()));
  }

  @Override
  public void addNeverPair(Long programId, long personA, long personB, Long createdBy) {
    if (personA == personB) {
      throw new IllegalArgumentException("a never-pair rule needs two different people");
    }
    jdbi.useHandle(h -> h.createUpdate(
            """
            insert into never_pair (program_id, person_low, person_high, created_by, created_at)
            values (:program, :low, :high, :by, :now) on conflict do nothing""")
        .bind("program", programId)
        .bind("low", Math.min(personA, personB))
        .bind("high", Math.max(personA, personB))
        .bind("by", createdBy)
        .bind("now", clock.instant())
        .execute());
  }

  @Override
  public List<Pin> pins(long programId) {
    return jdbi.withHandle(h -> h.createQuery(
            "select mentor_id, mentee_id from match_pin where program_id = :p order by mentee_id")
        .bind("p", programId)
        .map((rs, ctx) -> new Pin(rs.getLong(1), rs.getLong(2)))
        .list());
  }

  @Override
  public void pin(long programId, long mentorParticipantId, long menteeParticipantId, Long createdBy) {
    jdbi.useHandle(h -> h.createUpdate(
            """
            insert into match_pin (program_id, mentor_id, mentee_id, created_by, created_at)
            values (:program, :mentor, :mentee, :by, :now)
            on conflict (program_id, mentee_id) do update set mentor_id = excluded.mentor_id,
                created_by = excluded.created_by, created_at = excluded.created_at""")
        .bind("program", programId)
        .bind("mentor", mentorParticipantId)
        .bind("mentee", menteeParticipantId)
        .bind("by", createdBy)
        .bind("now", clock.instant())
        .execute());
  }

  @Override
  public void clearPins(long programId) {
    jdbi.useHandle(h -> h.createUpdate("delete from match_pin where program_id = :p").bind("p", programId).execute());
  }

  @Override
  public Set<PersonPair> declinedOrSplit() {
    return personPairs("p.state in ('declined', 'rematched')", null);
  }

  @Override
  public Set<PersonPair> pairedSince(Instant since) {
    return personPairs("p.activated_at >= :since", since);
  }

  private Set<PersonPair> personPairs(String condition, Instant since) {
    return new HashSet<>(jdbi.withHandle(h -> {
      var query = h.createQuery(
          """
          select mentor.person_id, mentee.person_id
            from pairing p
            join participant mentor on mentor.id = p.mentor_id
            join participant mentee on mentee.id = p.mentee_id
           where\s""" + condition);
      if (since != null) {
        query.bind("since", since);
      }
      return query.map((rs, ctx) -> PersonPair.of(rs.getLong(1), rs.getLong(2))).list();
    }));
  }

  @Override
  public Map<Long, Long> managers() {
    Map<Long, Long> managers = new HashMap<>();
    jdbi.useHandle(h -> h.createQuery(
            """
            select distinct on (person_id) person_id, manager_person_id
              from participant where manager_person_id is not null
             order by person_id, enrolled_at desc, id desc""")
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
        .forEach(e -> managers.put(e.getKey(), e.getValue())));
    return managers;
  }
}
