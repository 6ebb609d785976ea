package org.rmbot.mentoring.reflection;

import java.time.Instant;

/** A private note a participant wrote after a meeting; only its author can read it. */
public record Reflection(long id, long authorPersonId, Long pairingId, String text, boolean sharedWithPartner, Instant createdAt) {}
