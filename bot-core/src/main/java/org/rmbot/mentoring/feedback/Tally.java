package org.rmbot.mentoring.feedback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rmbot.mentoring.feedback.CampaignResults.Comments;
import org.rmbot.mentoring.feedback.CampaignResults.Distribution;
import org.rmbot.mentoring.feedback.CampaignResults.QuestionResult;
import org.rmbot.mentoring.feedback.CampaignResults.Visibility;
import org.rmbot.mentoring.feedback.CampaignResults.Withheld;

/**
 * The one place that decides which figures of a campaign may be shown; every view shows only
 * what the {@link CampaignResults} it returns holds. The rules, with n the people who answered
 * the campaign (public: the bot says how many answered) and k the threshold:
 *
 * <ul>
 *   <li>fewer than k answered: nothing but n;
 *   <li>a question is shown for a group (everyone, or one role) with all five counts of its
 *       answers, or not at all; only if at least k of the group answered it, none or at least k
 *       of the group skipped it (else the skippers, "group minus answered", are a small group
 *       anyone can count), and the answers are not all one value (that would tell each
 *       member's answer; it is also what a mean of 1.0 or 5.0 says);
 *   <li>by role only if every answer has a role, there are at least two roles and each has at
 *       least k answers; then for each question either every role is shown or none is, so no role
 *       is ever "everyone minus the others"; each role's count of answers is shown with them.
 * </ul>
 *
 * Why this is enough: a count a reader can work out is a sum of the shown counts of answers, of
 * n, and of the role counts; each of those is a group of the form "(role) who answered (or
 * skipped) one question", and each such group is at least k or empty. A sum a reader can work out
 * is a question's total over one shown group. No figure crosses two questions, so nothing narrows
 * a group by what it answered elsewhere. {@code NoFigureRevealsASmallGroupTest} attacks exactly
 * this by solving every figure the views print.
 */
final class Tally {
  private Tally() {}

  static CampaignResults of(Campaign campaign, List<Ballot> ballots, String theme) {
    int k = campaign.threshold();
    if (!campaign.released()) {
      return new CampaignResults(campaign, Visibility.COLLECTING, Map.of(), null, List.of(), List.of());
    }
    if (ballots.size() < k) {
      return new CampaignResults(campaign, Visibility.TOO_FEW, Map.of(), null, List.of(), List.of());
    }
    Map<String, List<Ballot>> roles = roleGroups(ballots, k);
    List<QuestionResult> questions = new ArrayList<>();
    boolean anyByRole = false;
    for (Question.Scale q : campaign.form().scales()) {
      Distribution all = distribution(ballots, q);
      Withheld withheld = withheld(all, ballots.size(), k);
      if (withheld != null) {
        questions.add(new QuestionResult(q.id(), q.textFor(theme), null, withheld, Map.of(), null));
        continue;
      }
      Map<String, Distribution> byRole = new LinkedHashMap<>();
      Withheld byRoleWithheld = null;
      for (Map.Entry<String, List<Ballot>> role : roles.entrySet()) {
        Distribution d = distribution(role.getValue(), q);
        Withheld w = withheld(d, role.getValue().size(), k);
        if (w != null && byRoleWithheld != Withheld.FEW_ANSWERED) {
          byRoleWithheld = w; // "fewer than k answered" is the plainer reason, so it wins
        }
        byRole.put(role.getKey(), d);
      }
      if (byRoleWithheld != null) {
        byRole.clear(); // all roles or none: one role shown beside the total would give away the rest
      }
      anyByRole |= !byRole.isEmpty();
      questions.add(new QuestionResult(q.id(), q.textFor(theme), all, null, byRole, byRoleWithheld));
    }
    Map<String, Integer> answeredByRole = new LinkedHashMap<>();
    if (anyByRole) {
      roles.forEach((role, group) -> answeredByRole.put(role, group.size()));
    }
    Withheld rolesWithheld = anyByRole ? null : roles.isEmpty() ? Withheld.FEW_ANSWERED : Withheld.COULD_REVEAL;
    if (!anyByRole) {
      // no question shows roles, so none needs to say why it does not
      questions.replaceAll(r -> new QuestionResult(r.questionId(), r.text(), r.overall(), r.withheld(), Map.of(), null));
    }
    return new CampaignResults(campaign, Visibility.SHOWN, answeredByRole, rolesWithheld, questions,
        comments(campaign, ballots, theme, k));
  }

  /** Why a question's answers in a group of {@code people} may not be shown; null if they may. */
  static Withheld withheld(Distribution answers, int people, int k) {
    int skipped = people - answers.answered();
    if (answers.answered() < k) {
      return Withheld.FEW_ANSWERED;
    }
    if ((skipped > 0 && skipped < k) || answers.allAlike()) {
      return Withheld.COULD_REVEAL;
    }
    return null;
  }

  /** The ballots by role, mentors first, if every ballot has a role, there are two roles or more, and each has k. */
  private static Map<String, List<Ballot>> roleGroups(List<Ballot> ballots, int k) {
    Map<String, List<Ballot>> groups = new LinkedHashMap<>();
    if (ballots.stream().anyMatch(b -> b.role() == null)) {
      return groups;
    }
    ballots.stream().map(Ballot::role).distinct().sorted(Comparator.comparingInt(Tally::rank).thenComparing(r -> r))
        .forEach(role -> groups.put(role, ballots.stream().filter(b -> b.role().equals(role)).toList()));
    // with one group, "by role" would repeat the totals; with a group below k it could be worked out from them
    if (groups.size() < 2 || groups.values().stream().anyMatch(g -> g.size() < k)) {
      groups.clear();
    }
    return groups;
  }

  private static int rank(String role) {
    return role.equals("mentor") ? 0 : role.equals("mentee") ? 1 : 2;
  }

  private static Distribution distribution(List<Ballot> ballots, Question.Scale q) {
    int[] counts = new int[5];
    for (Ballot b : ballots) {
      if (b.answers().get(q.id()) instanceof Integer v && v >= 1 && v <= 5) {
        counts[v - 1]++;
      }
    }
    return new Distribution(List.of(counts[0], counts[1], counts[2], counts[3], counts[4]));
  }

  /** Comments only when more than k answered, shuffled on every showing. */
  private static List<Comments> comments(Campaign campaign, List<Ballot> ballots, String theme, int k) {
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
    return comments;
  }

  /** Questions asked both before and after and shown on both sides: the self-assessment's change. */
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
        changes.add(new SurveyChange(later.questionId(), later.text(), first.overall().mean(), later.overall().mean(),
            first.overall().answered(), later.overall().answered()));
      }
    }
    return changes;
  }
}
