package org.rmbot.mentoring.matching;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * One participant of a program as the matcher sees them.
 *
 * <p>{@code participantId} identifies them in this program; {@code personId} identifies the
 * human across programs (for manager lines and pair histories). {@code grade} and {@code
 * department} are nullable so that incomplete records reach the engine and are rejected there
 * with the person named, rather than failing somewhere in an importer. Working hours are local
 * times in {@code zone}; an end before the start means a shift across midnight. {@code capacity}
 * is how many mentees a mentor may take; it is ignored for mentees. {@code namesLivedExperience} is
 * the person's consent to have lived-experience topics named in the reason for their match
 * ({@link LivedExperience}).
 */
public record Candidate(
    long participantId,
    long personId,
    String name,
    Side side,
    Integer grade,
    String department,
    Set<String> topicsOffered,
    Set<String> topicsSought,
    ZoneId zone,
    LocalTime workStart,
    LocalTime workEnd,
    Set<String> languages,
    int capacity,
    boolean namesLivedExperience) {

  /** Without consent to name lived-experience topics. */
  public Candidate(long participantId, long personId, String name, Side side, Integer grade, String department,
      Set<String> topicsOffered, Set<String> topicsSought, ZoneId zone, LocalTime workStart, LocalTime workEnd,
      Set<String> languages, int capacity) {
    this(participantId, personId, name, side, grade, department, topicsOffered, topicsSought, zone, workStart, workEnd,
        languages, capacity, false);
  }

  public Candidate {
    topicsOffered = topicsOffered == null ? Set.of() : Set.copyOf(topicsOffered);
    topicsSought = topicsSought == null ? Set.of() : Set.copyOf(topicsSought);
    languages = languages == null ? Set.of() : Set.copyOf(languages);
  }

  /** "participant 12 (Ana Lima)", for messages. */
  public String label() {
    String id = String.valueOf(participantId);
    return name == null || name.isBlank() ? Catalogue.english().phrase("matching.candidate", "id", id)
        : Catalogue.english().phrase("matching.candidate.named", "id", id, "name", name);
  }
}
