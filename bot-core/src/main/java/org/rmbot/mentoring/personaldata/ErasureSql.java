package org.rmbot.mentoring.personaldata;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The statements of {@link Erasure}, in the order it runs them; {@code :p} is the person. */
interface ErasureSql {
  /** The pairings the person was in, on either side. */
  String PAIRINGS = "(select id from pairing where mentor_id in (select id from participant where person_id = :p)"
      + " or mentee_id in (select id from participant where person_id = :p))";
  String OPEN = "('proposed', 'accepted_by_mentor', 'accepted_by_mentee', 'active', 'paused')";

  @SqlUpdate("update pairing set state = 'ended', closed_at = :now, version = version + 1"
      + " where id in " + PAIRINGS + " and state in " + OPEN)
  int endOpenPairings(@Bind("p") long personId, @Bind("now") Instant now);

  @SqlUpdate("update pairing set explanation = '' where id in " + PAIRINGS)
  int clearExplanations(@Bind("p") long personId);

  @SqlUpdate("update nudge set conversation_id = null, platform_message_id = null where audience = 'pair' and pairing_id in "
      + PAIRINGS)
  int forgetPairConversations(@Bind("p") long personId);

  @SqlUpdate("update nudge set state = 'cancelled', last_error = 'person_erased', lease_owner = null, lease_until = null"
      + " where pairing_id in " + PAIRINGS + " and state in ('planned', 'failed_retrying', 'sending')")
  int cancelPairNudges(@Bind("p") long personId);

  @SqlUpdate("delete from nudge_plan_cursor where pairing_id in " + PAIRINGS)
  int deletePlanCursors(@Bind("p") long personId);

  @SqlUpdate("delete from nudge where recipient_person_id = :p")
  int deleteNudges(@Bind("p") long personId);

  @SqlUpdate("delete from reflection where author_person_id = :p")
  int deleteReflections(@Bind("p") long personId);

  @SqlUpdate("delete from help_request where person_id = :p")
  int deleteHelpRequests(@Bind("p") long personId);

  @SqlUpdate("delete from check_in where person_id = :p")
  int deleteCheckIns(@Bind("p") long personId);

  @SqlUpdate("update audit_log set actor = '" + Erasure.ERASED + "' where actor = 'person ' || :p")
  int eraseAuditActor(@Bind("p") long personId);

  @SqlUpdate("update audit_log set subject = '" + Erasure.ERASED + "' where subject = 'person ' || :p")
  int eraseAuditSubject(@Bind("p") long personId);

  @SqlUpdate("delete from participant where person_id = :p")
  int deleteParticipations(@Bind("p") long personId);

  /** Identities, coordinator and admin roles, "never pair" rules go with the person (on delete cascade). */
  @SqlUpdate("delete from person where id = :p")
  int deletePerson(@Bind("p") long personId);

  @SqlQuery("""
      select program_id from participant where person_id = :p
      union select program_id from program_coordinator where person_id = :p order by 1""")
  List<Long> programsOf(@Bind("p") long personId);
}
