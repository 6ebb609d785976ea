package org.rmbot.mentoring.conversation;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.feedback.Campaign;
import org.rmbot.mentoring.feedback.CampaignAudience;
import org.rmbot.mentoring.feedback.CampaignResults;
import org.rmbot.mentoring.feedback.SurveyChange;

/** The words for anonymous results in chat: only what {@link CampaignResults} holds, which is only what may be shown. */
public final class FeedbackResultsBlocks {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  private FeedbackResultsBlocks() {}

  /** One closed campaign: its figures, by role where shown, and its comments. */
  public static List<Block> campaign(CampaignResults r) {
    Campaign c = r.campaign();
    int k = c.threshold();
    String title = "*" + FeedbackDesk.capitalise(c.purpose().label()) + "*, closed " + DAY.format(c.closedAt().atZone(java.time.ZoneOffset.UTC))
        + ": " + c.responses() + " of " + c.invited() + " answered";
    List<Block> blocks = new ArrayList<>();
    if (r.visibility() != CampaignResults.Visibility.SHOWN) {
      blocks.add(new Block.Section(title + ". Fewer than " + k + ", so nothing is shown and the answers were deleted unread."));
      return blocks;
    }
    StringBuilder s = new StringBuilder(title + ".");
    for (CampaignResults.QuestionResult q : r.questions()) {
      s.append("\n• ").append(q.text()).append(": ").append(q.shown()
          ? String.format(Locale.ROOT, "%.1f / 5 (1–5: %s)", q.mean(), q.counts())
          : "hidden, fewer than " + k + " answered it");
    }
    blocks.add(new Block.Section(s.toString()));
    if (r.byRoleShown()) {
      StringBuilder roles = new StringBuilder("_By role_");
      r.byRole().forEach((role, questions) -> {
        roles.append("\n").append(role).append("s: ");
        roles.append(String.join(", ", questions.stream().map(q -> q.shown()
            ? String.format(Locale.ROOT, "%.1f", q.mean()) : "hidden").toList()));
      });
      blocks.add(new Block.Section(roles.toString()));
    } else if (c.audience() == CampaignAudience.EVERYONE) {
      blocks.add(new Block.Context("By role: hidden, because fewer than " + k + " mentors or mentees answered."));
    }
    for (CampaignResults.Comments comments : r.comments()) {
      blocks.add(new Block.Section("_" + comments.text() + "_ (in random order)\n• "
          + String.join("\n• ", comments.answers().stream().map(a -> Texts.clip(a, 600)).toList())));
    }
    if (!r.commentsShown() && !c.form().texts().isEmpty()) {
      blocks.add(new Block.Context("Comments are shown only when more than " + k + " people answered."));
    }
    return blocks;
  }

  /** The self-assessment's change from before to after, if any question has a mean on both sides. */
  public static Optional<Block> change(List<SurveyChange> changes) {
    if (changes.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder s = new StringBuilder("*Change from before to after* (means of 1 to 5)");
    for (SurveyChange c : changes) {
      s.append("\n• ").append(c.text()).append(" ").append(String.format(Locale.ROOT, "%.1f → %.1f", c.before(), c.after()))
          .append(" (").append(signed(c.percentChange())).append(")");
    }
    return Optional.of(new Block.Section(s.toString()));
  }

  private static String signed(double percent) {
    long rounded = Math.round(percent);
    return (rounded > 0 ? "+" : "") + rounded + "%";
  }

}
