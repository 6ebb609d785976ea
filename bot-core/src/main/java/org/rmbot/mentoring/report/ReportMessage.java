package org.rmbot.mentoring.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.feedback.CampaignAudience;
import org.rmbot.mentoring.feedback.CampaignResults;
import org.rmbot.mentoring.feedback.SurveyChange;

/** The report as a chat message: the figures a coordinator shares, with the anonymity rules stated where they apply. */
public final class ReportMessage {
  private ReportMessage() {}

  public static ChatMessage of(ProgramReport r) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Section(Markup.bold("Report: " + r.programName()) + " (" + r.state() + ", theme: " + r.theme() + ", as of "
        + r.asOf() + ")"));
    blocks.add(new Block.Fields(List.of(
        new Block.Field("Enrolled", r.enrolled().getOrDefault("mentor", 0) + " mentors, "
            + r.enrolled().getOrDefault("mentee", 0) + " mentees" + (r.left() > 0 ? " (" + r.left() + " left)" : "")),
        new Block.Field("Matched", r.matched() + " of " + r.enrolledTotal() + " (" + percent(r.matchRate()) + ")"),
        new Block.Field("Proposals", r.proposed() + " proposed, " + r.accepted() + " accepted, " + r.declined() + " declined"),
        new Block.Field("Active pairs", String.valueOf(r.activePairs())),
        new Block.Field("Meetings confirmed", r.confirmedMeetings() + " (" + one(r.meetingsPerPair()) + " per pair, "
            + percent(r.meetingsPerWindow()) + " of windows)"),
        new Block.Field("At risk now", r.atRisk() + (r.atRisk() == 1 ? " pair" : " pairs")),
        new Block.Field("Help requests", r.helpRequests() + " (" + r.openHelpRequests() + " open)"),
        new Block.Field("Nudges", nudges(r)))));
    blocks.add(new Block.Section(Markup.bold("Feedback") + "\n" + feedback(r)));
    blocks.add(new Block.Section(Markup.bold("Self-assessment, before and after") + "\n" + survey(r)));
    blocks.add(new Block.Context("Anonymous answers are shown only when enough people answered that no one can be"
        + " picked out (the program's anonymity threshold). Names never appear next to them."));
    String fallback = "Report for " + r.programName() + ": " + r.activePairs() + " active pairs, " + r.confirmedMeetings()
        + " meetings confirmed, " + r.atRisk() + " at risk.";
    return new ChatMessage(fallback, blocks, null);
  }

  private static String nudges(ProgramReport r) {
    int sent = r.nudgesByState().getOrDefault("sent", 0);
    int waiting = r.nudgesByState().getOrDefault("planned", 0) + r.nudgesByState().getOrDefault("failed_retrying", 0)
        + r.nudgesByState().getOrDefault("sending", 0);
    int dead = r.nudgesByState().getOrDefault("dead", 0);
    int skipped = r.nudgesByState().getOrDefault("skipped", 0) + r.nudgesByState().getOrDefault("cancelled", 0);
    return sent + " sent, " + waiting + " waiting, " + skipped + " not needed, " + dead + " undeliverable";
  }

  private static String feedback(ProgramReport r) {
    if (r.feedback().isEmpty()) {
      return "No feedback campaign has closed yet.";
    }
    CampaignResults f = r.feedback().get();
    int k = f.campaign().threshold();
    return switch (f.visibility()) {
      case COLLECTING -> "The latest campaign is still open.";
      case TOO_FEW -> f.campaign().responses() + " answered, fewer than " + k + ": nothing is shown, and the answers were deleted unread.";
      case SHOWN -> {
        StringBuilder s = new StringBuilder(f.campaign().responses() + " answered (of " + f.campaign().invited() + " invited).");
        for (CampaignResults.QuestionResult q : f.questions()) {
          s.append("\n• ").append(q.text()).append(": ")
              .append(q.shown() ? q.overall().words(f.campaign().responses()) : "hidden, " + q.withheld().reason(k));
        }
        if (!f.byRoleShown() && f.campaign().audience() == CampaignAudience.EVERYONE) {
          s.append("\nBy role: hidden, ").append(f.byRoleWithheld().byRoleReason(k)).append(".");
        }
        yield s.toString();
      }
    };
  }

  private static String survey(ProgramReport r) {
    if (r.surveyChanges().isEmpty()) {
      return "Shown once both the self-assessment before and the one after have closed with enough answers.";
    }
    StringBuilder s = new StringBuilder();
    for (SurveyChange c : r.surveyChanges()) {
      s.append("• ").append(c.text()).append(" ").append(c.words()).append("\n");
    }
    return s.toString().strip();
  }

  static String one(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String percent(double fraction) {
    return Math.round(fraction * 100) + "%";
  }
}
