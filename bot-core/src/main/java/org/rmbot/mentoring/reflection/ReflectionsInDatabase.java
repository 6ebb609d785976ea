package org.rmbot.mentoring.reflection;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.privacy.SealedBox;

/** Stores reflections sealed with AES-GCM, bound to their author. */
public final class ReflectionsInDatabase implements Reflections {
  public static final int MAX_LENGTH = 4000;

  private final Jdbi jdbi;
  private final Clock clock;
  private final SealedBox box;

  public ReflectionsInDatabase(Jdbi jdbi, Clock clock, SealedBox box) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.box = box;
  }

  private static String context(long authorPersonId) {
    return "reflection/author:" + authorPersonId;
  }

  @Override
  public Reflection write(long authorPersonId, Long pairingId, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a reflection needs some text");
    }
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a reflection can be at most " + MAX_LENGTH + " characters");
    }
    byte[] sealed = box.seal(text, context(authorPersonId));
    var now = clock.instant();
    long id = jdbi.withHandle(h -> h.createQuery(
            """
            insert into reflection (author_person_id, pairing_id, sealed_text, created_at)
            values (:author, :pairing, :sealed, :now) returning id""")
        .bind("author", authorPersonId)
        .bind("pairing", pairingId)
        .bind("sealed", sealed)
        .bind("now", now)
        .mapTo(Long.class).one());
    return new Reflection(id, authorPersonId, pairingId, text, false, now);
  }

  @Override
  public List<Reflection> writtenBy(long authorPersonId) {
    return jdbi.withHandle(h -> h.createQuery(
            "select id, pairing_id, sealed_text, shared_with_partner, created_at from reflection where author_person_id = :a order by id")
        .bind("a", authorPersonId)
        .map((rs, ctx) -> {
          long pairing = rs.getLong("pairing_id");
          Long pairingId = rs.wasNull() ? null : pairing;
          return new Reflection(rs.getLong("id"), authorPersonId, pairingId,
              box.open(rs.getBytes("sealed_text"), context(authorPersonId)),
              rs.getBoolean("shared_with_partner"), rs.getTimestamp("created_at").toInstant());
        })
        .list());
  }

  @Override
  public boolean shareWithPartner(long reflectionId, long authorPersonId) {
    return jdbi.withHandle(h -> h.createUpdate(
            """
            update reflection set shared_with_partner = true
            where id = :id and author_person_id = :author and pairing_id is not null""")
        .bind("id", reflectionId).bind("author", authorPersonId).execute()) == 1;
  }

  @Override
  public List<Reflection> sharedWith(long personId) {
    return jdbi.withHandle(h -> h.createQuery(
            """
            select r.id, r.author_person_id, r.pairing_id, r.sealed_text, r.created_at from reflection r
            join pairing p on p.id = r.pairing_id
            join participant mt on mt.id = p.mentor_id join participant me on me.id = p.mentee_id
            where r.shared_with_partner and r.author_person_id <> :p and :p in (mt.person_id, me.person_id)
              and r.author_person_id in (mt.person_id, me.person_id)
            order by r.id""")
        .bind("p", personId)
        .map((rs, ctx) -> {
          long author = rs.getLong("author_person_id");
          return new Reflection(rs.getLong("id"), author, rs.getLong("pairing_id"),
              box.open(rs.getBytes("sealed_text"), context(author)), true, rs.getTimestamp("created_at").toInstant());
        })
        .list());
  }
}
