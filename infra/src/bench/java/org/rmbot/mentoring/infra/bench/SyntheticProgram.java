package org.rmbot.mentoring.infra.bench;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.rmbot.mentoring.matching.Candidate;
import org.rmbot.mentoring.matching.Direction;
import org.rmbot.mentoring.matching.MatchingRules;
import org.rmbot.mentoring.matching.PersonPair;
import org.rmbot.mentoring.matching.Pin;
import org.rmbot.mentoring.matching.ScoreWeights;
import org.rmbot.mentoring.matching.Side;

/**
 * A made-up but plausible reverse mentoring program for benchmarks: a company in departments of
 * uneven size, junior mentors (grades 1-4) reporting to line managers who report to senior
 * mentees (grades 5-10), some matrix reporting across departments, popular and niche topics,
 * offices in nine time zones, mostly English speakers, mentor capacity 1-3, a few never-pair,
 * declined and earlier pairs, and some coordinator pins. Same seed, same program.
 */
record SyntheticProgram(
    List<Candidate> candidates, Map<Long, Long> managers, MatchingRules rules) {

  private static final String[] DEPARTMENTS = {
    "Engineering", "Sales", "Marketing", "Finance", "Operations", "Legal", "People",
    "Product", "Support", "Data", "Security", "Design"
  };
  private static final String[] TOPICS = {
    "allyship", "inclusive language", "ai tools", "social media", "gen z at work",
    "remote work", "accessibility", "neurodiversity", "lgbtq+ inclusion", "racial equity",
    "gender equity", "mental health", "sustainability", "open source", "data literacy",
    "product thinking", "customer empathy", "cloud basics", "security hygiene",
    "hybrid meetings", "career pathways", "first-generation professionals", "parenting at work",
    "disability inclusion", "cross-cultural teams"
  };
  private static final String[] ZONES = {
    "Europe/London", "Europe/Berlin", "America/New_York", "America/Chicago",
    "America/Los_Angeles", "Asia/Kolkata", "Asia/Singapore", "Australia/Sydney",
    "America/Sao_Paulo"
  };
  private static final String[] OTHER_LANGUAGES = {
    "Spanish", "French", "German", "Hindi", "Portuguese", "Mandarin", "Japanese"
  };
  private static final long LINE_MANAGER_IDS = 1_000_000;
  static final int MAX_MENTEES = 100_000;
  static final int MAX_MENTORS = 800_000;

  static SyntheticProgram generate(int mentorCount, int menteeCount, long seed) {
    if (mentorCount < 1 || mentorCount > MAX_MENTORS || menteeCount < 1 || menteeCount > MAX_MENTEES) {
      throw new IllegalArgumentException(
          "mentors must be 1.." + MAX_MENTORS + " and mentees 1.." + MAX_MENTEES);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Candidate> candidates = new ArrayList<>();
    Map<Long, Long> managers = new HashMap<>();
    List<List<Long>> seniorsByDepartment = new ArrayList<>();
    for (int d = 0; d < DEPARTMENTS.length; d++) {
      seniorsByDepartment.add(new ArrayList<>());
    }

    // Mentees are the seniors, ids 1..n; each reports to another senior of the department
    // (the first one in each department reports to nobody in the data: the exec).
    for (int i = 0; i < menteeCount; i++) {
      long id = 1 + i;
      int dept = department(random);
      int grade = 5 + random.nextInt(6);
      List<Long> seniors = seniorsByDepartment.get(dept);
      if (!seniors.isEmpty()) {
        managers.put(id, seniors.get(random.nextInt(seniors.size())));
      }
      seniors.add(id);
      candidates.add(candidate(random, id, Side.MENTEE, grade, dept, 1));
    }

    // Line managers (not in the program) report to a senior of their department, or for 10 %
    // (matrix reporting) of another one.
    int lineManagers = Math.max(1, mentorCount / 8);
    long[] lineManagerDept = new long[lineManagers];
    for (int k = 0; k < lineManagers; k++) {
      long id = LINE_MANAGER_IDS + k;
      int dept = department(random);
      lineManagerDept[k] = dept;
      int reportsInto = random.nextInt(10) == 0 ? department(random) : dept;
      List<Long> seniors = seniorsByDepartment.get(reportsInto);
      if (!seniors.isEmpty()) {
        managers.put(id, seniors.get(random.nextInt(seniors.size())));
      }
    }

    // Mentors are the juniors, ids from 100_001; each reports to a line manager, mostly in the
    // same department.
    for (int i = 0; i < mentorCount; i++) {
      long id = 100_001 + i;
      int manager = random.nextInt(lineManagers);
      int dept = random.nextInt(10) == 0 ? department(random) : (int) lineManagerDept[manager];
      managers.put(id, LINE_MANAGER_IDS + manager);
      int roll = random.nextInt(100);
      int capacity = roll < 70 ? 1 : roll < 95 ? 2 : 3;
      candidates.add(candidate(random, id, Side.MENTOR, 1 + random.nextInt(4), dept, capacity));
    }

    List<Candidate> mentors = candidates.stream().filter(c -> c.side() == Side.MENTOR).toList();
    List<Candidate> mentees = candidates.stream().filter(c -> c.side() == Side.MENTEE).toList();
    Set<PersonPair> neverPair = randomPairs(random, mentors, mentees, Math.max(1, menteeCount / 100));
    Set<PersonPair> previous = randomPairs(random, mentors, mentees, Math.max(1, menteeCount / 5));
    Set<PersonPair> declined = randomPairs(random, mentors, mentees, Math.max(1, menteeCount / 20));
    MatchingRules rules =
        new MatchingRules(
            Direction.REVERSE, 2, 2, neverPair, previous, declined, List.of(), ScoreWeights.DEFAULT);
    List<Pin> pins = pins(random, mentors, mentees, managers, rules, Math.min(25, menteeCount / 10));
    return new SyntheticProgram(candidates, managers, rules.withPins(pins));
  }

  /** Departments of uneven size: the first few are much bigger. */
  private static int department(SplittableRandom random) {
    int a = random.nextInt(DEPARTMENTS.length);
    int b = random.nextInt(DEPARTMENTS.length);
    return Math.min(a, b);
  }

  private static Candidate candidate(
      SplittableRandom random, long id, Side side, int grade, int dept, int capacity) {
    ZoneId zone = ZoneId.of(ZONES[Math.min(random.nextInt(ZONES.length), random.nextInt(ZONES.length))]);
    LocalTime start = LocalTime.of(7 + random.nextInt(4), random.nextBoolean() ? 0 : 30);
    LocalTime end = start.plusHours(8 + random.nextInt(2));
    Set<String> languages = new HashSet<>();
    if (random.nextInt(10) < 9) {
      languages.add("English");
    }
    if (languages.isEmpty() || random.nextInt(3) == 0) {
      languages.add(OTHER_LANGUAGES[random.nextInt(OTHER_LANGUAGES.length)]);
    }
    boolean mentor = side == Side.MENTOR;
    return new Candidate(
        id,
        id,
        (mentor ? "Mentor " : "Mentee ") + id,
        side,
        grade,
        DEPARTMENTS[dept],
        topics(random, mentor ? 2 + random.nextInt(3) : 1 + random.nextInt(2)),
        topics(random, mentor ? 1 + random.nextInt(2) : 1 + random.nextInt(3)),
        zone,
        start,
        end,
        languages,
        capacity);
  }

  /** Popular topics come up far more often than niche ones. */
  private static Set<String> topics(SplittableRandom random, int count) {
    Set<String> chosen = new HashSet<>();
    while (chosen.size() < count) {
      int a = random.nextInt(TOPICS.length);
      int b = random.nextInt(TOPICS.length);
      chosen.add(TOPICS[Math.min(a, b)]);
    }
    return chosen;
  }

  private static Set<PersonPair> randomPairs(
      SplittableRandom random, List<Candidate> mentors, List<Candidate> mentees, int count) {
    Set<PersonPair> pairs = new HashSet<>();
    while (pairs.size() < count) {
      pairs.add(
          PersonPair.of(
              mentors.get(random.nextInt(mentors.size())).personId(),
              mentees.get(random.nextInt(mentees.size())).personId()));
    }
    return pairs;
  }

  /** Pins the coordinator might set: pairs that break no rule, distinct people. */
  private static List<Pin> pins(
      SplittableRandom random,
      List<Candidate> mentors,
      List<Candidate> mentees,
      Map<Long, Long> managers,
      MatchingRules rules,
      int count) {
    List<Pin> pins = new ArrayList<>();
    Set<Long> used = new HashSet<>();
    for (int attempt = 0; pins.size() < count && attempt < 100 * (count + 1); attempt++) {
      Candidate mentor = mentors.get(random.nextInt(mentors.size()));
      Candidate mentee = mentees.get(random.nextInt(mentees.size()));
      PersonPair pair = PersonPair.of(mentor.personId(), mentee.personId());
      boolean allowed =
          !used.contains(mentor.participantId())
              && !used.contains(mentee.participantId())
              && !mentor.department().equals(mentee.department())
              // as the program requires: both name a language in common (or one names none)
              && (mentor.languages().isEmpty() || mentee.languages().isEmpty()
                  || mentor.languages().stream().anyMatch(mentee.languages()::contains))
              && mentor.grade() + rules.minGradeGap() <= mentee.grade()
              && !rules.neverPair().contains(pair)
              && !rules.declined().contains(pair)
              && !rules.previouslyPaired().contains(pair)
              && !within(managers, mentor.personId(), mentee.personId(), rules.reportingChainDepth())
              && !within(managers, mentee.personId(), mentor.personId(), rules.reportingChainDepth());
      if (allowed) {
        pins.add(new Pin(mentor.participantId(), mentee.participantId()));
        used.add(mentor.participantId());
        used.add(mentee.participantId());
      }
    }
    return pins;
  }

  private static boolean within(Map<Long, Long> managers, long person, long boss, int depth) {
    Long current = managers.get(person);
    for (int level = 0; level < Math.max(1, depth) && current != null; level++) {
      if (current == boss) {
        return true;
      }
      current = managers.get(current);
    }
    return false;
  }
}
