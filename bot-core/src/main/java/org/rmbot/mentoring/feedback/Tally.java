package org.rmbot.mentoring.feedback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.rmbot.mentoring.feedback.CampaignResults.Comments;
import org.rmbot.mentoring.feedback.CampaignResults.QuestionResult;
import org.rmbot.mentoring.feedback.CampaignResults.Visibility;

/** Counts released answers into what may be shown, applying the threshold k at every cut. */
final class Tally {
  private Tally() {}

  static CampaignResults of(Campaign campaign, List<Ballot> ballots, String theme) {
    int k = campaign.threshold();
    if (!campaign.released()) {
      return new CampaignResults(campaign, Visibility.COLLECTING, List.of(), Map.of(), List.of());
    }
    if (ballots.size() < k) {
      return new CampaignResults(campaign, Visibility.TOO_FEW, List.of(), Map.of(), List.of());
    }
    List<QuestionResult> all = questions(campaign.form(), ballots, theme, k);
    Map<String, List<QuestionResult>> byRole = new TreeMap<>();
    Map<String, List<Ballot>> groups = new TreeMap<>();
    boolean everyRoleKnown = ballots.stream().allMatch(b -> b.role() != null);
    if (everyRoleKnown) {
      ballots.forEach(b -> groups.computeIfAbsent(b.role(), r -> new ArrayList<>()).add(b));
    }
    // with one group, "by role" would repeat the totals; with a group below k it could be worked out from them
    if (groups.size() > 1 && groups.values().stream().allMatch(g -> g.size() >= k)) {
      groups.forEach((role, group) -> byRole.put(role, questions(campaign.form(), group, theme, k)));
    }
    List<Comments> comments = new ArrayList<>();
    if (ballots.size() > k) {
      for (Question.Text q : campaign.form().texts()) {
        List<String> answers = ballots.stream().map(b -> b.answers().get(q.id()))
            .filter(String.class::isInstance).map(String.class::cast).filter(s -> !s.isBlank()).toList();
        if (!answers.isEmpty()) {
          comments.add(new Comments(q.id(), q.textFor(theme), BallotBox.shuffled(answers)));
        }
      }
    }
    return new CampaignResults(campaign, Visibility.SHOWN, all, byRole, comments);
  }

  private static List<QuestionResult> questions(FeedbackForm form, List<Ballot> ballots, String theme, int k) {
    List<QuestionResult> results = new ArrayList<>();
    for (Question.Scale q : form.scales()) {
      List<Integer> values = ballots.stream().map(b -> b.answers().get(q.id()))
          .filter(Objects::nonNull).filter(Integer.class::isInstance).map(Integer.class::cast).toList();
      if (values.size() < k) {
        results.add(new QuestionResult(q.id(), q.textFor(theme), values.size(), null, List.of()));
        continue;
      }
      List<Integer> counts = new ArrayList<>(List.of(0, 0, 0, 0, 0));
      values.forEach(v -> counts.set(v - 1, counts.get(v - 1) + 1));
      double mean = values.stream().mapToInt(Integer::intValue).average().orElseThrow();
      results.add(new QuestionResult(q.id(), q.textFor(theme), values.size(), mean, counts));
    }
    return results;
  }

  /** Questions asked both before and after, with a mean on both sides. */
  static List<SurveyChange> changes(CampaignResults before, CampaignResults after) {
    if (before.visibility() != Visibility.SHOWN || after.visibility() != Visibility.SHOWN) {
      return List.of();
    }
    Map<String, QuestionResult> earlier = new LinkedHashMap<>();
    before.questions().stream().filter(QuestionResult::shown).forEach(q -> earlier.put(q.questionId(), q));
    List<SurveyChange> changes = new ArrayList<>();
    for (QuestionResult later : after.questions()) {
      QuestionResult first = earlier.get(later.questionId());
      if (first != null && later.shown()) {
        changes.add(new SurveyChange(later.questionId(), later.text(), first.mean(), later.mean(), first.answered(),
            later.answered()));
      }
    }
    return changes;
  }
}
