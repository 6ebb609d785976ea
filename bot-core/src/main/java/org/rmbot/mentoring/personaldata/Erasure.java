package org.rmbot.mentoring.personaldata;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.feedback.AnonymousFeedback;
import org.rmbot.mentoring.persistence.Compaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases a person's personal data everywhere ({@code forget-me}, or a coordinator's {@code
 * forget @person} at their request), in one transaction: the person, their platform identities,
 * participations, coordinator and admin roles, reflections, help requests, check-in answers,
 * "never pair" rules, the nudges addressed to them, their feedback receipts, and what each chat
 * platform's adapter keeps to reach them ({@link PlatformErasure}; Teams: their 1:1 chat reference,
 * which messages it sent there, files waiting for their consent).
 *
 * <p>What stays is anonymous: each pairing they were in keeps its row (ended, the erased side
 * null, the match explanation cleared), meetings keep their dates, anonymous feedback answers
 * stay as they are (nothing links them to anyone), and the audit log keeps its entries with
 * the person's id replaced by "erased person".
 *
 * <p>Deleted rows leave their bytes in table and index pages, in PostgreSQL's statistics and in
 * the WAL until those are rewritten: after the transaction, the bot's tables and the statistics
 * are rewritten and the WAL that recorded the person is let go ({@link Compaction}).
 */
public final class Erasure {
  private static final Logger LOG = LoggerFactory.getLogger(Erasure.class);
  private static final String OPEN = "('proposed', 'accepted_by_mentor', 'accepted_by_mentee', 'active', 'paused')";
  public static final String ERASED = "erased person";

  /** How much was erased, for the confirmation (counts only). */
  public record Erased(int participations, int pairingsEnded, int reflections, int helpRequests, int checkIns, int nudges) {}

  private final Jdbi jdbi;
  private final AnonymousFeedback feedback;
  private final AuditLog audit;
  private final Clock clock;
  private final Compaction compaction;
  private final List<PlatformErasure> platforms;

  /** An erasure for a bot without platform adapters that keep their own tables. */
  public Erasure(Jdbi jdbi, AnonymousFeedback feedback, AuditLog audit, Clock clock) {
    this(jdbi, feedback, audit, clock, List.of());
  }

  public Erasure(Jdbi jdbi, AnonymousFeedback feedback, AuditLog audit, Clock clock, List<PlatformErasure> platforms) {
    this.platforms = List.copyOf(platforms);
    this.jdbi = jdbi;
    this.feedback = feedback;
    this.audit = audit;
    this.clock = clock;
    this.compaction = new Compaction(jdbi);
  }

  /**
   * Erases the person. {@code actor} is who asked: the person themselves or a coordinator;
   * {@code programId} the program the coordinator acted for (null for the person themselves).
   */
  public Erased forget(long personId, Actor actor, Long programId) {
    Erased erased = jdbi.inTransaction(h -> {
      String pairings = "(select id from pairing where mentor_id in (select id from participant where person_id = :p)"
          + " or mentee_id in (select id from participant where person_id = :p))";
      int ended = update(h, "update pairing set state = 'ended', closed_at = :now, version = version + 1"
          + " where id in " + pairings + " and state in " + OPEN, personId);
      update(h, "update pairing set explanation = '' where id in " + pairings, personId);
      // the pair's group messages stay counted, without the conversation that names them
      update(h, "update nudge set conversation_id = null, platform_message_id = null where audience = 'pair' and pairing_id in "
          + pairings, personId);
      update(h, "update nudge set state = 'cancelled', last_error = 'person_erased', lease_owner = null, lease_until = null"
          + " where pairing_id in " + pairings + " and state in ('planned', 'failed_retrying', 'sending')", personId);
      update(h, "delete from nudge_plan_cursor where pairing_id in " + pairings, personId);
      int nudges = update(h, "delete from nudge where recipient_person_id = :p", personId);
      int reflections = update(h, "delete from reflection where author_person_id = :p", personId);
      int help = update(h, "delete from help_request where person_id = :p", personId);
      int checkIns = update(h, "delete from check_in where person_id = :p", personId);
      update(h, "update audit_log set actor = '" + ERASED + "' where actor = 'person ' || :p", personId);
      update(h, "update audit_log set subject = '" + ERASED + "' where subject = 'person ' || :p", personId);
      // what the platform adapters keep to reach the person (Teams: their 1:1 chat, what it sent there, files waiting for consent)
      for (PlatformErasure platform : platforms) {
        platform.forget(h, personId);
      }
      int participations = update(h, "delete from participant where person_id = :p", personId);
      // identities, coordinator and admin roles, "never pair" rules go with the person (on delete cascade)
      update(h, "delete from person where id = :p", personId);
      feedback.forgetReceipts(personId);
      return new Erased(participations, ended, reflections, help, checkIns, nudges);
    });
    boolean self = actor.personId() != null && actor.personId() == personId;
    audit.record(self ? null : actor.personId(), self ? ERASED + " (their own request)" : actor.description(),
        self ? "forget-me" : "forget", programId, AuditSubject.described(ERASED));
    try {
      compaction.compact();
    } catch (RuntimeException e) {
      // the rows are gone and the person is told so; their bytes wait for the next erasure's rewrite
      LOG.error("compaction after erasure failed ({}); the next erasure rewrites the same tables",
          e.getClass().getSimpleName());
    }
    return erased;
  }

  private int update(Handle h, String sql, long personId) {
    var update = h.createUpdate(sql).bind("p", personId);
    if (sql.contains(":now")) {
      update.bind("now", clock.instant());
    }
    return update.execute();
  }

  /** Programs whose data the erasure touches: where the person takes part or coordinates. */
  public List<Long> programsOf(long personId) {
    return jdbi.withHandle(h -> h.createQuery(
            """
            select program_id from participant where person_id = :p
            union select program_id from program_coordinator where person_id = :p order by 1""")
        .bind("p", personId).mapTo(Long.class).list());
  }
}
