package org.rmbot.mentoring.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The hard constraints for every mentor-mentee pair, precomputed into primitive arrays because
 * a 5000 x 5000 program asks 25 million times.
 */
final class Eligibility {
  private final MatchingRules rules;
  private final long[] mentorPerson;
  private final long[] menteePerson;
  private final int[] mentorGrade;
  private final int[] menteeGrade;
  private final int[] mentorDepartment;
  private final int[] menteeDepartment;
  private final long[][] mentorManagers;
  private final long[][] menteeManagers;
  // Languages as bit sets over the program's languages (words per set: lw); an empty set is unknown, never a clash.
  private final int lw;
  private final long[] mentorLanguages;
  private final long[] menteeLanguages;
  // Per mentee, the mentors blocked by a pair rule (sorted) and which rule blocked each.
  private final int[][] blockedMentors;
  private final Exclusion[][] blockedBecause;

  Eligibility(Roster roster, MatchingRules rules, ReportingLines lines) {
    this.rules = rules;
    int depth = Math.max(1, rules.reportingChainDepth()); // a direct manager is always excluded
    Map<String, Integer> departments = new HashMap<>();
    int nm = roster.mentors.length;
    int ne = roster.mentees.length;
    mentorPerson = new long[nm];
    mentorGrade = new int[nm];
    mentorDepartment = new int[nm];
    mentorManagers = new long[nm][];
    for (int m = 0; m < nm; m++) {
      Candidate c = roster.mentors[m];
      mentorPerson[m] = c.personId();
      mentorGrade[m] = c.grade();
      mentorDepartment[m] = departments.computeIfAbsent(key(c.department()), k -> departments.size());
      mentorManagers[m] = lines.managersOf(c.personId(), depth);
    }
    menteePerson = new long[ne];
    menteeGrade = new int[ne];
    menteeDepartment = new int[ne];
    menteeManagers = new long[ne][];
    for (int e = 0; e < ne; e++) {
      Candidate c = roster.mentees[e];
      menteePerson[e] = c.personId();
      menteeGrade[e] = c.grade();
      menteeDepartment[e] = departments.computeIfAbsent(key(c.department()), k -> departments.size());
      menteeManagers[e] = lines.managersOf(c.personId(), depth);
    }
    List<Set<String>> spoken = new ArrayList<>();
    for (Candidate c : roster.mentors) {
      spoken.add(c.languages());
    }
    for (Candidate c : roster.mentees) {
      spoken.add(c.languages());
    }
    Vocabulary languages = new Vocabulary(spoken);
    lw = languages.words();
    mentorLanguages = new long[nm * lw];
    menteeLanguages = new long[ne * lw];
    for (int m = 0; m < nm; m++) {
      System.arraycopy(languages.bits(roster.mentors[m].languages()), 0, mentorLanguages, m * lw, lw);
    }
    for (int e = 0; e < ne; e++) {
      System.arraycopy(languages.bits(roster.mentees[e].languages()), 0, menteeLanguages, e * lw, lw);
    }
    blockedMentors = new int[ne][];
    blockedBecause = new Exclusion[ne][];
    indexPairRules();
  }

  /** Both name languages and none is shared (the program requires one in common). */
  private boolean noSharedLanguage(int mentor, int mentee) {
    if (!rules.requireSharedLanguage()) {
      return false;
    }
    boolean mentorNames = false;
    boolean menteeNames = false;
    for (int k = 0, a = mentor * lw, b = mentee * lw; k < lw; k++, a++, b++) {
      if ((mentorLanguages[a] & menteeLanguages[b]) != 0) {
        return false;
      }
      mentorNames |= mentorLanguages[a] != 0;
      menteeNames |= menteeLanguages[b] != 0;
    }
    return mentorNames && menteeNames;
  }

  private static String key(String department) {
    return department.trim().toLowerCase(Locale.ROOT);
  }

  private void indexPairRules() {
    Map<Long, List<Integer>> mentorsOfPerson = new HashMap<>();
    Map<Long, List<Integer>> menteesOfPerson = new HashMap<>();
    for (int m = 0; m < mentorPerson.length; m++) {
      mentorsOfPerson.computeIfAbsent(mentorPerson[m], p -> new ArrayList<>()).add(m);
    }
    for (int e = 0; e < menteePerson.length; e++) {
      menteesOfPerson.computeIfAbsent(menteePerson[e], p -> new ArrayList<>()).add(e);
    }
    List<TreeMap<Integer, Exclusion>> blocks = new ArrayList<>();
    for (int e = 0; e < menteePerson.length; e++) {
      blocks.add(null);
    }
    // Checked in Exclusion order, so the first rule that blocks a pair is the one kept.
    block(rules.neverPair(), Exclusion.NEVER_PAIR, mentorsOfPerson, menteesOfPerson, blocks);
    block(rules.declined(), Exclusion.DECLINED, mentorsOfPerson, menteesOfPerson, blocks);
    block(rules.previouslyPaired(), Exclusion.PREVIOUSLY_PAIRED, mentorsOfPerson, menteesOfPerson, blocks);
    for (int e = 0; e < menteePerson.length; e++) {
      TreeMap<Integer, Exclusion> b = blocks.get(e);
      if (b == null) {
        blockedMentors[e] = new int[0];
        blockedBecause[e] = new Exclusion[0];
      } else {
        blockedMentors[e] = b.keySet().stream().mapToInt(Integer::intValue).toArray();
        blockedBecause[e] = b.values().toArray(Exclusion[]::new);
      }
    }
  }

  private static void block(
      Set<PersonPair> pairs,
      Exclusion why,
      Map<Long, List<Integer>> mentorsOfPerson,
      Map<Long, List<Integer>> menteesOfPerson,
      List<TreeMap<Integer, Exclusion>> blocks) {
    for (PersonPair p : pairs) {
      blockBetween(p.first(), p.second(), why, mentorsOfPerson, menteesOfPerson, blocks);
      blockBetween(p.second(), p.first(), why, mentorsOfPerson, menteesOfPerson, blocks);
    }
  }

  private static void blockBetween(
      long mentorPersonId,
      long menteePersonId,
      Exclusion why,
      Map<Long, List<Integer>> mentorsOfPerson,
      Map<Long, List<Integer>> menteesOfPerson,
      List<TreeMap<Integer, Exclusion>> blocks) {
    for (int m : mentorsOfPerson.getOrDefault(mentorPersonId, List.of())) {
      for (int e : menteesOfPerson.getOrDefault(menteePersonId, List.of())) {
        if (blocks.get(e) == null) {
          blocks.set(e, new TreeMap<>());
        }
        blocks.get(e).putIfAbsent(m, why);
      }
    }
  }

  /** The first hard constraint the pair breaks, or {@code null} if they may be matched. */
  Exclusion exclusion(int mentor, int mentee) {
    if (mentorPerson[mentor] == menteePerson[mentee]) {
      return Exclusion.SAME_PERSON;
    }
    int[] blocked = blockedMentors[mentee];
    if (blocked.length > 0) {
      int at = Arrays.binarySearch(blocked, mentor);
      if (at >= 0) {
        return blockedBecause[mentee][at];
      }
    }
    if (contains(menteeManagers[mentee], mentorPerson[mentor])
        || contains(mentorManagers[mentor], menteePerson[mentee])) {
      return Exclusion.REPORTING_LINE;
    }
    if (mentorDepartment[mentor] == menteeDepartment[mentee]) {
      return Exclusion.SAME_DEPARTMENT;
    }
    if (!rules.direction().allows(mentorGrade[mentor], menteeGrade[mentee], rules.minGradeGap())) {
      return Exclusion.GRADE_GAP;
    }
    if (noSharedLanguage(mentor, mentee)) {
      return Exclusion.NO_SHARED_LANGUAGE;
    }
    return null;
  }

  /**
   * The mentors this mentee may be matched with, as a bit set over mentor indices. The same
   * rules as {@link #exclusion}, unrolled into one tight loop: this runs once per pair of a
   * whole program.
   */
  long[] eligibleMentors(int mentee) {
    int n = mentorPerson.length;
    long[] bits = new long[(n + 63) >>> 6];
    long person = menteePerson[mentee];
    int department = menteeDepartment[mentee];
    long[] managers = menteeManagers[mentee];
    // Allowed mentor grades are "at most lowMax or at least highMin"; long avoids overflow.
    long grade = menteeGrade[mentee];
    long gap = rules.minGradeGap();
    long lowMax;
    long highMin;
    switch (rules.direction()) {
      case REVERSE:
        lowMax = grade - gap;
        highMin = Long.MAX_VALUE;
        break;
      case TRADITIONAL:
        lowMax = Long.MIN_VALUE;
        highMin = grade + gap;
        break;
      default:
        lowMax = grade - gap;
        highMin = grade + gap;
    }
    for (int m = 0; m < n; m++) {
      int mg = mentorGrade[m];
      if (mentorDepartment[m] == department
          || (mg > lowMax && mg < highMin)
          || mentorPerson[m] == person
          || contains(managers, mentorPerson[m])
          || contains(mentorManagers[m], person)
          || noSharedLanguage(m, mentee)) {
        continue;
      }
      bits[m >>> 6] |= 1L << m;
    }
    for (int m : blockedMentors[mentee]) {
      bits[m >>> 6] &= ~(1L << m);
    }
    return bits;
  }

  int mentorCount() {
    return mentorPerson.length;
  }

  int menteeCount() {
    return menteePerson.length;
  }

  private static boolean contains(long[] ids, long id) {
    for (long x : ids) {
      if (x == id) {
        return true;
      }
    }
    return false;
  }
}
