package org.rmbot.mentoring.nudge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

public final class NudgeLedgerInDatabase implements NudgeLedger {
  static final String COLUMNS =
      """
      id, idempotency_key, program_id, pairing_id, recipient_person_id, audience, kind, window_ref, due_at,
      expires_at, state, attempts, next_attempt_at, lease_owner, lease_until, conversation_id,
      platform_message_id, last_error, created_at, sent_at""";
  private static final String OWNED = " where id = :id and lease_owner = :owner and state = 'sending'";
  /** Back to waiting: a row that has failed before keeps saying so. */
  private static final String WAITING_STATE = "case when last_error is null then 'planned' else 'failed_retrying' end";

  private final Jdbi jdbi;
  private final Clock clock;

  public NudgeLedgerInDatabase(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public int plan(List<PlannedNudge> nudges) {
    if (nudges.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    return jdbi.withHandle(h -> {
      PreparedBatch batch = h.prepareBatch(
          """
          insert into nudge (idempotency_key, program_id, pairing_id, recipient_person_id, audience, kind,
              window_ref, due_at, expires_at, next_attempt_at, created_at)
          values (:key, :program, :pairing, :recipient, :audience, :kind, :window, :due, :expires, :due, :now)
          on conflict (idempotency_key) do nothing""");
      for (PlannedNudge n : nudges) {
        batch.bind("key", n.idempotencyKey())
            .bind("program", n.programId())
            .bind("pairing", n.pairingId())
            .bind("recipient", n.recipientPersonId())
            .bind("audience", n.audience().code())
            .bind("kind", n.kind().code())
            .bind("window", n.windowRef())
            .bind("due", n.dueAt())
            .bind("expires", n.expiresAt())
            .bind("now", now)
            .add();
      }
      int inserted = 0;
      for (int count : batch.execute()) {
        inserted += count;
      }
      return inserted;
    });
  }

  @Override
  public List<Nudge> claimDue(String owner, Duration lease, int limit) {
    Instant now = clock.instant();
    Instant until = now.plus(lease);
    // a leased row waits (next_attempt_at) until its lease ends: if the worker dies, it is simply due again
    return jdbi.inTransaction(h -> h.createQuery(
                """
                update nudge n set state = 'sending', lease_owner = :owner, lease_until = :until, next_attempt_at = :until
                from (select id from nudge
                      where state in ('planned', 'failed_retrying', 'sending') and next_attempt_at <= :now
                      order by next_attempt_at, id
                      limit :limit
                      for update skip locked) due
                where n.id = due.id
                returning \s""" + COLUMNS.replaceAll("(\\w+)", "n.$1"))
            .bind("owner", owner)
            .bind("until", until)
            .bind("now", now)
            .bind("limit", limit)
            .map(NudgeLedgerInDatabase::map)
            .list())
        .stream()
        .sorted(java.util.Comparator.comparing(Nudge::dueAt).thenComparing(Nudge::id))
        .toList();
  }

  @Override
  public boolean beginAttempt(long id, String owner, String conversationId, Duration lease) {
    Instant until = clock.instant().plus(lease);
    return update("""
        update nudge set attempts = attempts + 1, conversation_id = :conversation,
            lease_until = :until, next_attempt_at = :until""" + OWNED,
        id, owner, Map.of("conversation", conversationId, "until", until));
  }

  @Override
  public boolean markSent(long id, String owner, String platformMessageId) {
    return update("""
        update nudge set state = 'sent', platform_message_id = :message, sent_at = :now,
            lease_owner = null, lease_until = null""" + OWNED,
        id, owner, Map.of("message", platformMessageId, "now", clock.instant()));
  }

  @Override
  public int releaseLeasesOf(String owner) {
    return jdbi.withHandle(h -> h.createUpdate("update nudge set state = " + WAITING_STATE
            + ", next_attempt_at = :now, lease_owner = null, lease_until = null"
            + " where state = 'sending' and lease_owner = :owner")
        .bind("now", clock.instant()).bind("owner", owner).execute());
  }

  @Override
  public boolean deferUntil(long id, String owner, Instant at) {
    return update("update nudge set state = " + WAITING_STATE
            + ", next_attempt_at = :at, lease_owner = null, lease_until = null" + OWNED,
        id, owner, Map.of("at", at));
  }

  @Override
  public boolean retryAt(long id, String owner, Instant at, String errorCode, int attemptsChange) {
    return update("""
        update nudge set state = 'failed_retrying', next_attempt_at = :at, last_error = :code,
            attempts = greatest(attempts + :change, 0), lease_owner = null, lease_until = null""" + OWNED,
        id, owner, Map.of("at", at, "code", errorCode, "change", attemptsChange));
  }

  @Override
  public boolean markDead(long id, String owner, String errorCode) {
    return end(id, owner, "dead", errorCode);
  }

  @Override
  public boolean markSkipped(long id, String owner, String reasonCode) {
    return end(id, owner, "skipped", reasonCode);
  }

  @Override
  public boolean markCancelled(long id, String owner, String reasonCode) {
    return end(id, owner, "cancelled", reasonCode);
  }

  private boolean end(long id, String owner, String state, String code) {
    return update("update nudge set state = :state, last_error = :code, lease_owner = null, lease_until = null" + OWNED,
        id, owner, Map.of("state", state, "code", code));
  }

  private boolean update(String sql, long id, String owner, Map<String, Object> values) {
    return jdbi.withHandle(h -> {
      var update = h.createUpdate(sql).bind("id", id).bind("owner", owner);
      values.forEach(update::bind);
      return update.execute() == 1;
    });
  }

  @Override
  public List<Nudge> deadLetters(long programId) {
    return jdbi.withHandle(h -> h.createQuery(
            "select " + COLUMNS + " from nudge where program_id = :p and state = 'dead' order by id")
        .bind("p", programId).map(NudgeLedgerInDatabase::map).list());
  }

  @Override
  public Optional<Instant> nextAttemptAt() {
    return jdbi.withHandle(h -> h.createQuery(
            "select min(next_attempt_at) from nudge where state in ('planned', 'failed_retrying', 'sending')")
        .map((rs, ctx) -> instant(rs, 1)).findOne().flatMap(Optional::ofNullable));
  }

  @Override
  public Optional<Nudge> findById(long id) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from nudge where id = :id")
        .bind("id", id).map(NudgeLedgerInDatabase::map).findOne());
  }

  @Override
  public List<Nudge> ofProgram(long programId) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from nudge where program_id = :p order by id")
        .bind("p", programId).map(NudgeLedgerInDatabase::map).list());
  }

  @Override
  public Map<NudgeState, Integer> countByState() {
    Map<NudgeState, Integer> counts = new EnumMap<>(NudgeState.class);
    jdbi.useHandle(h -> h.createQuery("select state, count(*) from nudge group by state")
        .map((rs, ctx) -> Map.entry(NudgeState.fromCode(rs.getString(1)), rs.getInt(2)))
        .forEach(e -> counts.put(e.getKey(), e.getValue())));
    return counts;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  static Nudge map(ResultSet rs, StatementContext ctx) throws SQLException {
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
}
