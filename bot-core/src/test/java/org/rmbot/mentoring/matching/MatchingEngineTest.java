package org.rmbot.mentoring.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rmbot.mentoring.matching.People.aJuniorMentor;
import static org.rmbot.mentoring.matching.People.aSeniorMentee;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MatchingEngineTest {
  private final MatchingEngine engine = new MatchingEngine();
  private static final MatchingRules REVERSE = MatchingRules.reverse(); // gap 2, depth 2

  private MatchProposal propose(MatchingRules rules, Candidate... people) {
    return engine.propose(rules, List.of(people), ReportingLines.NONE);
  }

  private static List<String> pairs(MatchProposal p) {
    return p.pairs().stream()
        .map(x -> x.mentorParticipantId() + "-" + x.menteeParticipantId())
        .toList();
  }

  private static String whyUnmatched(MatchProposal p, long participantId) {
    return p.unmatched().stream()
        .filter(u -> u.participantId() == participantId)
        .findFirst()
        .orElseThrow(() -> new AssertionError(participantId + " is not reported unmatched"))
        .explanation();
  }

  @Nested
  class HardConstraints {
    @Test
    void reverseMentoringNeedsTheMentorJuniorByAtLeastTheGap() {
      MatchProposal p =
          propose(
              REVERSE,
              aJuniorMentor(1).grade(7).build(),
              aJuniorMentor(2).grade(6).build(),
              aSeniorMentee(10).grade(8).build());

      assertThat(pairs(p)).containsExactly("2-10");
      assertThat(whyUnmatched(p, 1))
          .isEqualTo(
              "no one they can be paired with: the only mentee waiting is ruled out, with the mentor"
                  + " fewer than 2 grades below the mentee");
    }

    @Test
    void traditionalMentoringNeedsTheMentorSenior() {
      MatchingRules traditional = REVERSE.withDirection(Direction.TRADITIONAL, 1);

      MatchProposal p =
          propose(
              traditional,
              aJuniorMentor(1).grade(3).build(),
              aJuniorMentor(2).grade(5).build(),
              aSeniorMentee(10).grade(3).build());

      assertThat(pairs(p)).containsExactly("2-10");
    }

    @Test
    void reciprocalMentoringAcceptsEitherWayButStillNeedsTheGap() {
      MatchingRules reciprocal = REVERSE.withDirection(Direction.RECIPROCAL, 2);

      MatchProposal p =
          propose(
              reciprocal,
              aJuniorMentor(1).grade(9).build(),
              aJuniorMentor(2).grade(4).build(),
              aJuniorMentor(3).grade(2).build(),
              aSeniorMentee(10).grade(5).inDepartment("Sales").build(),
              aSeniorMentee(11).grade(5).inDepartment("Legal").build());

      assertThat(p.pairs()).extracting(ProposedPair::mentorParticipantId).containsExactly(1L, 3L);
      assertThat(whyUnmatched(p, 2)).contains("2 with grades fewer than 2 apart");
    }

    @Test
    void neverPairsPeopleFromTheSameDepartmentWhateverTheSpelling() {
      MatchProposal p =
          propose(
              REVERSE,
              aJuniorMentor(1).inDepartment(" finance ").build(),
              aSeniorMentee(10).inDepartment("Finance").build());

      assertThat(p.pairs()).isEmpty();
      assertThat(whyUnmatched(p, 10))
          .isEqualTo("no one they can be paired with: the only mentor waiting is ruled out, in the same department");
    }

    @Test
    void neverPairsSomeoneWithTheirManagersManagerWithinTheDepth() {
      // The senior mentee 10 manages 5, who manages junior mentor 1: two levels apart.
      ReportingLines lines = ReportingLines.of(Map.of(1L, 5L, 5L, 10L));
      List<Candidate> people =
          List.of(aJuniorMentor(1).build(), aSeniorMentee(10).build());

      MatchProposal depthTwo = engine.propose(REVERSE, people, lines);
      MatchProposal depthOne = engine.propose(REVERSE.withReportingChainDepth(1), people, lines);

      assertThat(depthTwo.pairs()).isEmpty();
      assertThat(whyUnmatched(depthTwo, 10)).contains("in the same reporting line");
      assertThat(pairs(depthOne)).containsExactly("1-10");
    }

    @Test
    void walksTheChainUpFromTheMenteeToo() {
      // Traditional: the senior mentor 1 is the mentee's manager's manager.
      ReportingLines lines = ReportingLines.of(Map.of(10L, 5L, 5L, 1L));
      MatchingRules traditional = REVERSE.withDirection(Direction.TRADITIONAL, 1);

      MatchProposal p =
          engine.propose(
              traditional,
              List.of(aJuniorMentor(1).grade(9).build(), aSeniorMentee(10).grade(3).build()),
              lines);

      assertThat(p.pairs()).isEmpty();
    }

    @Test
    void neverPairsSomeoneWithTheirDirectManagerEvenAtDepthZero() {
      ReportingLines lines = ReportingLines.of(Map.of(1L, 10L));

      MatchProposal p =
          engine.propose(
              REVERSE.withReportingChainDepth(0),
              List.of(aJuniorMentor(1).build(), aSeniorMentee(10).build()),
              lines);

      assertThat(p.pairs()).isEmpty();
    }

    @Test
    void neverPairsAPersonWithThemselves() {
      MatchProposal p =
          propose(
              REVERSE.withDirection(Direction.RECIPROCAL, 0),
              aJuniorMentor(1).person(77).build(),
              aSeniorMentee(10).person(77).build());

      assertThat(p.pairs()).isEmpty();
      assertThat(whyUnmatched(p, 10)).contains("the same person");
    }

    @Test
    void respectsNeverPairDeclinedAndEarlierPairsInEitherOrder() {
      MatchingRules rules =
          REVERSE
              .withNeverPair(Set.of(PersonPair.of(10, 1)))
              .withDeclined(Set.of(PersonPair.of(2, 10)))
              .withPreviouslyPaired(Set.of(PersonPair.of(10, 3)));

      MatchProposal p =
          propose(
              rules,
              aJuniorMentor(1).build(),
              aJuniorMentor(2).build(),
              aJuniorMentor(3).build(),
              aJuniorMentor(4).build(),
              aSeniorMentee(10).build());

      assertThat(pairs(p)).containsExactly("4-10");
      assertThat(whyUnmatched(p, 1)).contains("never-pair rule");
      assertThat(whyUnmatched(p, 2)).contains("declined or ended before");
      assertThat(whyUnmatched(p, 3)).contains("paired before");
    }
  }

  @Nested
  class Objective {
    @Test
    void matchesMorePeopleBeforeScoringHigher() {
      // Mentee 10 would score far better with mentor 1, but mentee 11 can only have mentor 1.
      MatchProposal p =
          propose(
              REVERSE,
              aJuniorMentor(1).offering("allyship", "ai", "culture").build(),
              aJuniorMentor(2).inDepartment("Sales").build(),
              aSeniorMentee(10).seeking("allyship", "ai", "culture").build(),
              aSeniorMentee(11).inDepartment("Sales").build());

      assertThat(pairs(p)).containsExactlyInAnyOrder("1-11", "2-10");
      assertThat(p.unmatched()).isEmpty();
    }

    @Test
    void thenMaximisesTheTotalScore() {
      MatchProposal p =
          propose(
              REVERSE,
              aJuniorMentor(1).offering("ai").build(),
              aJuniorMentor(2).offering("allyship").build(),
              aSeniorMentee(10).seeking("allyship").build(),
              aSeniorMentee(11).seeking("ai").build());

      assertThat(pairs(p)).containsExactly("1-11", "2-10");
      int each = 10 + 2 * 8 + 8; // one topic, 8 h overlap, shared language
      assertThat(p.totalScore()).isEqualTo(2L * each);
      assertThat(p.pairs()).allSatisfy(x -> assertThat(x.score()).isEqualTo(each));
    }

    @Test
    void givesAMentorUpToItsCapacityAndNoMore() {
      MatchProposal p =
          propose(
              REVERSE,
              aJuniorMentor(1).capacity(2).build(),
              aJuniorMentor(2).capacity(1).build(),
              aSeniorMentee(10).build(),
              aSeniorMentee(11).build(),
              aSeniorMentee(12).build(),
              aSeniorMentee(13).build());

      assertThat(p.pairs()).hasSize(3);
      assertThat(p.pairs().stream().filter(x -> x.mentorParticipantId() == 1)).hasSize(2);
      assertThat(p.unmatched()).hasSize(1);
      Unmatched left = p.unmatched().get(0);
      assertThat(left.side()).isEqualTo(Side.MENTEE);
      assertThat(left.reason()).isEqualTo(new UnmatchedReason.CapacityTaken(2));
      assertThat(left.explanation())
          .isEqualTo(
              "every mentor who could take them (2 could) is full: giving them one would leave someone"
                  + " else without a partner, or make a weaker match");
    }
    @Test
    void givesScarcePlacesToTheBestScoringMenteesWhenMenteesOutnumberThem() {
      // 2 places for 4 mentees: the solver works with places as rows here.
      MatchProposal p =
          propose(
              REVERSE,
              aJuniorMentor(1).capacity(2).offering("ai", "allyship").build(),
              aSeniorMentee(10).build(),
              aSeniorMentee(11).seeking("ai", "allyship").build(),
              aSeniorMentee(12).seeking("ai").build(),
              aSeniorMentee(13).build());

      assertThat(pairs(p)).containsExactly("1-11", "1-12");
      assertThat(p.unmatched()).extracting(Unmatched::participantId).containsExactly(10L, 13L);
      assertThat(p.unmatched()).allSatisfy(u -> assertThat(u.explanation()).startsWith("the only mentor who could take them is full"));
    }
  }

  @Nested
  class Pins {
    @Test
    void keepsAPinAndOptimisesTheRestAroundIt() {
      // Without the pin, 1-10 and 2-11 would score best.
      MatchingRules rules = REVERSE.withPins(List.of(new Pin(1, 11)));

      MatchProposal p =
          propose(
              rules,
              aJuniorMentor(1).offering("ai").build(),
              aJuniorMentor(2).offering("allyship").build(),
              aJuniorMentor(3).build(),
              aSeniorMentee(10).seeking("ai").build(),
              aSeniorMentee(11).seeking("allyship").build());

      assertThat(pairs(p)).containsExactly("1-11", "2-10");
      ProposedPair pinned = p.pairs().get(0);
      assertThat(pinned.pinned()).isTrue();
      assertThat(pinned.explanation()).startsWith("pinned by coordinator; different departments");
      assertThat(p.pairs().get(1).pinned()).isFalse();
    }

    @Test
    void rejectsAPinThatBreaksAHardConstraint() {
      MatchingRules rules = REVERSE.withPins(List.of(new Pin(1, 10)));

      assertThatThrownBy(
              () ->
                  propose(
                      rules,
                      aJuniorMentor(1).inDepartment("Finance").named("Ana").build(),
                      aSeniorMentee(10).named("Bo").build()))
          .isInstanceOf(MatchingInputException.class)
          .hasMessage(
              "cannot match: pin mentor 1 -> mentee 10 (Ana with Bo) breaks a hard constraint:"
                  + " in the same department");
    }

    @Test
    void rejectsPinsNamingUnknownOrWrongSideParticipants() {
      MatchingRules rules = REVERSE.withPins(List.of(new Pin(99, 10), new Pin(10, 1)));

      assertThatThrownBy(
              () -> propose(rules, aJuniorMentor(1).build(), aSeniorMentee(10).build()))
          .isInstanceOf(MatchingInputException.class)
          .satisfies(
              e ->
                  assertThat(((MatchingInputException) e).problems())
                      .containsExactly(
                          "pin mentor 99 -> mentee 10: unknown mentor participant 99",
                          "pin mentor 10 -> mentee 1: participant 10 is not a mentor",
                          "pin mentor 10 -> mentee 1: participant 1 is not a mentee"));
    }

    @Test
    void rejectsMorePinsThanAMentorsCapacityAndDoublePinnedMentees() {
      MatchingRules rules =
          REVERSE.withPins(List.of(new Pin(1, 10), new Pin(1, 11), new Pin(2, 11)));

      assertThatThrownBy(
              () ->
                  propose(
                      rules,
                      aJuniorMentor(1).named("Ana").build(),
                      aJuniorMentor(2).named("Cy").build(),
                      aSeniorMentee(10).build(),
                      aSeniorMentee(11).named("Bo").build()))
          .isInstanceOf(MatchingInputException.class)
          .hasMessageContaining(
              "pin mentor 2 -> mentee 11 (Cy with Bo): participant 11 (Bo) is pinned more than once")
          .hasMessageContaining("2 pins for mentor participant 1 (Ana) exceed its capacity of 1");
    }
  }

  @Nested
  class Explanations {
    @Test
    void explainEachPairInWords() {
      MatchProposal p =
          propose(
              REVERSE,
              aJuniorMentor(1)
                  .offering("Allyship", "inclusive language", "ai tools")
                  .seeking("strategy")
                  .workingIn("America/New_York", 9, 17)
                  .speaking("English", "Spanish")
                  .build(),
              aSeniorMentee(10)
                  .seeking("allyship", "Inclusive  Language", "gardening")
                  .offering("Strategy")
                  .workingIn("Europe/London", 9, 17)
                  .speaking("english")
                  .build());

      ProposedPair pair = p.pairs().get(0);
      assertThat(pair.explanation())
          .isEqualTo(
              "shared topics: Allyship, inclusive language; mentor learns: strategy;"
                  + " different departments; 3 h overlap in working hours;"
                  + " shared language: English");
      assertThat(pair.score()).isEqualTo(2 * 10 + 5 + 3 * 2 + 8);
      assertThat(p.totalScore()).isEqualTo(pair.score());
    }

    @Test
    void sayWhenThereIsNothingInCommon() {
      MatchProposal p =
          propose(
              // a program that pairs people across languages on purpose
              REVERSE.withSharedLanguageRequired(false),
              aJuniorMentor(1).workingIn("Australia/Sydney", 9, 17).speaking("Japanese").build(),
              aSeniorMentee(10).build());

      assertThat(p.pairs().get(0).explanation())
          .isEqualTo(
              "different departments; no overlap in working hours; no shared language");
      assertThat(p.totalScore()).isZero();
    }
  }

  @Nested
  class NobodyDropped {
    @Test
    void countsWhichRuleExcludedEachMentorForAnUnmatchedMentee() {
      ReportingLines lines = ReportingLines.of(Map.of(2L, 10L));
      MatchingRules rules = REVERSE.withNeverPair(Set.of(PersonPair.of(4, 10)));

      MatchProposal p =
          engine.propose(
              rules,
              List.of(
                  aJuniorMentor(1).inDepartment("Finance").build(),
                  aJuniorMentor(2).build(),
                  aJuniorMentor(3).grade(7).build(),
                  aJuniorMentor(4).build(),
                  aJuniorMentor(5).grade(7).inDepartment("Finance").build(),
                  aSeniorMentee(10).build()),
              lines);

      assertThat(p.pairs()).isEmpty();
      Unmatched mentee = p.unmatched().get(0);
      assertThat(mentee.participantId()).isEqualTo(10);
      assertThat(mentee.reason())
          .isEqualTo(
              new UnmatchedReason.NoEligiblePartner(
                  5,
                  Map.of(
                      Exclusion.NEVER_PAIR, 1,
                      Exclusion.REPORTING_LINE, 1,
                      Exclusion.SAME_DEPARTMENT, 2,
                      Exclusion.GRADE_GAP, 1)));
      assertThat(mentee.explanation())
          .isEqualTo(
              "no one they can be paired with: all 5 mentors waiting are ruled out (1 under a coordinator's"
                  + " never-pair rule, 1 in the same reporting line, 2 in the same department, 1 with the mentor"
                  + " fewer than 2 grades below the mentee)");
    }

    @Test
    void reportsEveryMenteeAndEveryMentorLeftWithNobody() {
      MatchProposal p =
          propose(
              REVERSE,
              aJuniorMentor(1).build(),
              aJuniorMentor(2).inDepartment("Finance").build(),
              aJuniorMentor(3).build(),
              aSeniorMentee(10).build(),
              aSeniorMentee(11).inDepartment("Engineering").grade(3).build());

      assertThat(p.pairs()).hasSize(1);
      assertThat(p.unmatched())
          .extracting(Unmatched::participantId, Unmatched::side)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(11L, Side.MENTEE),
              org.assertj.core.groups.Tuple.tuple(2L, Side.MENTOR),
              org.assertj.core.groups.Tuple.tuple(p.pairs().get(0).mentorParticipantId() == 1 ? 3L : 1L, Side.MENTOR));
      assertThat(whyUnmatched(p, 2)).startsWith("no one they can be paired with: all 2 mentees waiting are ruled out");
      long spare = p.pairs().get(0).mentorParticipantId() == 1 ? 3 : 1;
      assertThat(whyUnmatched(p, spare))
          .isEqualTo(
              "the only mentee who could be paired with them has a mentor: giving them one would leave"
                  + " someone else without a partner, or make a weaker match");
    }
  }

  @Nested
  class Determinism {
    @Test
    void givesTheSameProposalForTheSameInputInAnyOrder() {
      List<Candidate> people = new ArrayList<>();
      for (int i = 1; i <= 12; i++) {
        people.add(aJuniorMentor(i).capacity(1 + i % 2).offering(i % 3 == 0 ? "ai" : "culture").build());
        people.add(aSeniorMentee(100 + i).seeking("ai", "culture").build());
      }
      MatchProposal first = engine.propose(REVERSE, people, ReportingLines.NONE);

      for (long seed = 1; seed <= 5; seed++) {
        List<Candidate> shuffled = new ArrayList<>(people);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(engine.propose(REVERSE, shuffled, ReportingLines.NONE)).isEqualTo(first);
      }
    }
  }

  @Nested
  class BadInput {
    @Test
    void namesEveryoneWithMissingGradeOrDepartment() {
      assertThatThrownBy(
              () ->
                  propose(
                      REVERSE,
                      aJuniorMentor(1).named("Ana").grade(null).build(),
                      aSeniorMentee(10).named("Bo").inDepartment("  ").build()))
          .isInstanceOf(MatchingInputException.class)
          .hasMessage(
              "cannot match: participant 1 (Ana) has no grade; participant 10 (Bo) has no"
                  + " department");
    }

    @Test
    void rejectsDuplicateParticipantIds() {
      assertThatThrownBy(
              () ->
                  propose(
                      REVERSE,
                      aJuniorMentor(1).named("Ana").build(),
                      aSeniorMentee(1).named("Bo").build()))
          .hasMessageContaining("participant 1 appears 2 times (Ana, Bo)");
    }

    @Test
    void rejectsAnEmptySide() {
      assertThatThrownBy(() -> propose(REVERSE, aJuniorMentor(1).build()))
          .isInstanceOf(MatchingInputException.class)
          .hasMessage("cannot match: no mentees to match");
      assertThatThrownBy(() -> propose(REVERSE, aSeniorMentee(1).build()))
          .hasMessage("cannot match: no mentors to match");
    }

    @Test
    void rejectsAMentorWithoutCapacityAndBrokenWorkingHours() {
      assertThatThrownBy(
              () ->
                  propose(
                      REVERSE,
                      aJuniorMentor(1).capacity(0).build(),
                      aSeniorMentee(10).hours(java.time.LocalTime.NOON, java.time.LocalTime.NOON).build()))
          .hasMessageContaining("participant 1 (Mentor 1) is a mentor with capacity 0")
          .hasMessageContaining("participant 10 (Mentee 10) has working hours that start and end at 12:00");
    }
  }
}
