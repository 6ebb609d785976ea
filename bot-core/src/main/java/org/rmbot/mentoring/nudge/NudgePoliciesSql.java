package org.rmbot.mentoring.nudge;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The program.nudge_policy column, as JSON text. */
interface NudgePoliciesSql {
  @SqlQuery("select nudge_policy::text from program where id = :id")
  Optional<String> policyOf(@Bind("id") long programId);

  /** The same, the row locked until the transaction ends. */
  @SqlQuery("select nudge_policy::text from program where id = :id for update")
  Optional<String> lockedPolicyOf(@Bind("id") long programId);

  @SqlUpdate("update program set nudge_policy = cast(:json as jsonb) where id = :id")
  int write(@Bind("json") String json, @Bind("id") long programId);
}
