package org.rmbot.mentoring.meeting;

import java.time.Instant;
import java.time.LocalDate;

/** One person's answer for one pairing and one cadence window (the window's first day). */
public record CheckIn(long pairingId, long personId, LocalDate windowStart, CheckInAnswer answer, Instant answeredAt) {}
