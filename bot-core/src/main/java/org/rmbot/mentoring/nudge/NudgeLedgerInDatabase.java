package org.rmbot.mentoring.nudge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The nudge ledger kept in the database, through {@link NudgeLedgerSql}. Its statements run on
 * the caller's handle when there is one, so planning inside a transaction plans in it.
 */
public final class NudgeLedgerInDatabase implements NudgeLedger {
  private final Jdbi jdbi;
  private final NudgeLedgerSql sql;
  private final Clock clock;

  public NudgeLedgerInDatabase(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.sql = jdbi.onDemand(NudgeLedgerSql.class);
    this.clock = clock;
  }

  @Override
  public int plan(List<PlannedNudge> nudges) {
    if (nudges.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    int inserted = 0;
    for (int count : sql.plan(nudges.stream().map(NudgeLedgerSql.Row::of).toList(), now)) {
      inserted += count;
    }
    return inserted;
  }

  @Override
  public List<Nudge> claimDue(String owner, Duration lease, int limit) {
    Instant now = clock.instant();
    Instant until = now.plus(lease);
    return jdbi.inTransaction(h -> h.attach(NudgeLedgerSql.class).claimDue(owner, until, now, limit))
        .stream()
        .sorted(Comparator.comparing(Nudge::dueAt).thenComparing(Nudge::id))
        .toList();
  }

  // these refuse a null value (NullPointerException) before any statement runs

  @Override
  public boolean beginAttempt(long id, String owner, String conversationId, Duration lease) {
    Instant until = clock.instant().plus(lease);
    return sql.beginAttempt(id, owner, Objects.requireNonNull(conversationId), until) == 1;
  }

  @Override
  public boolean markSent(long id, String owner, String platformMessageId) {
    return sql.markSent(id, owner, Objects.requireNonNull(platformMessageId), clock.instant()) == 1;
  }

  @Override
  public int releaseLeasesOf(String owner) {
    return sql.releaseLeasesOf(clock.instant(), owner);
  }

  @Override
  public boolean deferUntil(long id, String owner, Instant at) {
    return sql.deferUntil(id, owner, Objects.requireNonNull(at)) == 1;
  }

  @Override
  public boolean retryAt(long id, String owner, Instant at, String errorCode, int attemptsChange) {
    return sql.retryAt(id, owner, Objects.requireNonNull(at), Objects.requireNonNull(errorCode), attemptsChange) == 1;
  }

  @Override
  public boolean markDead(long id, String owner, String errorCode) {
    return end(id, owner, NudgeState.DEAD, errorCode);
  }

  @Override
  public boolean markSkipped(long id, String owner, String reasonCode) {
    return end(id, owner, NudgeState.SKIPPED, reasonCode);
  }

  @Override
  public boolean markCancelled(long id, String owner, String reasonCode) {
    return end(id, owner, NudgeState.CANCELLED, reasonCode);
  }

  private boolean end(long id, String owner, NudgeState state, String code) {
    return sql.end(id, owner, state.code(), Objects.requireNonNull(code)) == 1;
  }

  @Override
  public List<Nudge> deadLetters(long programId) {
    return sql.deadLetters(programId);
  }

  @Override
  public Optional<Instant> nextAttemptAt() {
    return sql.nextAttemptAt();
  }

  @Override
  public Optional<Nudge> findById(long id) {
    return sql.findById(id);
  }

  @Override
  public List<Nudge> ofProgram(long programId) {
    return sql.ofProgram(programId);
  }

  @Override
  public Map<NudgeState, Integer> countByState() {
    Map<NudgeState, Integer> counts = new EnumMap<>(NudgeState.class);
    sql.countByState().forEach(c -> counts.put(NudgeState.fromCode(c.state()), c.count()));
    return counts;
  }
}
