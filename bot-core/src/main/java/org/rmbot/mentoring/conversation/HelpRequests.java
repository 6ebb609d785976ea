package org.rmbot.mentoring.conversation;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.privacy.SealedBox;

/** Private help requests; the optional note is sealed, readable only through the bot. */
public final class HelpRequests {
  private final Jdbi jdbi;
  private final Clock clock;
  private final SealedBox box;

  public HelpRequests(Jdbi jdbi, Clock clock, SealedBox box) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.box = box;
  }

  public long open(long programId, long personId, String note) {
    return jdbi.withHandle(h -> h.createQuery(
            """
            insert into help_request (program_id, person_id, sealed_note, created_at)
            values (:program, :person, :note, :now) returning id""")
        .bind("program", programId)
        .bind("person", personId)
        .bind("note", note == null || note.isBlank() ? null : box.seal(note, "help-request/person:" + personId))
        .bind("now", clock.instant())
        .mapTo(Long.class).one());
  }

  public int openCount(long programId) {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from help_request where program_id = :p and resolved_at is null")
        .bind("p", programId).mapTo(Integer.class).one());
  }
}
