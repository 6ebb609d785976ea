package org.rmbot.mentoring.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The soft score of a pair, and the same reckoning in words:
 *
 * <pre>
 * score = topicForMentee * |mentee sought  ∩ mentor offered|
 *       + topicForMentor * |mentor sought  ∩ mentee offered|
 *       + perOverlapHour * (daily working-hours overlap in minutes) / 60   (rounded down)
 *       + sharedLanguage   if they have a language in common
 * </pre>
 */
final class PairScorer {
  private final ScoreWeights w;
  private final Vocabulary topics;
  private final Vocabulary languages;
  private final long[][] mentorOffers;
  private final long[][] mentorSeeks;
  private final long[][] mentorLanguages;
  private final DailyWindow[] mentorHours;
  private final long[][] menteeOffers;
  private final long[][] menteeSeeks;
  private final long[][] menteeLanguages;
  private final DailyWindow[] menteeHours;
  private final int upperBound;

  PairScorer(Roster roster, ScoreWeights weights) {
    this.w = weights;
    List<Set<String>> topicSets = new ArrayList<>();
    List<Set<String>> languageSets = new ArrayList<>();
    for (Candidate[] side : new Candidate[][] {roster.mentors, roster.mentees}) {
      for (Candidate c : side) {
        topicSets.add(c.topicsOffered());
        topicSets.add(c.topicsSought());
        languageSets.add(c.languages());
      }
    }
    topics = new Vocabulary(topicSets);
    languages = new Vocabulary(languageSets);
    int nm = roster.mentors.length;
    int ne = roster.mentees.length;
    mentorOffers = new long[nm][];
    mentorSeeks = new long[nm][];
    mentorLanguages = new long[nm][];
    mentorHours = new DailyWindow[nm];
    int maxMentorSeeks = 0;
    for (int m = 0; m < nm; m++) {
      Candidate c = roster.mentors[m];
      mentorOffers[m] = topics.bits(c.topicsOffered());
      mentorSeeks[m] = topics.bits(c.topicsSought());
      mentorLanguages[m] = languages.bits(c.languages());
      mentorHours[m] = DailyWindow.of(c.zone(), c.workStart(), c.workEnd());
      maxMentorSeeks = Math.max(maxMentorSeeks, Vocabulary.count(mentorSeeks[m]));
    }
    menteeOffers = new long[ne][];
    menteeSeeks = new long[ne][];
    menteeLanguages = new long[ne][];
    menteeHours = new DailyWindow[ne];
    int maxMenteeSeeks = 0;
    for (int e = 0; e < ne; e++) {
      Candidate c = roster.mentees[e];
      menteeOffers[e] = topics.bits(c.topicsOffered());
      menteeSeeks[e] = topics.bits(c.topicsSought());
      menteeLanguages[e] = languages.bits(c.languages());
      menteeHours[e] = DailyWindow.of(c.zone(), c.workStart(), c.workEnd());
      maxMenteeSeeks = Math.max(maxMenteeSeeks, Vocabulary.count(menteeSeeks[e]));
    }
    long bound =
        (long) w.topicForMentee() * maxMenteeSeeks
            + (long) w.topicForMentor() * maxMentorSeeks
            + (long) w.perOverlapHour() * 24
            + w.sharedLanguage();
    if (bound >= CostMatrix.FORBIDDEN / 2) {
      throw new MatchingInputException(
          List.of("score weights times topic counts reach " + bound + "; keep the best score below "
              + CostMatrix.FORBIDDEN / 2));
    }
    upperBound = (int) bound;
  }

  /** No pair scores more than this. */
  int upperBound() {
    return upperBound;
  }

  int score(int mentor, int mentee) {
    return w.topicForMentee() * Vocabulary.overlap(menteeSeeks[mentee], mentorOffers[mentor])
        + w.topicForMentor() * Vocabulary.overlap(mentorSeeks[mentor], menteeOffers[mentee])
        + w.perOverlapHour() * mentorHours[mentor].overlapMinutes(menteeHours[mentee]) / 60
        + (Vocabulary.overlap(mentorLanguages[mentor], menteeLanguages[mentee]) > 0
            ? w.sharedLanguage()
            : 0);
  }

  /** E.g. "shared topics: allyship, inclusive language; different departments; 3 h overlap ...". */
  String explain(int mentor, int mentee) {
    List<String> parts = new ArrayList<>();
    List<String> forMentee = topics.shared(menteeSeeks[mentee], mentorOffers[mentor]);
    List<String> forMentor = topics.shared(mentorSeeks[mentor], menteeOffers[mentee]);
    parts.add(forMentee.isEmpty() ? "no shared topics" : "shared topics: " + String.join(", ", forMentee));
    if (!forMentor.isEmpty()) {
      parts.add("mentor learns: " + String.join(", ", forMentor));
    }
    parts.add("different departments");
    parts.add(hours(mentorHours[mentor].overlapMinutes(menteeHours[mentee])) + " overlap in working hours");
    List<String> spoken = languages.shared(mentorLanguages[mentor], menteeLanguages[mentee]);
    parts.add(spoken.isEmpty() ? "no shared language" : "shared language: " + String.join(", ", spoken));
    return String.join("; ", parts);
  }

  private static String hours(int minutes) {
    if (minutes == 0) {
      return "no";
    }
    int h = minutes / 60;
    int m = minutes % 60;
    return m == 0 ? h + " h" : h == 0 ? m + " min" : h + " h " + m + " min";
  }
}
