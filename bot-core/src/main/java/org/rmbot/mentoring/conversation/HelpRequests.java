package org.rmbot.mentoring.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.privacy.SealedBox;

/** Private help requests; the optional note is sealed, readable only through the bot, by coordinators. */
public final class HelpRequests {
  private final Jdbi jdbi;
  private final Clock clock;
  private final SealedBox box;

  /** One request not yet taken care of; {@code number} is how coordinators refer to it. */
  public record Open(long number, long programId, long personId, String name, Instant createdAt, Optional<String> note) {}

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
        .bind("note", note == null || note.isBlank() ? null : box.seal(note, context(personId)))
        .bind("now", clock.instant())
        .mapTo(Long.class).one());
  }

  public int openCount(long programId) {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from help_request where program_id = :p and resolved_at is null")
        .bind("p", programId).mapTo(Integer.class).one());
  }

  /** The program's open requests, oldest first, with their notes unsealed. */
  public List<Open> openIn(long programId) {
    return jdbi.withHandle(h -> h.createQuery(
            """
            select r.id, r.program_id, r.person_id, p.display_name, r.created_at, r.sealed_note
            from help_request r join person p on p.id = r.person_id
            where r.program_id = :p and r.resolved_at is null order by r.created_at, r.id""")
        .bind("p", programId)
        .map((rs, ctx) -> {
          long personId = rs.getLong("person_id");
          byte[] sealed = rs.getBytes("sealed_note");
          return new Open(rs.getLong("id"), rs.getLong("program_id"), personId, rs.getString("display_name"),
              rs.getTimestamp("created_at").toInstant(),
              Optional.ofNullable(sealed).map(s -> box.open(s, context(personId))));
        })
        .list());
  }

  /** The program a request belongs to, if it exists and is still open. */
  public Optional<Long> programOfOpen(long number) {
    return jdbi.withHandle(h -> h.createQuery("select program_id from help_request where id = :id and resolved_at is null")
        .bind("id", number).mapTo(Long.class).findOne());
  }

  /** Marks the request taken care of; false if it was already. */
  public boolean resolve(long number) {
    return jdbi.withHandle(h -> h.createUpdate("update help_request set resolved_at = :now where id = :id and resolved_at is null")
        .bind("id", number).bind("now", clock.instant()).execute()) == 1;
  }

  private static String context(long personId) {
    return "help-request/person:" + personId;
  }
}
