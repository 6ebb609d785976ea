package org.rmbot.mentoring.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

public final class AuditLogInDatabase implements AuditLog {
  private static final String COLUMNS = "at, actor_person_id, actor, action, program_id, subject, outcome";
  private final Jdbi jdbi;
  private final Clock clock;

  public AuditLogInDatabase(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public void record(Long actorPersonId, String actor, String action, Long programId, AuditSubject subject) {
    write(actorPersonId, actor, action, programId, subject.stored(), "done");
  }

  @Override
  public void refused(Long actorPersonId, String actor, String action, Long programId, AuditSubject subject) {
    write(actorPersonId, actor, action, programId, subject.stored(), "refused");
  }

  private void write(Long actorPersonId, String actor, String action, Long programId, String subject, String outcome) {
    jdbi.useHandle(h -> h.createUpdate(
            """
            insert into audit_log (at, actor_person_id, actor, action, program_id, subject, outcome)
            values (:at, :person, :actor, :action, :program, :subject, :outcome)""")
        .bind("at", clock.instant())
        .bind("person", actorPersonId)
        .bind("actor", actor)
        .bind("action", action)
        .bind("program", programId)
        .bind("subject", subject)
        .bind("outcome", outcome)
        .execute());
  }

  @Override
  public List<AuditEntry> ofProgram(long programId) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from audit_log where program_id = :p order by id")
        .bind("p", programId).map(AuditLogInDatabase::map).list());
  }

  @Override
  public List<AuditEntry> recent(int limit) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from audit_log order by id desc limit :n")
        .bind("n", limit).map(AuditLogInDatabase::map).list());
  }

  private static AuditEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
    long person = rs.getLong("actor_person_id");
    Long actorPersonId = rs.wasNull() ? null : person;
    long program = rs.getLong("program_id");
    Long programId = rs.wasNull() ? null : program;
    return new AuditEntry(rs.getTimestamp("at").toInstant(), actorPersonId, rs.getString("actor"),
        rs.getString("action"), programId, rs.getString("subject"), "refused".equals(rs.getString("outcome")));
  }
}
