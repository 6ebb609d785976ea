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
 * @param proposed pairings ever proposed
 * @param accepted pairings both sides accepted
 * @param declined pairings one side declined
 * @param pairingsByState pairings by their current state
 * @param confirmedMeetings distinct (pairing, window) with a "we met" answer
 * @param pairsEverActive pairings that became active
 * @param windowsElapsed cadence windows lived by those pairings, to date
 * @param atRisk active pairs with no confirmed meeting for three windows, now
 * @param weeks one point per week: meetings confirmed that week and pairs at risk at its end
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
    int proposed,
    int accepted,
    int declined,
    Map<String, Integer> pairingsByState,
    int confirmedMeetings,
    int pairsEverActive,
    int windowsElapsed,
    int atRisk,
    List<Week> weeks,
    int helpRequests,
    int openHelpRequests,
    Map<String, Integer> nudgesByState,
    Optional<CampaignResults> feedback,
    List<SurveyChange> surveyChanges) {

  /** A week starting on Monday {@code start}. */
  public record Week(LocalDate start, int meetingsConfirmed, int pairsAtRisk) {}

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

  public double meetingsPerPair() {
    return pairsEverActive == 0 ? 0 : (double) confirmedMeetings / pairsEverActive;
  }

  /** Confirmed meetings per pair per cadence window, 0 to 1: how often pairs meet as planned. */
  public double meetingsPerWindow() {
    return windowsElapsed == 0 ? 0 : (double) confirmedMeetings / windowsElapsed;
  }
}
