package org.rmbot.mentoring.nudge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The nudge table, for {@link NudgeLedgerInDatabase}. */
@RegisterRowMapper(NudgeLedgerSql.NudgeMapper.class)
@RegisterConstructorMapper(NudgeLedgerSql.StateCount.class)
interface NudgeLedgerSql {
  String COLUMNS =
      """
      id, idempotency_key, program_id, pairing_id, recipient_person_id, audience, kind, window_ref, due_at,
      expires_at, state, attempts, next_attempt_at, lease_owner, lease_until, conversation_id,
      platform_message_id, last_error, created_at, sent_at""";
  /** {@link #COLUMNS} of the row {@code n}. */
  String N_COLUMNS =
      """
      n.id, n.idempotency_key, n.program_id, n.pairing_id, n.recipient_person_id, n.audience, n.kind, n.window_ref, n.due_at,
      n.expires_at, n.state, n.attempts, n.next_attempt_at, n.lease_owner, n.lease_until, n.conversation_id,
      n.platform_message_id, n.last_error, n.created_at, n.sent_at""";
  String OWNED = " where id = :id and lease_owner = :owner and state = 'sending'";
  /** Back to waiting: a row that has failed before keeps saying so. */
  String WAITING_STATE = "case when last_error is null then 'planned' else 'failed_retrying' end";

  /** A planned nudge as its columns. */
  record Row(String key, long program, Long pairing, Long recipient, String audience, String kind, String window,
      Instant due, Instant expires) {
    static Row of(PlannedNudge n) {
      return new Row(n.idempotencyKey(), n.programId(), n.pairingId(), n.recipientPersonId(), n.audience().code(),
          n.kind().code(), n.windowRef(), n.dueAt(), n.expiresAt());
    }
  }

  record StateCount(String state, int count) {}

  // one batch, in the transaction of whoever plans (a planning pass), or none: never one of its own
  @SqlBatch(value = """
      insert into nudge (idempotency_key, program_id, pairing_id, recipient_person_id, audience, kind,
          window_ref, due_at, expires_at, next_attempt_at, created_at)
      values (:key, :program, :pairing, :recipient, :audience, :kind, :window, :due, :expires, :due, :now)
      on conflict (idempotency_key) do nothing""", transactional = false)
  int[] plan(@BindMethods List<Row> rows, @Bind("now") Instant now);

  // a leased row waits (next_attempt_at) until its lease ends: if the worker dies, it is simply due again
  @SqlQuery("""
      update nudge n set state = 'sending', lease_owner = :owner, lease_until = :until, next_attempt_at = :until
      from (select id from nudge
            where state in ('planned', 'failed_retrying', 'sending') and next_attempt_at <= :now
            order by next_attempt_at, id
            limit :limit
            for update skip locked) due
      where n.id = due.id
      returning \s""" + N_COLUMNS)
  List<Nudge> claimDue(@Bind("owner") String owner, @Bind("until") Instant until, @Bind("now") Instant now,
      @Bind("limit") int limit);

  @SqlUpdate("""
      update nudge set attempts = attempts + 1, conversation_id = :conversation,
          lease_until = :until, next_attempt_at = :until""" + OWNED)
  int beginAttempt(@Bind("id") long id, @Bind("owner") String owner, @Bind("conversation") String conversationId,
      @Bind("until") Instant until);

  @SqlUpdate("""
      update nudge set state = 'sent', platform_message_id = :message, sent_at = :now,
          lease_owner = null, lease_until = null""" + OWNED)
  int markSent(@Bind("id") long id, @Bind("owner") String owner, @Bind("message") String platformMessageId,
      @Bind("now") Instant now);

  @SqlUpdate("update nudge set state = " + WAITING_STATE
      + ", next_attempt_at = :now, lease_owner = null, lease_until = null"
      + " where state = 'sending' and lease_owner = :owner")
  int releaseLeasesOf(@Bind("now") Instant now, @Bind("owner") String owner);

  @SqlUpdate("update nudge set state = " + WAITING_STATE
      + ", next_attempt_at = :at, lease_owner = null, lease_until = null" + OWNED)
  int deferUntil(@Bind("id") long id, @Bind("owner") String owner, @Bind("at") Instant at);

  @SqlUpdate("""
      update nudge set state = 'failed_retrying', next_attempt_at = :at, last_error = :code,
          attempts = greatest(attempts + :change, 0), lease_owner = null, lease_until = null""" + OWNED)
  int retryAt(@Bind("id") long id, @Bind("owner") String owner, @Bind("at") Instant at, @Bind("code") String errorCode,
      @Bind("change") int attemptsChange);

  /** Ends the row in {@code state} (dead, skipped, cancelled), saying why. */
  @SqlUpdate("update nudge set state = :state, last_error = :code, lease_owner = null, lease_until = null" + OWNED)
  int end(@Bind("id") long id, @Bind("owner") String owner, @Bind("state") String state, @Bind("code") String code);

  @SqlQuery("select " + COLUMNS + " from nudge where program_id = :p and state = 'dead' order by id")
  List<Nudge> deadLetters(@Bind("p") long programId);

  @SqlQuery("select min(next_attempt_at) from nudge where state in ('planned', 'failed_retrying', 'sending')")
  Optional<Instant> nextAttemptAt();

  @SqlQuery("select " + COLUMNS + " from nudge where id = :id")
  Optional<Nudge> findById(@Bind("id") long id);

  @SqlQuery("select " + COLUMNS + " from nudge where program_id = :p order by id")
  List<Nudge> ofProgram(@Bind("p") long programId);

  @SqlQuery("select state, count(*) from nudge group by state")
  List<StateCount> countByState();

  final class NudgeMapper implements RowMapper<Nudge> {
    @Override
    public Nudge map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Nudge(
          rs.getLong("id"),
          rs.getString("idempotency_key"),
          rs.getLong("program_id"),
          nullableLong(rs, "pairing_id"),
          nullableLong(rs, "recipient_person_id"),
          Audience.fromCode(rs.getString("audience")),
          NudgeKind.fromCode(rs.getString("kind")),
          rs.getString("window_ref"),
          instant(rs, "due_at"),
          instant(rs, "expires_at"),
          NudgeState.fromCode(rs.getString("state")),
          rs.getInt("attempts"),
          instant(rs, "next_attempt_at"),
          rs.getString("lease_owner"),
          instant(rs, "lease_until"),
          rs.getString("conversation_id"),
          rs.getString("platform_message_id"),
          rs.getString("last_error"),
          instant(rs, "created_at"),
          instant(rs, "sent_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
      Timestamp t = rs.getTimestamp(column);
      return t == null ? null : t.toInstant();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
      long value = rs.getLong(column);
      return rs.wasNull() ? null : value;
    }
  }
}
