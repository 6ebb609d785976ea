package org.rmbot.mentoring.reflection;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.privacy.SealedBox;

/** Stores reflections sealed with AES-GCM, bound to their author, through {@link ReflectionsSql}. */
public final class ReflectionsInDatabase implements Reflections {
  public static final int MAX_LENGTH = 4000;

  private final ReflectionsSql sql;
  private final Clock clock;
  private final SealedBox box;

  public ReflectionsInDatabase(Jdbi jdbi, Clock clock, SealedBox box) {
    this.sql = jdbi.onDemand(ReflectionsSql.class);
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
    long id = sql.insert(authorPersonId, pairingId, sealed, now);
    return new Reflection(id, authorPersonId, pairingId, text, false, now);
  }

  @Override
  public List<Reflection> writtenBy(long authorPersonId) {
    return sql.writtenBy(authorPersonId).stream()
        .map(r -> new Reflection(r.id(), authorPersonId, r.pairingId(), box.open(r.sealedText(), context(authorPersonId)),
            r.sharedWithPartner(), r.createdAt()))
        .toList();
  }

  @Override
  public boolean shareWithPartner(long reflectionId, long authorPersonId) {
    return sql.share(reflectionId, authorPersonId) == 1;
  }

  @Override
  public List<Reflection> sharedWith(long personId) {
    return sql.sharedWith(personId).stream()
        .map(r -> new Reflection(r.id(), r.authorPersonId(), r.pairingId(),
            box.open(r.sealedText(), context(r.authorPersonId())), true, r.createdAt()))
        .toList();
  }
}
