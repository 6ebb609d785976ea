package org.rmbot.mentoring.replay;

import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The inbound_request_seen table. */
interface SeenRequestsSql {

  /**
   * Claims every hash in one insert, so two instances cannot both claim one; a row that has
   * expired but is not yet purged is claimed again, as if it were new.
   *
   * @param rows one {@code (:hN, :until)} per hash, hashes bound as {@code hN}
   * @return how many hashes were claimed
   */
  @SqlUpdate("""
      insert into inbound_request_seen (request_hash, expires_at) values <rows> \
      on conflict (request_hash) do update set expires_at = excluded.expires_at \
      where inbound_request_seen.expires_at <= :now""")
  int claim(@Define("rows") String rows, @BindMap Map<String, byte[]> hashes, @Bind("until") Instant until,
      @Bind("now") Instant now);

  @SqlUpdate("delete from inbound_request_seen where expires_at <= :now")
  void purgeExpired(@Bind("now") Instant now);
}
