package org.rmbot.mentoring.importing;

import java.time.ZoneId;
import java.util.Set;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.participant.WorkingHours;

/** One valid line of a participants file. */
public record ParticipantRow(
    int line,
    String email,
    String name,
    Role role,
    int grade,
    String department,
    String managerEmail,
    ZoneId timeZone,
    WorkingHours workingHours,
    Set<String> topicsOffered,
    Set<String> topicsSought,
    Set<String> languages,
    int capacity) {}
