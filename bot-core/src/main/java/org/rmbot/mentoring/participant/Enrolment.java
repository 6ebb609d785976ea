package org.rmbot.mentoring.participant;

import java.util.Set;

/** What a person tells the program when they join (or what an import line says about them). */
public record Enrolment(
    long programId,
    long personId,
    Role role,
    int grade,
    String department,
    Long managerPersonId,
    Set<String> topicsOffered,
    Set<String> topicsSought,
    Set<String> languages,
    int capacity,
    boolean privacyConsent) {

  public Enrolment {
    topicsOffered = Set.copyOf(topicsOffered);
    topicsSought = Set.copyOf(topicsSought);
    languages = Set.copyOf(languages);
  }
}
