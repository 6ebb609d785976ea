package org.rmbot.mentoring.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rmbot.mentoring.matching.People.aJuniorMentor;
import static org.rmbot.mentoring.matching.People.aSeniorMentee;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The matcher's words for coordinators, word for word, where no other test pins them: why
 * someone is left unmatched, what is wrong with the input, and the reasons for a pair.
 */
class MatchingWordsTest {
  private static final MatchingRules REVERSE = MatchingRules.reverse();

  private static List<String> problems(MatchingRules rules, Candidate... candidates) {
    try {
      new MatchingEngine().propose(rules, Arrays.asList(candidates), ReportingLines.NONE);
    } catch (MatchingInputException e) {
      return e.problems();
    }
    throw new AssertionError("the input was accepted");
  }

  @Test
  void everyExclusionIsSaidAsAPhrase() {
    Map<Exclusion, String> said = new LinkedHashMap<>();
    for (Exclusion x : Exclusion.values()) {
      said.put(x, x.describe(REVERSE));
    }
    assertThat(said).containsExactly(
        Map.entry(Exclusion.SAME_PERSON, "the same person"),
        Map.entry(Exclusion.NEVER_PAIR, "under a coordinator's never-pair rule"),
        Map.entry(Exclusion.DECLINED, "with a pairing between them declined or ended before"),
        Map.entry(Exclusion.PREVIOUSLY_PAIRED, "paired before"),
        Map.entry(Exclusion.REPORTING_LINE, "in the same reporting line"),
        Map.entry(Exclusion.SAME_DEPARTMENT, "in the same department"),
        Map.entry(Exclusion.GRADE_GAP, "with the mentor fewer than 2 grades below the mentee"),
        Map.entry(Exclusion.NO_SHARED_LANGUAGE, "with no language in common"));
  }

  @Test
  void theGapRuleNamesItsDirectionAndSize() {
    assertThat(Direction.REVERSE.gapRule(1)).isEqualTo("with the mentor not junior to the mentee");
    assertThat(Direction.REVERSE.gapRule(0)).isEqualTo("with the mentor not junior to the mentee");
    assertThat(Direction.REVERSE.gapRule(1200)).isEqualTo("with the mentor fewer than 1200 grades below the mentee");
    assertThat(Direction.TRADITIONAL.gapRule(1)).isEqualTo("with the mentor not senior to the mentee");
    assertThat(Direction.TRADITIONAL.gapRule(3)).isEqualTo("with the mentor fewer than 3 grades above the mentee");
    assertThat(Direction.RECIPROCAL.gapRule(1)).isEqualTo("with grades fewer than 1 apart");
    assertThat(Direction.RECIPROCAL.gapRule(4)).isEqualTo("with grades fewer than 4 apart");
  }

  @Test
  void theUnmatchedAreToldWhyInTheirSidesWords() {
    var one = new UnmatchedReason.NoEligiblePartner(1, Map.of(Exclusion.PREVIOUSLY_PAIRED, 1));
    assertThat(MatchingEngine.describe(one, Side.MENTOR, REVERSE))
        .isEqualTo("no one they can be paired with: the only mentee waiting is ruled out, paired before");
    assertThat(MatchingEngine.describe(one, Side.MENTEE, REVERSE))
        .isEqualTo("no one they can be paired with: the only mentor waiting is ruled out, paired before");
    var many = new UnmatchedReason.NoEligiblePartner(2500,
        Map.of(Exclusion.SAME_DEPARTMENT, 1500, Exclusion.NEVER_PAIR, 1000));
    assertThat(MatchingEngine.describe(many, Side.MENTEE, REVERSE))
        .isEqualTo("no one they can be paired with: all 2500 mentors waiting are ruled out"
            + " (1000 under a coordinator's never-pair rule, 1500 in the same department)");
    var oneOfTwoKinds = new UnmatchedReason.NoEligiblePartner(1, Map.of(Exclusion.SAME_PERSON, 1, Exclusion.GRADE_GAP, 1));
    assertThat(MatchingEngine.describe(oneOfTwoKinds, Side.MENTOR, REVERSE))
        .isEqualTo("no one they can be paired with: all 1 mentees waiting are ruled out"
            + " (1 the same person, 1 with the mentor fewer than 2 grades below the mentee)");

    String weaker = ": giving them one would leave someone else without a partner, or make a weaker match";
    assertThat(MatchingEngine.describe(new UnmatchedReason.CapacityTaken(1), Side.MENTEE, REVERSE))
        .isEqualTo("the only mentor who could take them is full" + weaker);
    assertThat(MatchingEngine.describe(new UnmatchedReason.CapacityTaken(1200), Side.MENTEE, REVERSE))
        .isEqualTo("every mentor who could take them (1200 could) is full" + weaker);
    assertThat(MatchingEngine.describe(new UnmatchedReason.CapacityTaken(1), Side.MENTOR, REVERSE))
        .isEqualTo("the only mentee who could be paired with them has a mentor" + weaker);
    assertThat(MatchingEngine.describe(new UnmatchedReason.CapacityTaken(3), Side.MENTOR, REVERSE))
        .isEqualTo("every mentee who could be paired with them (3 could) has a mentor" + weaker);
  }

  @Test
  void anEmptySideIsNamed() {
    Candidate mentor = aJuniorMentor(1).build();
    Candidate mentee = aSeniorMentee(2).build();
    assertThat(MatchPool.emptySide(List.of()))
        .isEqualTo("nobody is waiting to be matched: every active participant is already in a pairing");
    assertThat(MatchPool.emptySide(List.of(mentor))).isEqualTo("no mentees are waiting to be matched");
    assertThat(MatchPool.emptySide(List.of(mentee))).isEqualTo("no mentors with room are waiting to be matched");
  }

  @Test
  void everyProblemWithTheCandidatesNamesThePerson() {
    assertThatThrownBy(() -> new MatchingEngine().propose(REVERSE, List.of(), ReportingLines.NONE))
        .isInstanceOfSatisfying(MatchingInputException.class,
            e -> assertThat(e.problems()).containsExactly("no candidates"));
    assertThat(problems(REVERSE, null, aSeniorMentee(12345).named("").grade(null).inDepartment(" ")
            .hours(null, null).build()))
        .containsExactly("candidate #1 is missing",
            "participant 12345 has no grade", "participant 12345 has no department",
            "participant 12345 has no working hours", "no mentors to match");
    assertThat(problems(REVERSE,
            aJuniorMentor(1).named("Ana").hours(LocalTime.of(9, 0), LocalTime.of(9, 0)).capacity(0).build(),
            aJuniorMentor(1).named("Bo").build(), aJuniorMentor(3).named(null).build()))
        .containsExactly("participant 1 (Ana) has working hours that start and end at 09:00",
            "participant 1 (Ana) is a mentor with capacity 0; it must be at least 1",
            "participant 1 appears 2 times (Ana, Bo)", "no mentees to match");
  }

  @Test
  void aBadPinIsNamed() {
    Candidate mentor = aJuniorMentor(1).named("Ana").build();
    Candidate mentee = aSeniorMentee(2).named("Helen").build();
    assertThat(problems(REVERSE.withPins(List.of(new Pin(2, 1), new Pin(7, 8))), mentor, mentee))
        .containsExactly(
            "pin mentor 2 -> mentee 1: participant 2 is not a mentor",
            "pin mentor 2 -> mentee 1: participant 1 is not a mentee",
            "pin mentor 7 -> mentee 8: unknown mentor participant 7",
            "pin mentor 7 -> mentee 8: unknown mentee participant 8");
    assertThat(problems(REVERSE.withPins(List.of(new Pin(1, 2), new Pin(1, 2))), mentor, mentee))
        .containsExactly(
            "pin mentor 1 -> mentee 2 (Ana with Helen): participant 2 (Helen) is pinned more than once");
  }

  @Test
  void aPairWithNothingInCommonButTheirDepartmentsIsSaidSo() {
    MatchProposal p = new MatchingEngine().propose(REVERSE.withSharedLanguageRequired(false), List.of(
        aJuniorMentor(1).workingIn("Asia/Tokyo", 10, 17).speaking("Japanese").build(),
        aSeniorMentee(2).workingIn("America/Los_Angeles", 9, 17).speaking("English").build()), ReportingLines.NONE);
    assertThat(p.pairs()).singleElement().satisfies(x -> assertThat(x.explanation())
        .isEqualTo("different departments; no overlap in working hours; no shared language"));
    MatchProposal q = new MatchingEngine().propose(REVERSE, List.of(
        aJuniorMentor(1).workingIn("Europe/London", 9, 17).speaking("English", "French").build(),
        aSeniorMentee(2).workingIn("Europe/Paris", 9, 12).speaking("French", "English").build()), ReportingLines.NONE);
    assertThat(q.pairs()).singleElement().satisfies(x -> assertThat(x.explanation())
        .isEqualTo("different departments; 2 h overlap in working hours; shared language: English, French"));
    assertThat(overlap(LocalTime.of(9, 0), LocalTime.of(9, 30))).isEqualTo("30 min overlap in working hours");
    assertThat(overlap(LocalTime.of(9, 0), LocalTime.of(10, 30))).isEqualTo("1 h 30 min overlap in working hours");
  }

  /** What is said of the overlap of a London mentor working 08:00-17:00 and a Paris mentee. */
  private static String overlap(LocalTime parisFrom, LocalTime parisTo) {
    MatchProposal p = new MatchingEngine().propose(REVERSE, List.of(
        aJuniorMentor(1).workingIn("Europe/London", 8, 17).build(),
        aSeniorMentee(2).workingIn("Europe/Paris", 9, 17).hours(parisFrom, parisTo).build()), ReportingLines.NONE);
    return p.pairs().get(0).explanation().split("; ")[1];
  }
}
