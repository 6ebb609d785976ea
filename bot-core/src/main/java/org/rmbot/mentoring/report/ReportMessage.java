package org.rmbot.mentoring.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.chat.Meaning;
import org.rmbot.mentoring.common.Phrases;
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
    ProgramActivity a = r.activity();
    blocks.add(new Block.Fields(List.of(
        new Block.Field("Enrolled", r.enrolled().getOrDefault("mentor", 0) + " mentors, "
            + r.enrolled().getOrDefault("mentee", 0) + " mentees" + (r.left() > 0 ? " (" + r.left() + " left)" : "")),
        new Block.Field("Matched", r.matched() + " of " + r.enrolledTotal() + " (" + percent(r.matchRate()) + ")"),
        new Block.Field("Pairs", a.pairsProposed() + " proposed, " + a.pairsAccepted() + " accepted by both, "
            + a.pairsDeclined() + " declined; " + r.activePairs() + " active now"),
        new Block.Field("Introductions", String.valueOf(a.introductions())),
        new Block.Field("Meetings", a.meetingsBooked() + " booked, " + a.meetingsHeld() + " held ("
            + one(r.meetingsPerPair()) + " per pair, " + percent(r.meetingsPerWindow()) + " of windows)"),
        new Block.Field("Check-ins", a.checkInsSent() + " sent, " + a.checkInsAnswered() + " answered ("
            + a.answeredMet() + " \"we met\", " + a.answeredNotYet() + " \"not yet\", " + a.answeredRescheduled()
            + " rescheduled)"),
        new Block.Field("Reminders sent", String.valueOf(a.remindersSent())),
        new Block.Field("Follow-ups", Phrases.plural(a.gentleNudges(), "gentle nudge", "gentle nudges") + ", "
            + Phrases.plural(a.atRiskAlerts(), "at-risk alert", "at-risk alerts") + ", "
            + Phrases.plural(a.coordinatorNudges(), "coordinator nudge", "coordinator nudges")),
        new Block.Field("At risk now", Phrases.plural(r.atRisk(), "pair", "pairs")),
        new Block.Field("Help requests", r.helpRequests() + " (" + r.openHelpRequests() + " open)"),
        new Block.Field("Messages sent", nudges(r)))));
    blocks.add(new Block.Section(Markup.bold("Feedback") + "\n" + feedback(r)));
    blocks.add(new Block.Section(Markup.bold("Self-assessment, before and after") + "\n" + survey(r)));
    blocks.add(new Block.Context("Anonymous answers are shown only when enough people answered that no one can be"
        + " picked out (the program's anonymity threshold). Names never appear next to them."));
    String fallback = "Report for " + r.programName() + ": " + Phrases.plural(r.activePairs(), "active pair", "active pairs")
        + ", " + Phrases.plural(a.meetingsHeld(), "meeting", "meetings") + " held, " + r.atRisk() + " at risk.";
    java.util.Map<String, Long> figures = new java.util.LinkedHashMap<>(a.figures());
    figures.put("pairs_active", (long) r.activePairs());
    figures.put("at_risk_now", (long) r.atRisk());
    figures.put("help_requests_open", (long) r.openHelpRequests());
    return new ChatMessage(fallback, blocks, null, Meaning.of("report").withFigures(figures));
  }

  /** Messages the bot sent on its own ({@link ProgramActivity#messagesSent}), and how the rest of its schedule stands. */
  private static String nudges(ProgramReport r) {
    int waiting = r.nudgesByState().getOrDefault("planned", 0) + r.nudgesByState().getOrDefault("failed_retrying", 0)
        + r.nudgesByState().getOrDefault("sending", 0);
    int dead = r.nudgesByState().getOrDefault("dead", 0);
    int skipped = r.nudgesByState().getOrDefault("skipped", 0) + r.nudgesByState().getOrDefault("cancelled", 0);
    return r.activity().messagesSent() + " (" + waiting + " waiting, " + skipped + " planned but not needed, " + dead
        + " undeliverable)";
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
        StringBuilder s = new StringBuilder(f.campaign().responses() + " answered (of " + f.campaign().invited()
            + " invited: " + f.campaign().covers() + ").");
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
