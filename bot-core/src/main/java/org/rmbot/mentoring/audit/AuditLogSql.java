package org.rmbot.mentoring.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The audit_log table. */
@RegisterRowMapper(AuditLogSql.EntryMapper.class)
interface AuditLogSql {
  /** One row to write; {@code outcome} is "done" or "refused". */
  record Row(Instant at, Long person, String actor, String action, Long program, String subject, String outcome) {}

  @SqlUpdate("""
      insert into audit_log (at, actor_person_id, actor, action, program_id, subject, outcome)
      values (:at, :person, :actor, :action, :program, :subject, :outcome)""")
  void insert(@BindMethods Row row);

  @SqlQuery("""
      select at, actor_person_id, actor, action, program_id, subject, outcome
      from audit_log where program_id = :program order by id""")
  List<AuditEntry> ofProgram(@Bind("program") long programId);

  @SqlQuery("""
      select at, actor_person_id, actor, action, program_id, subject, outcome
      from audit_log order by id desc limit :limit""")
  List<AuditEntry> recent(@Bind("limit") int limit);

  final class EntryMapper implements RowMapper<AuditEntry> {
    @Override
    public AuditEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
      long person = rs.getLong("actor_person_id");
      Long actorPersonId = rs.wasNull() ? null : person;
      long program = rs.getLong("program_id");
      Long programId = rs.wasNull() ? null : program;
      return new AuditEntry(rs.getTimestamp("at").toInstant(), actorPersonId, rs.getString("actor"),
          rs.getString("action"), programId, rs.getString("subject"), "refused".equals(rs.getString("outcome")));
    }
  }
}
