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
import org.rmbot.mentoring.wording.Catalogue;

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
  private static final Catalogue WORDS = Catalogue.english();
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
        problems.add(notA(roster, pin, pin.mentorParticipantId(), "mentor"));
      }
      if (e < 0) {
        problems.add(notA(roster, pin, pin.menteeParticipantId(), "mentee"));
      }
      if (m < 0 || e < 0) {
        continue;
      }
      String named = WORDS.phrase("matching.pin.named", "pin", pin.toString(),
          "mentor", String.valueOf(roster.mentors[m].name()), "mentee", String.valueOf(roster.mentees[e].name()));
      Exclusion broken = eligibility.exclusion(m, e);
      if (broken != null) {
        problems.add(WORDS.phrase("matching.pin.breaks_a_hard_constraint", "pin", named, "exclusion", broken.describe(rules)));
      } else if (mentorOf[e] >= 0) {
        problems.add(WORDS.phrase("matching.pin.more_than_once", "pin", named, "mentee", roster.mentees[e].label()));
      } else {
        mentorOf[e] = m;
        pins[m]++;
      }
    }
    for (int m = 0; m < pins.length; m++) {
      if (pins[m] > roster.mentors[m].capacity()) {
        problems.add(WORDS.phrase("matching.pin.over_capacity", "count", pins[m],
            "mentor", roster.mentors[m].label(), "capacity", roster.mentors[m].capacity()));
      }
    }
    if (!problems.isEmpty()) {
      throw new MatchingInputException(problems);
    }
    return mentorOf;
  }

  private static String notA(Roster roster, Pin pin, long participantId, String role) {
    boolean otherSide =
        role.equals("mentor")
            ? roster.menteeIndexOf(participantId) >= 0
            : roster.mentorIndexOf(participantId) >= 0;
    String id = String.valueOf(participantId);
    return otherSide
        ? WORDS.phrase("matching.pin.not_a", "pin", pin.toString(), "id", id, "role", role)
        : WORDS.phrase("matching.pin.unknown", "pin", pin.toString(), "id", id, "role", role);
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
        String why = pinned[e]
            ? WORDS.phrase("matching.reason.pinned", "reasons", scorer.explain(m, e))
            : scorer.explain(m, e);
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
        return WORDS.phrase("matching.unmatched.the_only_one_ruled_out", "partner", partner,
            "exclusion", none.excludedBy().keySet().iterator().next().describe(rules));
      }
      // a list of counts, not ICU's ListFormatter, which would say "a, b, and c"
      StringJoiner counts = new StringJoiner(", ");
      none.excludedBy().forEach((x, n) ->
          counts.add(WORDS.phrase("matching.unmatched.ruled_out_by", "count", n, "exclusion", x.describe(rules))));
      return WORDS.phrase("matching.unmatched.all_ruled_out", "count", none.partnersConsidered(), "partner", partner,
          "counts", counts.toString());
    }
    int n = ((UnmatchedReason.CapacityTaken) reason).eligiblePartners();
    return side == Side.MENTEE
        ? WORDS.phrase("matching.unmatched.mentors_full", "count", n)
        : WORDS.phrase("matching.unmatched.mentees_taken", "count", n);
  }

}
