package org.rmbot.mentoring.audit;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The audit log kept in the database, through {@link AuditLogSql}. */
public final class AuditLogInDatabase implements AuditLog {
  private final AuditLogSql sql;
  private final Clock clock;

  public AuditLogInDatabase(Jdbi jdbi, Clock clock) {
    this.sql = jdbi.onDemand(AuditLogSql.class);
    this.clock = clock;
  }

  @Override
  public void record(AuditActor actor, String action, Long programId, AuditSubject subject) {
    write(actor.personId(), actor.description(), action, programId, subject, "done");
  }

  @Override
  public void refused(AuditActor actor, String action, Long programId, AuditSubject subject) {
    write(actor.personId(), actor.description(), action, programId, subject, "refused");
  }

  private void write(Long actorPersonId, String actor, String action, Long programId, AuditSubject subject, String outcome) {
    sql.insert(new AuditLogSql.Row(clock.instant(), actorPersonId, actor, action, programId, subject.stored(), outcome));
  }

  @Override
  public List<AuditEntry> ofProgram(long programId) {
    return sql.ofProgram(programId);
  }

  @Override
  public List<AuditEntry> recent(int limit) {
    return sql.recent(limit);
  }
}
