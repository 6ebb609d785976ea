package org.rmbot.mentoring.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.feedback.CampaignResults.QuestionResult;
import org.rmbot.mentoring.feedback.CampaignResults.Visibility;
import org.rmbot.mentoring.feedback.CampaignResults.Withheld;

/** The rules of what may be shown, one by one, on ballots built by hand (k = 5). */
class TallyTest {
  private static final Question.Scale SAFE = new Question.Scale("safe", "I felt safe", "Low", "High", false);
  private static final Question.Scale EXTRA = new Question.Scale("extra", "It helped my career", "Low", "High", true);
  private static final FeedbackForm FORM = new FeedbackForm("Form", List.of(SAFE, EXTRA,
      new Question.Text("comment", "Anything else", 200, true)));

  private static Campaign campaign(boolean released, int responses) {
    Instant at = Instant.parse("2026-03-02T10:00:00Z");
    return new Campaign(1, 1, Purpose.FEEDBACK, "manual", CampaignAudience.EVERYONE, FORM, 5, at, at, at, released,
        responses, 20);
  }

  private static CampaignResults tally(List<Ballot> ballots) {
    return Tally.of(campaign(true, ballots.size()), ballots, "the theme");
  }

  /** {@code n} ballots of a role, answering safe with the values in turn and extra with {@code extra} (0: skipped). */
  private static List<Ballot> ballots(String role, int n, int[] safe, int[] extra) {
    List<Ballot> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> answers = new LinkedHashMap<>(Map.of("safe", safe[i % safe.length]));
      int e = extra[i % extra.length];
      if (e > 0) {
        answers.put("extra", e);
      }
      out.add(new Ballot(role, answers));
    }
    return out;
  }

  private static List<Ballot> both(List<Ballot> a, List<Ballot> b) {
    List<Ballot> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void nothingWhileItCollectsAndOnlyTheCountBelowK() {
    List<Ballot> four = ballots("mentor", 4, new int[] {3, 4}, new int[] {2});
    assertThat(Tally.of(campaign(false, 4), four, "t").visibility()).isEqualTo(Visibility.COLLECTING);
    CampaignResults few = tally(four);
    assertThat(few.visibility()).isEqualTo(Visibility.TOO_FEW);
    assertThat(few.questions()).isEmpty();
    assertThat(few.byRoleShown()).isFalse();
  }

  @Test
  void aQuestionShowsEveryCountOfItsAnswersAndTheMean() {
    CampaignResults r = tally(ballots(null, 6, new int[] {2, 4, 4, 5, 3, 4}, new int[] {3, 4}));
    QuestionResult safe = r.questions().get(0);
    assertThat(safe.overall().counts()).containsExactly(0, 1, 1, 3, 1);
    assertThat(safe.overall().mean()).isEqualTo(22 / 6.0);
    assertThat(safe.withheld()).isNull();
    assertThat(r.questions().get(1).overall().answered()).isEqualTo(6);
  }

  @Test
  void everyoneGivingOneAnswerIsWithheldAsAMeanOfOneOrFiveWouldBe() {
    CampaignResults r = tally(ballots(null, 6, new int[] {5}, new int[] {1}));
    assertThat(r.questions()).allSatisfy(q -> {
      assertThat(q.overall()).isNull();
      assertThat(q.withheld()).isEqualTo(Withheld.COULD_REVEAL);
    });
    assertThat(tally(ballots(null, 6, new int[] {3}, new int[] {2, 3})).questions().get(0).withheld())
        .isEqualTo(Withheld.COULD_REVEAL);
  }

  @Test
  void anOptionalQuestionSkippedByOneToKMinusOneIsWithheldSkippedByNoneOrKItShows() {
    // 10 answered: extra answered by 6, so 4 skipped it: "all minus answered" would count them
    CampaignResults fourSkipped = tally(ballots(null, 10, new int[] {3, 4}, new int[] {2, 3, 4, 5, 2, 3, 0, 0, 0, 0}));
    assertThat(fourSkipped.questions().get(1).withheld()).isEqualTo(Withheld.COULD_REVEAL);
    CampaignResults fiveSkipped = tally(ballots(null, 10, new int[] {3, 4}, new int[] {2, 3, 4, 5, 2, 0, 0, 0, 0, 0}));
    assertThat(fiveSkipped.questions().get(1).overall().answered()).isEqualTo(5);
    CampaignResults fewAnswered = tally(ballots(null, 10, new int[] {3, 4}, new int[] {2, 3, 0, 0, 0}));
    assertThat(fewAnswered.questions().get(1).withheld()).isEqualTo(Withheld.FEW_ANSWERED);
  }

  @Test
  void byRoleEveryRoleOrNoneAndEachRoleCountsAsAGroupOfItsOwn() {
    List<Ballot> mentors = ballots("mentor", 5, new int[] {4, 5}, new int[] {2, 3});
    List<Ballot> mentees = ballots("mentee", 6, new int[] {2, 3}, new int[] {4});
    CampaignResults r = tally(both(mentees, mentors));
    assertThat(r.answeredByRole()).containsExactly(Map.entry("mentor", 5), Map.entry("mentee", 6));
    assertThat(r.roles()).containsExactly("mentor", "mentee");
    QuestionResult safe = r.questions().get(0);
    assertThat(safe.byRole()).containsOnlyKeys("mentor", "mentee");
    assertThat(safe.byRole().get("mentor").counts()).containsExactly(0, 0, 0, 3, 2);
    // every mentee answered extra with 4: showing the mentors beside the total would tell it by subtraction
    QuestionResult extra = r.questions().get(1);
    assertThat(extra.overall()).isNotNull();
    assertThat(extra.byRole()).isEmpty();
    assertThat(extra.byRoleWithheld()).isEqualTo(Withheld.COULD_REVEAL);
  }

  @Test
  void theIssuesCaseShowsTheOptionalQuestionNeitherInTotalNorByRole() {
    List<Ballot> mentors = ballots("mentor", 5, new int[] {4, 3, 5, 4, 2}, new int[] {2, 3, 4});
    List<Ballot> mentees = ballots("mentee", 5, new int[] {3, 4, 2, 5, 3}, new int[] {1, 0, 0, 0, 0});
    QuestionResult extra = tally(both(mentors, mentees)).questions().get(1);
    assertThat(extra.overall()).isNull();
    assertThat(extra.byRole()).isEmpty();
  }

  @Test
  void withoutARoleOnEveryBallotOrWithOneRoleThereIsNoBreakdown() {
    List<Ballot> mentors = ballots("mentor", 5, new int[] {4, 5}, new int[] {2, 3});
    List<Ballot> unknown = ballots(null, 5, new int[] {2, 3}, new int[] {4, 2});
    CampaignResults mixed = tally(both(mentors, unknown));
    assertThat(mixed.byRoleShown()).isFalse();
    assertThat(mixed.byRoleWithheld()).isEqualTo(Withheld.FEW_ANSWERED);
    assertThat(mixed.questions()).allSatisfy(q -> assertThat(q.byRoleWithheld()).isNull());
    assertThat(tally(ballots("mentor", 10, new int[] {2, 3}, new int[] {4, 2})).byRoleShown()).isFalse();
  }

  @Test
  void commentsOnlyAboveK() {
    List<Ballot> five = new ArrayList<>(ballots(null, 5, new int[] {2, 3}, new int[] {4, 2}));
    assertThat(tally(five).commentsShown()).isFalse();
    five.add(new Ballot(null, Map.of("safe", 3, "comment", "more of this")));
    assertThat(tally(five).comments()).singleElement().satisfies(c -> assertThat(c.answers()).containsExactly("more of this"));
  }

  @Test
  void theChangeCoversOnlyQuestionsShownBeforeAndAfter() {
    CampaignResults before = tally(ballots(null, 6, new int[] {2, 1, 2}, new int[] {3}));
    CampaignResults after = tally(ballots(null, 6, new int[] {4, 3, 4}, new int[] {4, 5}));
    List<SurveyChange> changes = Tally.changes(before, after);
    assertThat(changes).singleElement().satisfies(c -> {
      assertThat(c.questionId()).isEqualTo("safe");
      assertThat(c.before()).isEqualTo(5 / 3.0);
      assertThat(c.after()).isEqualTo(11 / 3.0);
      assertThat(c.afterAnswers()).isEqualTo(6);
    });
  }

  @Test
  void aMeanThatOnlyRoundsToOneOrFiveIsPrintedOneStepInside() {
    assertThat(CampaignResults.mean(4.96, 1)).isEqualTo("4.9");
    assertThat(CampaignResults.mean(1.04, 1)).isEqualTo("1.1");
    assertThat(CampaignResults.mean(4.996, 2)).isEqualTo("4.99");
    assertThat(CampaignResults.mean(3.64, 1)).isEqualTo("3.6");
    assertThat(CampaignResults.mean(5.0, 1)).isEqualTo("5.0");
  }
}
