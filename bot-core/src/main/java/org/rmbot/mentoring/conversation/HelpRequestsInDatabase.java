package org.rmbot.mentoring.conversation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.privacy.SealedBox;

/** The help requests kept in the database, through {@link HelpRequestsSql}; notes are sealed and opened here. */
public final class HelpRequestsInDatabase implements HelpRequests {
  private final HelpRequestsSql sql;
  private final Clock clock;
  private final SealedBox box;

  public HelpRequestsInDatabase(Jdbi jdbi, Clock clock, SealedBox box) {
    // on demand: each call uses the thread's open transaction, if there is one
    this.sql = jdbi.onDemand(HelpRequestsSql.class);
    this.clock = clock;
    this.box = box;
  }

  @Override
  public long open(long programId, long personId, String note) {
    return sql.open(programId, personId, note == null || note.isBlank() ? null : box.seal(note, context(personId)),
        clock.instant());
  }

  @Override
  public int openCount(long programId) {
    return sql.openCount(programId);
  }

  @Override
  public List<Open> openIn(long programId) {
    return sql.openIn(programId).stream()
        .map(r -> new Open(r.id(), r.programId(), r.personId(), r.displayName(), r.createdAt(),
            Optional.ofNullable(r.sealedNote()).map(s -> box.open(s, context(r.personId())))))
        .toList();
  }

  @Override
  public Optional<Long> programOfOpen(long number) {
    return sql.programOfOpen(number);
  }

  @Override
  public boolean resolve(long number) {
    return sql.resolve(number, clock.instant()) == 1;
  }

  private static String context(long personId) {
    return "help-request/person:" + personId;
  }
}
