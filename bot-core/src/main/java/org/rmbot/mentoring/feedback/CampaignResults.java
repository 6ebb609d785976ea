package org.rmbot.mentoring.feedback;

import java.util.List;
import java.util.Map;

/**
 * What coordinators may see of one campaign, already cut to the anonymity threshold k: nothing
 * while it collects; nothing but the count if fewer than k answered; otherwise each question's
 * mean and spread (a question answered by fewer than k shows neither), the same by role only
 * when every role group has at least k answers, and comments only when more than k answered,
 * shuffled.
 */
public record CampaignResults(
    Campaign campaign,
    Visibility visibility,
    List<QuestionResult> questions,
    Map<String, List<QuestionResult>> byRole,
    List<Comments> comments) {

  public enum Visibility {
    COLLECTING,
    TOO_FEW,
    SHOWN
  }

  /**
   * @param mean null when fewer than k answered this question
   * @param counts how many chose 1, 2, 3, 4 and 5; empty when fewer than k answered it
   */
  public record QuestionResult(String questionId, String text, int answered, Double mean, List<Integer> counts) {
    public boolean shown() {
      return mean != null;
    }
  }

  public record Comments(String questionId, String text, List<String> answers) {}

  public CampaignResults {
    questions = List.copyOf(questions);
    // by role name, so results read the same each time (Map.copyOf iterates in an order that varies per run)
    byRole = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byRole));
    comments = List.copyOf(comments);
  }

  public boolean byRoleShown() {
    return !byRole.isEmpty();
  }

  public boolean commentsShown() {
    return !comments.isEmpty();
  }
}
