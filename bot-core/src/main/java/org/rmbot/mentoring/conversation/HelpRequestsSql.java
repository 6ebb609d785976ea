package org.rmbot.mentoring.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SQL of {@link HelpRequests}; notes stay sealed here, {@link HelpRequestsInDatabase} seals and opens them. */
interface HelpRequestsSql {

  /** A request as stored, its note still sealed. */
  record Stored(long id, long programId, long personId, String displayName, Instant createdAt, byte[] sealedNote) {}

  @SqlUpdate("""
      insert into help_request (program_id, person_id, sealed_note, created_at)
      values (:program, :person, :note, :now)""")
  @GetGeneratedKeys("id")
  long open(@Bind("program") long programId, @Bind("person") long personId, @Bind("note") byte[] sealedNote,
      @Bind("now") Instant now);

  @SqlQuery("select count(*) from help_request where program_id = :p and resolved_at is null")
  int openCount(@Bind("p") long programId);

  @SqlQuery("""
      select r.id, r.program_id, r.person_id, p.display_name, r.created_at, r.sealed_note
      from help_request r join person p on p.id = r.person_id
      where r.program_id = :p and r.resolved_at is null order by r.created_at, r.id""")
  @RegisterConstructorMapper(Stored.class)
  List<Stored> openIn(@Bind("p") long programId);

  @SqlQuery("select program_id from help_request where id = :id and resolved_at is null")
  Optional<Long> programOfOpen(@Bind("id") long number);

  @SqlUpdate("update help_request set resolved_at = :now where id = :id and resolved_at is null")
  int resolve(@Bind("id") long number, @Bind("now") Instant now);
}
