package org.rmbot.mentoring.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rmbot.mentoring.feedback.CampaignResults;
import org.rmbot.mentoring.feedback.SurveyChange;

/**
 * The report as CSV, one figure per row ({@code section,metric,group,value}), ready for a
 * spreadsheet. Only counts, rates and means: never a row per anonymous answer, never a comment.
 */
public final class ReportCsv {
  private ReportCsv() {}

  public static byte[] figures(ProgramReport r) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
        .setHeader("section", "metric", "group", "value").build())) {
      r.enrolled().forEach((role, n) -> print(csv, "enrolment", "participants", role, n));
      print(csv, "enrolment", "left", "", r.left());
      print(csv, "matching", "matched participants", "", r.matched());
      print(csv, "matching", "match rate", "", decimal(r.matchRate()));
      r.activity().figures().forEach((name, n) -> print(csv, "activity", name, "", n));
      r.pairingsByState().forEach((state, n) -> print(csv, "pairings", "by state", state, n));
      print(csv, "meetings", "per pair", "", decimal(r.meetingsPerPair()));
      print(csv, "meetings", "per pair per window", "", decimal(r.meetingsPerWindow()));
      print(csv, "risk", "pairs at risk now", "", r.atRisk());
      for (ProgramReport.Week w : r.weeks()) {
        print(csv, "weekly", "meetings held", w.start().toString(), w.meetingsHeld());
        print(csv, "weekly", "pairs at risk", w.start().toString(), w.pairsAtRisk());
      }
      print(csv, "support", "help requests", "", r.helpRequests());
      print(csv, "support", "help requests open", "", r.openHelpRequests());
      r.nudgesByState().forEach((state, n) -> print(csv, "nudges", "by state", state, n));
      if (r.feedback().isPresent()) {
        CampaignResults f = r.feedback().get();
        print(csv, "feedback", "answers", "", f.campaign().responses());
        print(csv, "feedback", "shown", "", f.visibility().name().toLowerCase(Locale.ROOT));
        f.answeredByRole().forEach((role, n) -> print(csv, "feedback", "answers", role, n));
        for (CampaignResults.QuestionResult q : f.questions()) {
          if (!q.shown()) {
            print(csv, "feedback", q.text(), "mean", "hidden (" + q.withheld().reason(f.campaign().threshold()) + ")");
            continue;
          }
          distribution(csv, q.text(), "", q.overall());
          q.byRole().forEach((role, d) -> distribution(csv, q.text(), ", " + role, d));
        }
      }
      for (SurveyChange c : r.surveyChanges()) {
        print(csv, "self-assessment", c.text(), "answered before", c.beforeAnswers());
        print(csv, "self-assessment", c.text(), "mean before", CampaignResults.mean(c.before(), 2));
        print(csv, "self-assessment", c.text(), "answered after", c.afterAnswers());
        print(csv, "self-assessment", c.text(), "mean after", CampaignResults.mean(c.after(), 2));
        print(csv, "self-assessment", c.text(), "change %", decimal(c.percentChange()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** How many answered, the mean, and how many chose each value: {@code group} is "" or ", mentor". */
  private static void distribution(CSVPrinter csv, String question, String group, CampaignResults.Distribution d) {
    print(csv, "feedback", question, "answered" + group, d.answered());
    print(csv, "feedback", question, "mean" + group, CampaignResults.mean(d.mean(), 2));
    for (int v = 1; v <= 5; v++) {
      print(csv, "feedback", question, "chose " + v + group, d.chose(v));
    }
  }

  private static void print(CSVPrinter csv, Object... values) {
    try {
      csv.printRecord(List.of(values));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String decimal(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
