package org.rmbot.mentoring.conversation;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.common.Phrases;
import org.rmbot.mentoring.feedback.Campaign;
import org.rmbot.mentoring.feedback.CampaignAudience;
import org.rmbot.mentoring.feedback.CampaignResults;
import org.rmbot.mentoring.feedback.CampaignResults.Distribution;
import org.rmbot.mentoring.feedback.CampaignResults.QuestionResult;
import org.rmbot.mentoring.feedback.SurveyChange;

/** The words for anonymous results in chat: only what {@link CampaignResults} holds, which is only what may be shown. */
public final class FeedbackResultsBlocks {
  private FeedbackResultsBlocks() {}

  /** One closed campaign, for a reader in {@code zone}: its figures, by role where shown, and its comments. */
  public static List<Block> campaign(CampaignResults r, ZoneId zone) {
    Campaign c = r.campaign();
    int k = c.threshold();
    String title = Markup.bold(FeedbackCommands.capitalise(c.purpose().label())) + ", closed at " + Phrases.moment(c.closedAt(), zone)
        + ": " + c.responses() + " of " + c.invited() + " invited answered (" + c.covers() + ")";
    List<Block> blocks = new ArrayList<>();
    if (r.visibility() != CampaignResults.Visibility.SHOWN) {
      blocks.add(new Block.Section(title + ". Fewer than " + k + ", so nothing is shown and the answers were deleted unread."));
      org.rmbot.mentoring.feedback.FeedbackInvitation.caveats(r.campaign()).map(Block.Context::new).ifPresent(blocks::add);
      return blocks;
    }
    StringBuilder s = new StringBuilder(title + ".");
    for (QuestionResult q : r.questions()) {
      s.append("\n• ").append(q.text()).append(": ").append(q.shown()
          ? q.overall().words(c.responses()) + " (" + spread(q.overall()) + ")"
          : "hidden, " + q.withheld().reason(k));
    }
    blocks.add(new Block.Section(s.toString()));
    org.rmbot.mentoring.feedback.FeedbackInvitation.caveats(r.campaign()).map(Block.Context::new).ifPresent(blocks::add);
    if (r.byRoleShown()) {
      List<String> counts = r.roles().stream().map(role -> r.answeredByRole().get(role) + " " + role + "s").toList();
      StringBuilder roles = new StringBuilder(Markup.bold("By role") + " (" + and(counts) + " answered)");
      for (QuestionResult q : r.questions()) {
        if (!q.byRole().isEmpty()) {
          roles.append("\n• ").append(q.text()).append(": ").append(String.join(", ", q.byRole().entrySet().stream()
              .map(e -> e.getKey() + "s " + e.getValue().words(r.answeredByRole().get(e.getKey()))).toList()));
        } else if (q.byRoleWithheld() != null) {
          roles.append("\n• ").append(q.text()).append(": hidden by role, ").append(q.byRoleWithheld().byRoleReason(k));
        }
      }
      blocks.add(new Block.Section(roles.toString()));
    } else if (c.audience() == CampaignAudience.EVERYONE) {
      blocks.add(new Block.Context("By role: hidden, " + r.byRoleWithheld().byRoleReason(k) + "."));
    }
    for (CampaignResults.Comments comments : r.comments()) {
      blocks.add(new Block.Section(Markup.bold(comments.text()) + " (in random order)\n• "
          + String.join("\n• ", comments.answers().stream().map(a -> ReplyText.clip(a, 600)).toList())));
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
    StringBuilder s = new StringBuilder(Markup.bold("Change from before to after") + " (means of 1 to 5)");
    for (SurveyChange c : changes) {
      s.append("\n• ").append(c.text()).append(" ").append(c.words());
    }
    return Optional.of(new Block.Section(s.toString()));
  }

  /** How many chose each value, as people read it: "1: 0 · 2: 2 · 3: 12 · 4: 19 · 5: 3". */
  private static String spread(Distribution d) {
    List<String> parts = new ArrayList<>();
    for (int v = 1; v <= 5; v++) {
      parts.add(v + ": " + d.chose(v));
    }
    return String.join(" · ", parts);
  }

  private static String and(List<String> parts) {
    return parts.size() == 1 ? parts.get(0)
        : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }
}
