package org.rmbot.mentoring.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rmbot.mentoring.feedback.CampaignResults;
import org.rmbot.mentoring.feedback.SurveyChange;

/**
 * Everything the {@code report} command shows about a program: counts and means only. Anonymous
 * answers appear only as the k-thresholded {@link CampaignResults} and {@link SurveyChange}s.
 *
 * @param enrolled participants by role (mentor, mentee) who have not left
 * @param left participants who left the program
 * @param matched participants in a pairing both sides accepted
 * @param activity what the program has done, each figure defined once ({@link ProgramActivity})
 * @param pairingsByState pairings by their current state
 * @param windowsElapsed cadence windows lived by the pairings both accepted, to date
 * @param atRisk active pairs with no confirmed meeting for three windows, now
 * @param weeks one point per week: meetings held that week (when they happened) and pairs at risk at its end
 * @param helpRequests all help requests (counts only)
 * @param openHelpRequests help requests not yet resolved
 * @param nudgesByState the program's ledger rows by state
 * @param feedback the latest released feedback campaign, if any
 * @param surveyChanges the self-assessment before and after, where both reached k
 */
public record ProgramReport(
    String programName,
    String theme,
    String state,
    LocalDate asOf,
    Map<String, Integer> enrolled,
    int left,
    int matched,
    ProgramActivity activity,
    Map<String, Integer> pairingsByState,
    int windowsElapsed,
    int atRisk,
    List<Week> weeks,
    int helpRequests,
    int openHelpRequests,
    Map<String, Integer> nudgesByState,
    Optional<CampaignResults> feedback,
    List<SurveyChange> surveyChanges) {

  /**
   * A week starting on Monday {@code start}: the meetings held in it, each dated by the meeting
   * the pair booked in its window (or, with none booked, by their "we met"), and the pairs at
   * risk at its end.
   */
  public record Week(LocalDate start, int meetingsHeld, int pairsAtRisk) {}

  public int enrolledTotal() {
    return enrolled.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Matched participants out of those enrolled, 0 to 1. */
  public double matchRate() {
    return enrolledTotal() == 0 ? 0 : (double) matched / enrolledTotal();
  }

  public int activePairs() {
    return pairingsByState.getOrDefault("active", 0);
  }

  /** Meetings held per pair both accepted. */
  public double meetingsPerPair() {
    return activity.pairsAccepted() == 0 ? 0 : (double) activity.meetingsHeld() / activity.pairsAccepted();
  }

  /** Meetings held per pair per cadence window, 0 to 1: how often pairs meet as planned. */
  public double meetingsPerWindow() {
    return windowsElapsed == 0 ? 0 : (double) activity.meetingsHeld() / windowsElapsed;
  }
}
