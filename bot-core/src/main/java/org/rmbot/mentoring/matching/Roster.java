package org.rmbot.mentoring.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * The validated candidates, split by side and sorted by participant id so that everything after
 * this point (indices, tie-breaks, output order) is the same for the same input in any order.
 */
final class Roster {
  private static final Catalogue WORDS = Catalogue.english();
  final Candidate[] mentors;
  final Candidate[] mentees;
  private final Map<Long, Integer> mentorIndex = new HashMap<>();
  private final Map<Long, Integer> menteeIndex = new HashMap<>();

  private Roster(List<Candidate> mentors, List<Candidate> mentees) {
    this.mentors = mentors.toArray(Candidate[]::new);
    this.mentees = mentees.toArray(Candidate[]::new);
    for (int k = 0; k < this.mentors.length; k++) {
      mentorIndex.put(this.mentors[k].participantId(), k);
    }
    for (int k = 0; k < this.mentees.length; k++) {
      menteeIndex.put(this.mentees[k].participantId(), k);
    }
  }

  /** Checks every candidate and reports all problems at once, each naming the person. */
  static Roster of(List<Candidate> candidates) {
    List<String> problems = new ArrayList<>();
    if (candidates == null || candidates.isEmpty()) {
      throw new MatchingInputException(List.of(WORDS.phrase("matching.roster.no_candidates")));
    }
    Map<Long, List<Candidate>> byId = new LinkedHashMap<>();
    List<Candidate> mentors = new ArrayList<>();
    List<Candidate> mentees = new ArrayList<>();
    for (int k = 0; k < candidates.size(); k++) {
      Candidate c = candidates.get(k);
      if (c == null) {
        problems.add(WORDS.phrase("matching.roster.candidate_missing", "number", k + 1));
        continue;
      }
      byId.computeIfAbsent(c.participantId(), id -> new ArrayList<>()).add(c);
      check(c, problems);
      if (c.side() == Side.MENTOR) {
        mentors.add(c);
      } else if (c.side() == Side.MENTEE) {
        mentees.add(c);
      }
    }
    byId.forEach(
        (id, same) -> {
          if (same.size() > 1) {
            List<String> names = new ArrayList<>();
            same.forEach(c -> names.add(String.valueOf(c.name())));
            problems.add(WORDS.phrase("matching.roster.appears_more_than_once", "id", String.valueOf(id),
                "count", same.size(), "names", String.join(", ", names)));
          }
        });
    if (mentors.isEmpty()) {
      problems.add(WORDS.phrase("matching.roster.no_mentors"));
    }
    if (mentees.isEmpty()) {
      problems.add(WORDS.phrase("matching.roster.no_mentees"));
    }
    if (!problems.isEmpty()) {
      throw new MatchingInputException(problems);
    }
    Comparator<Candidate> byParticipant = Comparator.comparingLong(Candidate::participantId);
    mentors.sort(byParticipant);
    mentees.sort(byParticipant);
    return new Roster(mentors, mentees);
  }

  private static void check(Candidate c, List<String> problems) {
    String who = c.label();
    if (c.side() == null) {
      problems.add(WORDS.phrase("matching.roster.no_side", "who", who));
    }
    if (c.grade() == null) {
      problems.add(WORDS.phrase("matching.roster.no_grade", "who", who));
    }
    if (c.department() == null || c.department().isBlank()) {
      problems.add(WORDS.phrase("matching.roster.no_department", "who", who));
    }
    if (c.zone() == null) {
      problems.add(WORDS.phrase("matching.roster.no_time_zone", "who", who));
    }
    if (c.workStart() == null || c.workEnd() == null) {
      problems.add(WORDS.phrase("matching.roster.no_working_hours", "who", who));
    } else if (c.workStart().equals(c.workEnd())) {
      problems.add(WORDS.phrase("matching.roster.empty_working_hours", "who", who, "time", String.valueOf(c.workStart())));
    }
    if (c.side() == Side.MENTOR && c.capacity() < 1) {
      problems.add(WORDS.phrase("matching.roster.mentor_capacity", "who", who, "capacity", c.capacity()));
    }
  }

  /** Index among mentors, or -1. */
  int mentorIndexOf(long participantId) {
    return mentorIndex.getOrDefault(participantId, -1);
  }

  /** Index among mentees, or -1. */
  int menteeIndexOf(long participantId) {
    return menteeIndex.getOrDefault(participantId, -1);
  }
}
