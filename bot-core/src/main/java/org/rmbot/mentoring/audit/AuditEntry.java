package org.rmbot.mentoring.audit;

import java.time.Instant;

/**
 * One thing a coordinator or admin did, or tried to do and was refused. Subjects name records
 * by id, never by free text a participant wrote.
 */
public record AuditEntry(Instant at, Long actorPersonId, String actor, String action, Long programId, String subject, boolean refused) {}
