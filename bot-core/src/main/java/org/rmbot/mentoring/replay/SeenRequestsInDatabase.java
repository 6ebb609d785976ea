package org.rmbot.mentoring.replay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code inbound_request_seen} in PostgreSQL: one row per identifier, keyed by its SHA-256 (the
 * table holds no signature, id or anything about a person), deleted once expired. Claiming is one
 * insert ({@link SeenRequestsSql#claim}), so two instances receiving the same request at once cannot both take it.
 */
public final class SeenRequestsInDatabase implements SeenRequests {
  /** Expired rows are deleted by whichever request comes first after this much time. */
  static final Duration PURGE_EVERY = Duration.ofMinutes(1);

  private final SeenRequestsSql sql;
  private final Clock clock;
  private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);

  public SeenRequestsInDatabase(Jdbi jdbi, Clock clock) {
    this.sql = jdbi.onDemand(SeenRequestsSql.class);
    this.clock = clock;
  }

  @Override
  public boolean firstTime(Collection<String> identifiers, Instant until) {
    if (identifiers.isEmpty()) {
      throw new IllegalArgumentException("a request is recorded by at least one identifier");
    }
    Instant now = clock.instant();
    purgeNowAndThen(now);
    List<byte[]> hashes = identifiers.stream().distinct().map(SeenRequestsInDatabase::sha256).toList();
    String rows = IntStream.range(0, hashes.size()).mapToObj(i -> "(:h" + i + ", :until)").collect(Collectors.joining(", "));
    Map<String, byte[]> bound = new HashMap<>();
    for (int i = 0; i < hashes.size(); i++) {
      bound.put("h" + i, hashes.get(i));
    }
    int claimed = sql.claim(rows, bound, until, now);
    return claimed == hashes.size();
  }

  private void purgeNowAndThen(Instant now) {
    Instant due = nextPurge.get();
    if (now.isBefore(due) || !nextPurge.compareAndSet(due, now.plus(PURGE_EVERY))) {
      return;
    }
    sql.purgeExpired(now);
  }

  private static byte[] sha256(String identifier) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(identifier.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
