package org.rmbot.mentoring.personaldata;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.audit.AuditActor;
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
 * are rewritten and the WAL that recorded the person is let go ({@link Compaction}). The
 * statements are {@link ErasureSql}'s, run in this order on the transaction's handle.
 */
public final class Erasure {
  private static final Logger LOG = LoggerFactory.getLogger(Erasure.class);
  public static final String ERASED = AuditActor.ERASED;

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
      ErasureSql sql = h.attach(ErasureSql.class);
      int ended = sql.endOpenPairings(personId, clock.instant());
      sql.clearExplanations(personId);
      // the pair's group messages stay counted, without the conversation that names them
      sql.forgetPairConversations(personId);
      sql.cancelPairNudges(personId);
      sql.deletePlanCursors(personId);
      int nudges = sql.deleteNudges(personId);
      int reflections = sql.deleteReflections(personId);
      int help = sql.deleteHelpRequests(personId);
      int checkIns = sql.deleteCheckIns(personId);
      sql.eraseAuditActor(personId);
      sql.eraseAuditSubject(personId);
      // what the platform adapters keep to reach the person (Teams: their 1:1 chat, what it sent there, files waiting for consent)
      for (PlatformErasure platform : platforms) {
        platform.forget(h, personId);
      }
      int participations = sql.deleteParticipations(personId);
      sql.deletePerson(personId);
      feedback.forgetReceipts(personId);
      return new Erased(participations, ended, reflections, help, checkIns, nudges);
    });
    boolean self = actor.personId() != null && actor.personId() == personId;
    audit.record(self ? AuditActor.Unnamed.ERASED_AT_OWN_REQUEST : actor,
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

  /** Programs whose data the erasure touches: where the person takes part or coordinates. */
  public List<Long> programsOf(long personId) {
    return jdbi.withHandle(h -> h.attach(ErasureSql.class).programsOf(personId));
  }
}
