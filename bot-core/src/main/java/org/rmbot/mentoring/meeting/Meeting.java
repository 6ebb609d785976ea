package org.rmbot.mentoring.meeting;

import java.time.Instant;

/** A meeting a pair booked; reminders are planned from {@code scheduledAt}. */
public record Meeting(long id, long pairingId, Instant scheduledAt, Long recordedBy, MeetingStatus status, Instant createdAt) {}
