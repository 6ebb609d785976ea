package org.rmbot.mentoring.nudge;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every nudge from planning to its end, in PostgreSQL. Planning is idempotent by key; delivery
 * claims rows under a lease so that any number of instances can dispatch side by side.
 *
 * <p>All state changes after a claim are fenced by the lease owner: a worker whose lease expired
 * and was taken over changes nothing (its call answers false).
 */
public interface NudgeLedger {

  /** Inserts the nudges not yet in the ledger (by idempotency key); returns how many were new. */
  int plan(List<PlannedNudge> nudges);

  /**
   * Leases up to {@code limit} rows whose next attempt is due (planned, retrying, or sending
   * under an expired lease) to {@code owner} until now + {@code lease}, in one short transaction
   * ({@code FOR UPDATE SKIP LOCKED}: concurrent claimers never get the same row).
   */
  List<Nudge> claimDue(String owner, Duration lease, int limit);

  /**
   * Records that {@code owner} is about to send: counts the attempt, stores the conversation,
   * and renews the lease. False if the lease is no longer the owner's (do not send).
   */
  boolean beginAttempt(long id, String owner, String conversationId, Duration lease);

  boolean markSent(long id, String owner, String platformMessageId);

  /**
   * Makes due at once the rows {@code owner} held when it last stopped, keeping their attempts and
   * conversation (so a send that may have gone out is looked up first). Only for an owner that
   * has just started: a name belongs to one running instance, so its leases are a dead run's.
   * Returns how many rows were released.
   */
  int releaseLeasesOf(String owner);

  /** Puts the row back to wait until {@code at} (outside working hours, snoozed, rate-limited); not an attempt. */
  boolean deferUntil(long id, String owner, Instant at);

  /**
   * A failed attempt that may work later: waits until {@code at}, keeping the error code.
   * {@code attemptsChange} corrects the attempt count: +1 for a failure before {@link
   * #beginAttempt} counted it, -1 to take back an attempt that does not count (the platform
   * asked us to slow down), else 0.
   */
  boolean retryAt(long id, String owner, Instant at, String errorCode, int attemptsChange);

  /** Gives up: a permanent error or too many attempts. The row shows in {@link #deadLetters}. */
  boolean markDead(long id, String owner, String errorCode);

  boolean markSkipped(long id, String owner, String reasonCode);

  boolean markCancelled(long id, String owner, String reasonCode);

  /** Nudges of a program that were given up on, oldest first, for its coordinators. */
  List<Nudge> deadLetters(long programId);

  /** When the earliest waiting row becomes due, if any row is waiting. */
  Optional<Instant> nextAttemptAt();

  Optional<Nudge> findById(long id);

  List<Nudge> ofProgram(long programId);

  Map<NudgeState, Integer> countByState();
}
