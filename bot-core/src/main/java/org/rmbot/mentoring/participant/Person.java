package org.rmbot.mentoring.participant;

import java.time.ZoneId;

/** Someone the bot knows, across programs and platforms. */
public record Person(long id, String email, String displayName, ZoneId timeZone, WorkingHours workingHours) {}
