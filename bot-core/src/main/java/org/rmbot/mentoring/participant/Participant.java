package org.rmbot.mentoring.participant;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A person taking part in one program. Focus areas (lived experience) are sensitive and opt-in:
 * they are stored sealed and are not part of this record; see {@code Participants#focusAreas}.
 *
 * @param managerPersonId the person's manager, for the reporting-line constraint; may be null
 * @param capacity how many mentees a mentor can take (mentoring circles); 1 for mentees
 */
public record Participant(
    long id,
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
    Instant privacyConsentAt,
    ParticipantStatus status,
    Instant snoozedUntil,
    Instant enrolledAt) {

  public Participant {
    topicsOffered = Set.copyOf(topicsOffered);
    topicsSought = Set.copyOf(topicsSought);
    languages = Set.copyOf(languages);
  }

  public Optional<Long> manager() {
    return Optional.ofNullable(managerPersonId);
  }

  public boolean consented() {
    return privacyConsentAt != null;
  }
}
