package org.rmbot.mentoring.participation;

import java.util.Set;
import org.rmbot.mentoring.participant.Role;

/** What someone answered on the join form, already read and checked by the form. */
public record JoinAnswers(Role role, int grade, String department, String managerEmail, Set<String> offered,
    Set<String> sought, Set<String> languages, String focusAreas, boolean shareFocusAreas,
    boolean nameLivedExperience) {}
