package org.rmbot.mentoring.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.privacy.SealedBox;

/** Private help requests; the optional note is sealed, readable only through the bot, by coordinators. */
public final class HelpRequests {
  private final HelpRequestsSql sql;
  private final Clock clock;
  private final SealedBox box;

  /** One request not yet taken care of; {@code number} is how coordinators refer to it. */
  public record Open(long number, long programId, long personId, String name, Instant createdAt, Optional<String> note) {}

  public HelpRequests(Jdbi jdbi, Clock clock, SealedBox box) {
    // on demand: each call uses the thread's open transaction, if there is one
    this.sql = jdbi.onDemand(HelpRequestsSql.class);
    this.clock = clock;
    this.box = box;
  }

  public long open(long programId, long personId, String note) {
    return sql.open(programId, personId, note == null || note.isBlank() ? null : box.seal(note, context(personId)),
        clock.instant());
  }

  public int openCount(long programId) {
    return sql.openCount(programId);
  }

  /** The program's open requests, oldest first, with their notes unsealed. */
  public List<Open> openIn(long programId) {
    return sql.openIn(programId).stream()
        .map(r -> new Open(r.id(), r.programId(), r.personId(), r.displayName(), r.createdAt(),
            Optional.ofNullable(r.sealedNote()).map(s -> box.open(s, context(r.personId())))))
        .toList();
  }

  /** The program a request belongs to, if it exists and is still open. */
  public Optional<Long> programOfOpen(long number) {
    return sql.programOfOpen(number);
  }

  /** Marks the request taken care of; false if it was already. */
  public boolean resolve(long number) {
    return sql.resolve(number, clock.instant()) == 1;
  }

  private static String context(long personId) {
    return "help-request/person:" + personId;
  }
}
