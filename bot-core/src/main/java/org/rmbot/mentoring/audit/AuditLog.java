package org.rmbot.mentoring.audit;

import java.util.List;

/** Append-only record of coordinator and admin actions. */
public interface AuditLog {
  void record(AuditActor actor, String action, Long programId, AuditSubject subject);

  void refused(AuditActor actor, String action, Long programId, AuditSubject subject);

  /** @deprecated the actor as a typed value instead: {@link #record(AuditActor, String, Long, AuditSubject)}. */
  @Deprecated(forRemoval = true)
  void record(Long actorPersonId, String actor, String action, Long programId, AuditSubject subject);

  /** @deprecated the actor as a typed value instead. */
  @Deprecated(forRemoval = true)
  void refused(Long actorPersonId, String actor, String action, Long programId, AuditSubject subject);

  List<AuditEntry> ofProgram(long programId);

  List<AuditEntry> recent(int limit);
}
