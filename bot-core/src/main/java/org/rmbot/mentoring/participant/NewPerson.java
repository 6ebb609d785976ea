package org.rmbot.mentoring.participant;

import java.time.ZoneId;

public record NewPerson(String email, String displayName, ZoneId timeZone, WorkingHours workingHours) {}
