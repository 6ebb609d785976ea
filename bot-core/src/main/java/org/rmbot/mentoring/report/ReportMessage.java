package org.rmbot.mentoring.report;

import org.rmbot.mentoring.wording.Catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.chat.Meaning;
import org.rmbot.mentoring.feedback.CampaignAudience;
import org.rmbot.mentoring.feedback.CampaignResults;
import org.rmbot.mentoring.feedback.SurveyChange;

/** The report as a chat message: the figures a coordinator shares, with the anonymity rules stated where they apply. */
public final class ReportMessage {
  private static final Catalogue WORDS = Catalogue.english();
  private ReportMessage() {}

  public static ChatMessage of(ProgramReport r) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Section(Markup.bold(WORDS.phrase("report.title", "program", r.programName()))
        + " " + WORDS.phrase("report.subtitle", "state", String.valueOf(r.state()), "theme", r.theme(), "asOf", String.valueOf(r.asOf()))));
    ProgramActivity a = r.activity();
    blocks.add(new Block.Fields(List.of(
        new Block.Field(WORDS.phrase("report.enrolled"), WORDS.phrase("report.enrolled_value",
            "mentors", n(r.enrolled().getOrDefault("mentor", 0)), "mentees", n(r.enrolled().getOrDefault("mentee", 0)),
            "left", r.left(), "leftCount", n(r.left()))),
        new Block.Field(WORDS.phrase("report.matched"), WORDS.phrase("report.matched_value", "matched", n(r.matched()),
            "enrolled", n(r.enrolledTotal()), "rate", percent(r.matchRate()))),
        new Block.Field(WORDS.phrase("report.pairs"), WORDS.phrase("report.pairs_value", "proposed", n(a.pairsProposed()),
            "accepted", n(a.pairsAccepted()), "declined", n(a.pairsDeclined()), "active", n(r.activePairs()))),
        new Block.Field(WORDS.phrase("report.introductions"), String.valueOf(a.introductions())),
        new Block.Field(WORDS.phrase("report.meetings"), WORDS.phrase("report.meetings_value", "booked", n(a.meetingsBooked()),
            "held", n(a.meetingsHeld()), "perPair", one(r.meetingsPerPair()), "ofWindows", percent(r.meetingsPerWindow()))),
        new Block.Field(WORDS.phrase("report.check_ins"), WORDS.phrase("report.check_ins_value", "sent", n(a.checkInsSent()),
            "answered", n(a.checkInsAnswered()), "met", n(a.answeredMet()), "notYet", n(a.answeredNotYet()),
            "rescheduled", n(a.answeredRescheduled()))),
        new Block.Field(WORDS.phrase("report.reminders_sent"), String.valueOf(a.remindersSent())),
        new Block.Field(WORDS.phrase("report.follow_ups"), WORDS.phrase("report.follow_ups_value",
            "gentle", a.gentleNudges(), "gentleCount", n(a.gentleNudges()), "atRisk", a.atRiskAlerts(),
            "atRiskCount", n(a.atRiskAlerts()), "coordinator", a.coordinatorNudges(), "coordinatorCount", n(a.coordinatorNudges()))),
        new Block.Field(WORDS.phrase("report.at_risk_now"), WORDS.phrase("report.at_risk_now_value", "pairs", r.atRisk(),
            "count", n(r.atRisk()))),
        new Block.Field(WORDS.phrase("report.help_requests"), WORDS.phrase("report.help_requests_value",
            "all", n(r.helpRequests()), "open", n(r.openHelpRequests()))),
        new Block.Field(WORDS.phrase("report.messages_sent"), nudges(r)))));
    blocks.add(new Block.Section(Markup.bold(WORDS.phrase("report.feedback")) + "\n" + feedback(r)));
    blocks.add(new Block.Section(Markup.bold(WORDS.phrase("report.survey")) + "\n" + survey(r)));
    blocks.add(new Block.Context(WORDS.phrase("report.anonymity_note")));
    String fallback = WORDS.phrase("report.fallback", "program", r.programName(), "pairs", r.activePairs(),
        "pairsCount", n(r.activePairs()), "meetings", a.meetingsHeld(), "meetingsCount", n(a.meetingsHeld()),
        "atRisk", n(r.atRisk()));
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
    return WORDS.phrase("report.messages_sent_value", "sent", n(r.activity().messagesSent()), "waiting", n(waiting),
        "skipped", n(skipped), "dead", n(dead));
  }

  private static String feedback(ProgramReport r) {
    if (r.feedback().isEmpty()) {
      return WORDS.phrase("report.feedback.none_closed");
    }
    CampaignResults f = r.feedback().get();
    int k = f.campaign().threshold();
    return switch (f.visibility()) {
      case COLLECTING -> WORDS.phrase("report.feedback.still_open");
      case TOO_FEW -> WORDS.phrase("report.feedback.too_few", "answered", n(f.campaign().responses()), "threshold", n(k));
      case SHOWN -> {
        StringBuilder s = new StringBuilder(WORDS.phrase("report.feedback.answered", "answered", n(f.campaign().responses()),
            "invited", n(f.campaign().invited()), "covers", String.valueOf(f.campaign().covers())));
        for (CampaignResults.QuestionResult q : f.questions()) {
          s.append("\n• ").append(q.text()).append(": ")
              .append(q.shown() ? q.overall().words(f.campaign().responses())
                  : WORDS.phrase("report.feedback.hidden", "reason", q.withheld().reason(k)));
        }
        if (!f.byRoleShown() && f.campaign().audience() == CampaignAudience.EVERYONE) {
          s.append("\n").append(WORDS.phrase("report.feedback.by_role_hidden", "reason", f.byRoleWithheld().byRoleReason(k)));
        }
        yield s.toString();
      }
    };
  }

  private static String survey(ProgramReport r) {
    if (r.surveyChanges().isEmpty()) {
      return WORDS.phrase("report.survey.not_yet");
    }
    StringBuilder s = new StringBuilder();
    for (SurveyChange c : r.surveyChanges()) {
      s.append("• ").append(c.text()).append(" ").append(c.words()).append("\n");
    }
    return s.toString().strip();
  }

  /** Counts as the report has always shown them: digits only, no grouping. */
  private static String n(long count) {
    return String.valueOf(count);
  }

  static String one(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String percent(double fraction) {
    return Math.round(fraction * 100) + "%";
  }
}
