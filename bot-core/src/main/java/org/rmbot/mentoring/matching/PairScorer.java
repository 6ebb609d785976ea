package org.rmbot.mentoring.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * The soft score of a pair, and the same reckoning in words:
 *
 * <pre>
 * score = topicForMentee * |mentee sought  ∩ mentor offered|
 *       + topicForMentor * |mentor sought  ∩ mentee offered|
 *       + perOverlapHour * (daily working-hours overlap in minutes) / 60   (rounded down)
 *       + sharedLanguage   if they have a language in common
 * </pre>
 *
 * <p>Scored once per eligible pair of a program, so sets are bit sets in flat arrays and the
 * overlap of every two distinct working-hours windows (a program has a few hundred at most) is
 * computed once into a table.
 */
final class PairScorer {
  private static final Catalogue WORDS = Catalogue.english();
  private final ScoreWeights w;
  private final Vocabulary topics;
  private final Vocabulary languages;
  private final int tw; // words per topic set
  private final int lw; // words per language set
  private final long[] mentorOffers;
  private final long[] mentorSeeks;
  private final long[] mentorLanguages;
  private final long[] menteeOffers;
  private final long[] menteeSeeks;
  private final long[] menteeLanguages;
  private final int[] mentorWindow;
  private final int[] menteeWindow;
  private final int windows;
  private final int[] overlapMinutes; // windows x windows
  private final int upperBound;
  private final boolean[] mentorNamesLivedExperience;
  private final boolean[] menteeNamesLivedExperience;

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
    tw = topics.words();
    lw = languages.words();
    int nm = roster.mentors.length;
    int ne = roster.mentees.length;
    mentorOffers = new long[nm * tw];
    mentorSeeks = new long[nm * tw];
    mentorLanguages = new long[nm * lw];
    menteeOffers = new long[ne * tw];
    menteeSeeks = new long[ne * tw];
    menteeLanguages = new long[ne * lw];
    mentorWindow = new int[nm];
    menteeWindow = new int[ne];
    mentorNamesLivedExperience = new boolean[nm];
    menteeNamesLivedExperience = new boolean[ne];
    Map<DailyWindow, Integer> windowIds = new HashMap<>();
    List<DailyWindow> distinct = new ArrayList<>();
    int maxMentorSeeks = 0;
    for (int m = 0; m < nm; m++) {
      Candidate c = roster.mentors[m];
      put(topics.bits(c.topicsOffered()), mentorOffers, m);
      put(topics.bits(c.topicsSought()), mentorSeeks, m);
      put(languages.bits(c.languages()), mentorLanguages, m);
      mentorWindow[m] = windowId(c, windowIds, distinct);
      mentorNamesLivedExperience[m] = c.namesLivedExperience();
      maxMentorSeeks = Math.max(maxMentorSeeks, Vocabulary.count(topics.bits(c.topicsSought())));
    }
    int maxMenteeSeeks = 0;
    for (int e = 0; e < ne; e++) {
      Candidate c = roster.mentees[e];
      put(topics.bits(c.topicsOffered()), menteeOffers, e);
      put(topics.bits(c.topicsSought()), menteeSeeks, e);
      put(languages.bits(c.languages()), menteeLanguages, e);
      menteeWindow[e] = windowId(c, windowIds, distinct);
      menteeNamesLivedExperience[e] = c.namesLivedExperience();
      maxMenteeSeeks = Math.max(maxMenteeSeeks, Vocabulary.count(topics.bits(c.topicsSought())));
    }
    windows = distinct.size();
    overlapMinutes = new int[windows * windows];
    for (int a = 0; a < windows; a++) {
      for (int b = 0; b < windows; b++) {
        overlapMinutes[a * windows + b] = distinct.get(a).overlapMinutes(distinct.get(b));
      }
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

  private static void put(long[] bits, long[] flat, int index) {
    System.arraycopy(bits, 0, flat, index * bits.length, bits.length);
  }

  private static int windowId(Candidate c, Map<DailyWindow, Integer> ids, List<DailyWindow> distinct) {
    DailyWindow window = DailyWindow.of(c.zone(), c.workStart(), c.workEnd());
    return ids.computeIfAbsent(
        window,
        x -> {
          distinct.add(x);
          return distinct.size() - 1;
        });
  }

  /** No pair scores more than this. */
  int upperBound() {
    return upperBound;
  }

  int score(int mentor, int mentee) {
    int forMentee = 0;
    int forMentor = 0;
    for (int k = 0, a = mentee * tw, b = mentor * tw; k < tw; k++, a++, b++) {
      forMentee += Long.bitCount(menteeSeeks[a] & mentorOffers[b]);
      forMentor += Long.bitCount(mentorSeeks[b] & menteeOffers[a]);
    }
    boolean spoken = false;
    for (int k = 0, a = mentee * lw, b = mentor * lw; k < lw && !spoken; k++, a++, b++) {
      spoken = (menteeLanguages[a] & mentorLanguages[b]) != 0;
    }
    return w.topicForMentee() * forMentee
        + w.topicForMentor() * forMentor
        + w.perOverlapHour() * overlap(mentor, mentee) / 60
        + (spoken ? w.sharedLanguage() : 0);
  }

  private int overlap(int mentor, int mentee) {
    return overlapMinutes[mentorWindow[mentor] * windows + menteeWindow[mentee]];
  }

  /**
   * E.g. "shared topics: allyship, inclusive language; different departments; 3 h overlap ...".
   * A reason says what brought the pair together, so never "no shared topics" (the practical
   * facts, working hours and language, are stated either way). A
   * lived-experience topic is named only if both people agreed to have theirs named; otherwise
   * it still counts in the score, silently.
   */
  String explain(int mentor, int mentee) {
    List<String> parts = new ArrayList<>();
    boolean bothConsent = mentorNamesLivedExperience[mentor] && menteeNamesLivedExperience[mentee];
    List<String> forMentee = nameable(topics.shared(slice(menteeSeeks, mentee, tw), slice(mentorOffers, mentor, tw)),
        bothConsent);
    List<String> forMentor = nameable(topics.shared(slice(mentorSeeks, mentor, tw), slice(menteeOffers, mentee, tw)),
        bothConsent);
    if (!forMentee.isEmpty()) {
      parts.add(WORDS.phrase("matching.reason.shared_topics", "topics", String.join(", ", forMentee)));
    }
    if (!forMentor.isEmpty()) {
      parts.add(WORDS.phrase("matching.reason.mentor_learns", "topics", String.join(", ", forMentor)));
    }
    parts.add(WORDS.phrase("matching.reason.different_departments"));
    parts.add(overlapInWords(overlap(mentor, mentee)));
    List<String> spoken =
        languages.shared(slice(mentorLanguages, mentor, lw), slice(menteeLanguages, mentee, lw));
    parts.add(spoken.isEmpty() ? WORDS.phrase("matching.reason.no_shared_language")
        : WORDS.phrase("matching.reason.shared_language", "languages", String.join(", ", spoken)));
    return String.join("; ", parts);
  }

  private static List<String> nameable(List<String> shared, boolean consent) {
    return consent ? shared : shared.stream().filter(t -> !LivedExperience.is(t)).toList();
  }

  private static long[] slice(long[] flat, int index, int words) {
    long[] bits = new long[words];
    System.arraycopy(flat, index * words, bits, 0, words);
    return bits;
  }

  private static String overlapInWords(int minutes) {
    if (minutes == 0) {
      return WORDS.phrase("matching.reason.no_overlap");
    }
    int h = minutes / 60;
    int m = minutes % 60;
    return m == 0 ? WORDS.phrase("matching.reason.overlap.hours", "hours", h)
        : h == 0 ? WORDS.phrase("matching.reason.overlap.minutes", "minutes", m)
        : WORDS.phrase("matching.reason.overlap.hours_and_minutes", "hours", h, "minutes", m);
  }
}
