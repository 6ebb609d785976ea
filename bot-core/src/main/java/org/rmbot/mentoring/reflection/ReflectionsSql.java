package org.rmbot.mentoring.reflection;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The reflection table; texts stay sealed here, {@link ReflectionsInDatabase} seals and opens them. */
interface ReflectionsSql {

  /** A reflection as its author reads it back, still sealed. */
  record Written(long id, Long pairingId, byte[] sealedText, boolean sharedWithPartner, Instant createdAt) {}

  /** A reflection a partner shared, still sealed. */
  record Shared(long id, long authorPersonId, long pairingId, byte[] sealedText, Instant createdAt) {}

  @SqlQuery("""
      insert into reflection (author_person_id, pairing_id, sealed_text, created_at)
      values (:author, :pairing, :sealed, :now) returning id""")
  long insert(@Bind("author") long authorPersonId, @Bind("pairing") Long pairingId, @Bind("sealed") byte[] sealed,
      @Bind("now") Instant now);

  @SqlQuery("select id, pairing_id, sealed_text, shared_with_partner, created_at from reflection where author_person_id = :a order by id")
  @RegisterConstructorMapper(Written.class)
  List<Written> writtenBy(@Bind("a") long authorPersonId);

  @SqlUpdate("""
      update reflection set shared_with_partner = true
      where id = :id and author_person_id = :author and pairing_id is not null""")
  int share(@Bind("id") long reflectionId, @Bind("author") long authorPersonId);

  @SqlQuery("""
      select r.id, r.author_person_id, r.pairing_id, r.sealed_text, r.created_at from reflection r
      join pairing p on p.id = r.pairing_id
      join participant mt on mt.id = p.mentor_id join participant me on me.id = p.mentee_id
      where r.shared_with_partner and r.author_person_id <> :p and :p in (mt.person_id, me.person_id)
        and r.author_person_id in (mt.person_id, me.person_id)
      order by r.id""")
  @RegisterConstructorMapper(Shared.class)
  List<Shared> sharedWith(@Bind("p") long personId);
}
