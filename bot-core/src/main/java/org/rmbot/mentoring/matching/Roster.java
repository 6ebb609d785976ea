package org.rmbot.mentoring.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated candidates, split by side and sorted by participant id so that everything after
 * this point (indices, tie-breaks, output order) is the same for the same input in any order.
 */
final class Roster {
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
      throw new MatchingInputException(List.of("no candidates"));
    }
    Map<Long, List<Candidate>> byId = new LinkedHashMap<>();
    List<Candidate> mentors = new ArrayList<>();
    List<Candidate> mentees = new ArrayList<>();
    for (int k = 0; k < candidates.size(); k++) {
      Candidate c = candidates.get(k);
      if (c == null) {
        problems.add("candidate #" + (k + 1) + " is missing");
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
            problems.add("participant " + id + " appears " + same.size() + " times (" + String.join(", ", names) + ")");
          }
        });
    if (mentors.isEmpty()) {
      problems.add("no mentors to match");
    }
    if (mentees.isEmpty()) {
      problems.add("no mentees to match");
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
      problems.add(who + " has no side (mentor or mentee)");
    }
    if (c.grade() == null) {
      problems.add(who + " has no grade");
    }
    if (c.department() == null || c.department().isBlank()) {
      problems.add(who + " has no department");
    }
    if (c.zone() == null) {
      problems.add(who + " has no time zone");
    }
    if (c.workStart() == null || c.workEnd() == null) {
      problems.add(who + " has no working hours");
    } else if (c.workStart().equals(c.workEnd())) {
      problems.add(who + " has working hours that start and end at " + c.workStart());
    }
    if (c.side() == Side.MENTOR && c.capacity() < 1) {
      problems.add(who + " is a mentor with capacity " + c.capacity() + "; it must be at least 1");
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
