package org.rmbot.mentoring.audit;

import java.util.List;

/** Append-only record of coordinator and admin actions. */
public interface AuditLog {
  void record(AuditActor actor, String action, Long programId, AuditSubject subject);

  void refused(AuditActor actor, String action, Long programId, AuditSubject subject);

  List<AuditEntry> ofProgram(long programId);

  List<AuditEntry> recent(int limit);
}
