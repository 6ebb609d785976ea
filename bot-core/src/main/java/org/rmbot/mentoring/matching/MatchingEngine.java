package org.rmbot.mentoring.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Proposes mentor-mentee pairs for a program: exactly optimal, never breaking a hard constraint,
 * and accounting for everyone.
 *
 * <p><b>Hard constraints</b> (a pair that breaks one is never proposed): the grade gap in the
 * program's {@link Direction}; different departments; not within {@code reportingChainDepth}
 * management levels of each other, either way; not the same person; not paired before, not on
 * a never-pair list, not declined.
 *
 * <p><b>Objective</b>, in this order: match as many mentees as possible; then maximise the total
 * {@link PairScorer soft score} (topic overlap both ways, working-hours overlap, shared
 * language). Both are exact: a maximum matching fixes how many mentees can be placed, and the
 * {@link AssignmentSolver} finds the best-scoring assignment of that size (see {@link
 * OptimalPairing}).
 *
 * <p><b>Pins</b> are kept as given and use up their mentor's capacity; the rest is optimised
 * around them. A pin that names an unknown participant, breaks a hard constraint or overfills a
 * mentor is rejected with the input, before any work.
 *
 * <p><b>Determinism</b>: candidates are sorted by participant id and every tie is broken by
 * index, so the same input gives the same proposal, whatever order it came in.
 */
public final class MatchingEngine {
  private final OptimalPairing pairing;

  public MatchingEngine(AssignmentSolver solver) {
    this.pairing = new OptimalPairing(Objects.requireNonNull(solver));
  }

  public MatchingEngine() {
    this(new AssignmentSolver());
  }

  /**
   * @throws MatchingInputException naming every bad candidate or pin; nothing is computed then
   */
  public MatchProposal propose(
      MatchingRules rules, List<Candidate> candidates, ReportingLines reportingLines) {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(reportingLines, "reportingLines");
    Roster roster = Roster.of(candidates);
    Eligibility eligibility = new Eligibility(roster, rules, reportingLines);
    PairScorer scorer = new PairScorer(roster, rules.weights());
    int[] mentorOf = pinnedMentors(rules, roster, eligibility);
    boolean[] pinned = new boolean[mentorOf.length];
    int[] room = new int[roster.mentors.length];
    for (int m = 0; m < room.length; m++) {
      room[m] = roster.mentors[m].capacity();
    }
    for (int e = 0; e < mentorOf.length; e++) {
      if (mentorOf[e] >= 0) {
        pinned[e] = true;
        room[mentorOf[e]]--;
      }
    }
    int[] free = IntStream.range(0, mentorOf.length).filter(e -> !pinned[e]).toArray();
    if (free.length > 0) {
      int[] chosen = pairing.mentorOf(free, room, eligibility, scorer);
      for (int k = 0; k < free.length; k++) {
        mentorOf[free[k]] = chosen[k];
      }
    }
    return proposal(rules, roster, eligibility, scorer, mentorOf, pinned);
  }

  /** Per mentee, the pinned mentor's index or -1; every bad pin is reported together. */
  private static int[] pinnedMentors(MatchingRules rules, Roster roster, Eligibility eligibility) {
    int[] mentorOf = new int[roster.mentees.length];
    Arrays.fill(mentorOf, -1);
    int[] pins = new int[roster.mentors.length];
    List<String> problems = new ArrayList<>();
    for (Pin pin : rules.pins()) {
      int m = roster.mentorIndexOf(pin.mentorParticipantId());
      int e = roster.menteeIndexOf(pin.menteeParticipantId());
      if (m < 0) {
        problems.add(pin + ": " + notA(roster, pin.mentorParticipantId(), "mentor"));
      }
      if (e < 0) {
        problems.add(pin + ": " + notA(roster, pin.menteeParticipantId(), "mentee"));
      }
      if (m < 0 || e < 0) {
        continue;
      }
      String named = pin + " (" + roster.mentors[m].name() + " with " + roster.mentees[e].name() + ")";
      Exclusion broken = eligibility.exclusion(m, e);
      if (broken != null) {
        problems.add(named + " breaks a hard constraint: " + broken.describe(rules));
      } else if (mentorOf[e] >= 0) {
        problems.add(named + ": " + roster.mentees[e].label() + " is pinned more than once");
      } else {
        mentorOf[e] = m;
        pins[m]++;
      }
    }
    for (int m = 0; m < pins.length; m++) {
      if (pins[m] > roster.mentors[m].capacity()) {
        problems.add(
            pins[m] + " pins for mentor " + roster.mentors[m].label() + " exceed its capacity of "
                + roster.mentors[m].capacity());
      }
    }
    if (!problems.isEmpty()) {
      throw new MatchingInputException(problems);
    }
    return mentorOf;
  }

  private static String notA(Roster roster, long participantId, String role) {
    boolean otherSide =
        role.equals("mentor")
            ? roster.menteeIndexOf(participantId) >= 0
            : roster.mentorIndexOf(participantId) >= 0;
    return otherSide
        ? "participant " + participantId + " is not a " + role
        : "unknown " + role + " participant " + participantId;
  }

  private static MatchProposal proposal(
      MatchingRules rules,
      Roster roster,
      Eligibility eligibility,
      PairScorer scorer,
      int[] mentorOf,
      boolean[] pinned) {
    List<List<Integer>> menteesOf = new ArrayList<>();
    for (int m = 0; m < roster.mentors.length; m++) {
      menteesOf.add(new ArrayList<>());
    }
    for (int e = 0; e < mentorOf.length; e++) {
      if (mentorOf[e] >= 0) {
        menteesOf.get(mentorOf[e]).add(e);
      }
    }
    List<ProposedPair> pairs = new ArrayList<>();
    long total = 0;
    for (int m = 0; m < roster.mentors.length; m++) {
      Candidate mentor = roster.mentors[m];
      for (int e : menteesOf.get(m)) {
        Candidate mentee = roster.mentees[e];
        int score = scorer.score(m, e);
        total += score;
        String why = (pinned[e] ? "pinned by coordinator; " : "") + scorer.explain(m, e);
        pairs.add(
            new ProposedPair(
                mentor.participantId(), mentor.name(), mentee.participantId(), mentee.name(),
                score, pinned[e], why));
      }
    }
    List<Unmatched> unmatched = new ArrayList<>();
    for (int e = 0; e < mentorOf.length; e++) {
      if (mentorOf[e] < 0) {
        Candidate mentee = roster.mentees[e];
        int mentee0 = e;
        UnmatchedReason reason =
            reason(roster.mentors.length, m -> eligibility.exclusion(m, mentee0));
        unmatched.add(
            new Unmatched(
                mentee.participantId(), mentee.name(), Side.MENTEE, reason,
                describe(reason, Side.MENTEE, rules)));
      }
    }
    for (int m = 0; m < roster.mentors.length; m++) {
      if (menteesOf.get(m).isEmpty()) {
        Candidate mentor = roster.mentors[m];
        int mentor0 = m;
        UnmatchedReason reason =
            reason(roster.mentees.length, e -> eligibility.exclusion(mentor0, e));
        unmatched.add(
            new Unmatched(
                mentor.participantId(), mentor.name(), Side.MENTOR, reason,
                describe(reason, Side.MENTOR, rules)));
      }
    }
    return new MatchProposal(pairs, unmatched, total);
  }

  private static UnmatchedReason reason(
      int partners, IntFunction<Exclusion> exclusionOfPartner) {
    int[] counts = new int[Exclusion.values().length];
    int eligible = 0;
    for (int p = 0; p < partners; p++) {
      Exclusion x = exclusionOfPartner.apply(p);
      if (x == null) {
        eligible++;
      } else {
        counts[x.ordinal()]++;
      }
    }
    Map<Exclusion, Integer> excluded = new EnumMap<>(Exclusion.class);
    for (Exclusion x : Exclusion.values()) {
      if (counts[x.ordinal()] > 0) {
        excluded.put(x, counts[x.ordinal()]);
      }
    }
    // Unmatched with an eligible partner means every such partner was at capacity (otherwise
    // adding the pair would match one more person than the maximum).
    return eligible == 0
        ? new UnmatchedReason.NoEligiblePartner(partners, excluded)
        : new UnmatchedReason.CapacityTaken(eligible);
  }

  /**
   * The reason in plain words, for coordinators: "no one they can be paired with: the only
   * mentee waiting is ruled out, in the same department", "no one they can be paired with: all 4 mentors
   * waiting are ruled out (2 in the same department, 1 in the same reporting line, 1 with the
   * mentor not junior to the mentee)", or "every mentee who could be paired with them (3 could) has a
   * mentor: giving them one would leave someone else without a partner, or make a weaker match".
   */
  static String describe(UnmatchedReason reason, Side side, MatchingRules rules) {
    String partner = side == Side.MENTEE ? "mentor" : "mentee";
    if (reason instanceof UnmatchedReason.NoEligiblePartner none) {
      if (none.partnersConsidered() == 1 && none.excludedBy().size() == 1) {
        return "no one they can be paired with: the only " + partner + " waiting is ruled out, "
            + none.excludedBy().keySet().iterator().next().describe(rules);
      }
      StringJoiner counts = new StringJoiner(", ", " (", ")");
      none.excludedBy().forEach((x, n) -> counts.add(n + " " + x.describe(rules)));
      return "no one they can be paired with: all " + none.partnersConsidered() + " " + partner + "s waiting are ruled out"
          + counts;
    }
    int n = ((UnmatchedReason.CapacityTaken) reason).eligiblePartners();
    String who = side == Side.MENTEE
        ? (n == 1 ? "the only mentor who could take them is" : "every mentor who could take them (" + n + " could) is")
            + " full"
        : (n == 1 ? "the only mentee who could be paired with them has" : "every mentee who could be paired with them ("
            + n + " could) has") + " a mentor";
    return who + ": giving them one would leave someone else without a partner, or make a weaker match";
  }

}
