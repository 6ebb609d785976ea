package org.rmbot.mentoring.teams;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SQL of {@link PendingFiles}; the content stays sealed here, {@link PendingFiles} seals and opens it. */
interface PendingFilesSql {
  /** A waiting file as stored, its content still sealed. */
  record Stored(String fileName, byte[] sealed) {}

  @SqlUpdate("delete from teams_pending_file where expires_at <= :now")
  int deleteExpired(@Bind("now") Instant now);

  @SqlUpdate("""
      insert into teams_pending_file (id, conversation_id, file_name, sealed, expires_at)
      values (cast(:id as uuid), :conversation, :name, :sealed, :expires)""")
  void insert(@Bind("id") String id, @Bind("conversation") String conversationId, @Bind("name") String fileName,
      @Bind("sealed") byte[] sealed, @Bind("expires") Instant expires);

  @SqlQuery("""
      select file_name, sealed from teams_pending_file
      where id = :id and conversation_id = :conversation and expires_at > :now""")
  @RegisterConstructorMapper(Stored.class)
  Optional<Stored> find(@Bind("id") UUID id, @Bind("conversation") String conversationId, @Bind("now") Instant now);

  @SqlUpdate("delete from teams_pending_file where id = :id")
  int delete(@Bind("id") UUID id);
}
