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
import org.rmbot.mentoring.wording.Catalogue;

/** The words for anonymous results in chat: only what {@link CampaignResults} holds, which is only what may be shown. */
public final class FeedbackResultsBlocks {
  private static final Catalogue WORDS = Catalogue.english();

  private FeedbackResultsBlocks() {}

  /** One closed campaign, for a reader in {@code zone}: its figures, by role where shown, and its comments. */
  public static List<Block> campaign(CampaignResults r, ZoneId zone) {
    Campaign c = r.campaign();
    int k = c.threshold();
    String title = WORDS.phrase("feedback.results.campaign", "purpose", Markup.bold(FeedbackCommands.capitalise(c.purpose().label())),
        "closed", Phrases.moment(c.closedAt(), zone), "answered", String.valueOf(c.responses()),
        "invited", String.valueOf(c.invited()), "covers", c.covers());
    List<Block> blocks = new ArrayList<>();
    if (r.visibility() != CampaignResults.Visibility.SHOWN) {
      blocks.add(new Block.Section(WORDS.phrase("feedback.results.too_few", "campaign", title, "k", String.valueOf(k))));
      org.rmbot.mentoring.feedback.FeedbackInvitation.caveats(r.campaign()).map(Block.Context::new).ifPresent(blocks::add);
      return blocks;
    }
    StringBuilder s = new StringBuilder(title + ".");
    for (QuestionResult q : r.questions()) {
      s.append("\n• ").append(q.text()).append(": ").append(q.shown()
          ? q.overall().words(c.responses()) + " (" + spread(q.overall()) + ")"
          : WORDS.phrase("feedback.results.hidden", "reason", q.withheld().reason(k)));
    }
    blocks.add(new Block.Section(s.toString()));
    org.rmbot.mentoring.feedback.FeedbackInvitation.caveats(r.campaign()).map(Block.Context::new).ifPresent(blocks::add);
    if (r.byRoleShown()) {
      List<String> counts = r.roles().stream().map(role -> WORDS.phrase("feedback.results.role_count",
          "count", String.valueOf(r.answeredByRole().get(role)), "role", role)).toList();
      StringBuilder roles = new StringBuilder(WORDS.phrase("feedback.results.by_role_answered",
          "heading", Markup.bold(WORDS.phrase("feedback.results.by_role")), "counts", and(counts)));
      for (QuestionResult q : r.questions()) {
        if (!q.byRole().isEmpty()) {
          roles.append("\n• ").append(q.text()).append(": ").append(String.join(", ", q.byRole().entrySet().stream()
              .map(e -> WORDS.phrase("feedback.results.role_figure", "role", e.getKey(),
                  "figure", e.getValue().words(r.answeredByRole().get(e.getKey())))).toList()));
        } else if (q.byRoleWithheld() != null) {
          roles.append("\n• ").append(q.text()).append(": ")
              .append(WORDS.phrase("feedback.results.hidden_by_role", "reason", q.byRoleWithheld().byRoleReason(k)));
        }
      }
      blocks.add(new Block.Section(roles.toString()));
    } else if (c.audience() == CampaignAudience.EVERYONE) {
      blocks.add(new Block.Context(WORDS.phrase("feedback.results.by_role_hidden", "reason", r.byRoleWithheld().byRoleReason(k))));
    }
    for (CampaignResults.Comments comments : r.comments()) {
      blocks.add(new Block.Section(WORDS.phrase("feedback.results.comments", "question", Markup.bold(comments.text())) + "\n• "
          + String.join("\n• ", comments.answers().stream().map(a -> ReplyText.clip(a, 600)).toList())));
    }
    if (!r.commentsShown() && !c.form().texts().isEmpty()) {
      blocks.add(new Block.Context(WORDS.phrase("feedback.results.comments_hidden", "k", String.valueOf(k))));
    }
    return blocks;
  }

  /** The self-assessment's change from before to after, if any question has a mean on both sides. */
  public static Optional<Block> change(List<SurveyChange> changes) {
    if (changes.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder s = new StringBuilder(WORDS.phrase("feedback.results.change",
        "heading", Markup.bold(WORDS.phrase("feedback.results.change_heading"))));
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
        : WORDS.phrase("feedback.results.and", "earlier", String.join(", ", parts.subList(0, parts.size() - 1)),
            "last", parts.get(parts.size() - 1));
  }
}
