package org.rmbot.mentoring.feedback;

import org.rmbot.mentoring.wording.Catalogue;

/**
 * One self-assessment question before and after the program, each a mean over at least k
 * anonymous answers, and the change between them as practitioners report it ("+56%").
 */
public record SurveyChange(String questionId, String text, double before, double after, int beforeAnswers, int afterAnswers) {
  /** The change relative to the mean before, in percent. */
  public double percentChange() {
    return (after - before) / before * 100.0;
  }

  /** As every view words it: "2.6 → 3.7 (+40%)". */
  public String words() {
    long percent = Math.round(percentChange());
    return Catalogue.english().phrase("feedback.figure.change", "before", CampaignResults.mean(before, 1),
        "after", CampaignResults.mean(after, 1), "change", (percent > 0 ? "+" : "") + percent);
  }
}
