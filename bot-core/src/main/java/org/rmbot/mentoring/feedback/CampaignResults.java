package org.rmbot.mentoring.feedback;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * What may be shown of one campaign, and nothing more: {@link Tally} decides it once, and every
 * view (the {@code feedback results} reply, the report message, the CSV, the self-assessment
 * change, the demo's summary) shows only figures found here. Nothing while it collects; only the
 * count if fewer than k answered; otherwise, per question, the counts of each answer (and so the
 * mean) for everyone who answered it, and the same per role, each only where {@link Tally}'s rules
 * let no group of fewer than k be worked out from all of them together.
 *
 * @param answeredByRole how many of each role answered; empty unless some question is shown by role
 * @param byRoleWithheld why no question is shown by role; null when some is
 */
public record CampaignResults(
    Campaign campaign,
    Visibility visibility,
    Map<String, Integer> answeredByRole,
    Withheld byRoleWithheld,
    List<QuestionResult> questions,
    List<Comments> comments) {
  private static final Catalogue WORDS = Catalogue.english();

  public enum Visibility {
    COLLECTING,
    TOO_FEW,
    SHOWN
  }

  /** Why a figure is not shown. */
  public enum Withheld {
    /** fewer than k answered it (or, for roles, fewer than k of some role answered) */
    FEW_ANSWERED,
    /** it would let someone work out how people answered: a few skipped it, or everyone in a group gave one answer */
    COULD_REVEAL;

    /** Why, in words that follow "hidden, ": the same words for every reason that could itself give something away. */
    public String reason(int k) {
      return this == FEW_ANSWERED ? WORDS.phrase("feedback.withheld.few_answered", "k", String.valueOf(k))
          : WORDS.phrase("feedback.withheld.could_reveal");
    }

    /** Why results by role are not shown, in words that follow "hidden, ". */
    public String byRoleReason(int k) {
      return this == FEW_ANSWERED ? WORDS.phrase("feedback.withheld.by_role_few_answered", "k", String.valueOf(k)) : reason(k);
    }
  }

  /** How many chose 1, 2, 3, 4 and 5 for one question in one group. */
  public record Distribution(List<Integer> counts) {
    public Distribution {
      counts = List.copyOf(counts);
      if (counts.size() != 5) {
        throw new IllegalArgumentException("a distribution has a count for each of 1 to 5");
      }
    }

    public int answered() {
      return counts.stream().mapToInt(Integer::intValue).sum();
    }

    public double mean() {
      int sum = 0;
      for (int v = 1; v <= 5; v++) {
        sum += v * counts.get(v - 1);
      }
      return (double) sum / answered();
    }

    /** Whether every answer is the same value (so each person's answer would be known). */
    public boolean allAlike() {
      return counts.stream().filter(n -> n > 0).count() <= 1;
    }

    /** As views word it: "3.6 / 5", with "from 30 answers" when fewer than {@code everyone} in the group answered. */
    public String words(int everyone) {
      String mean = CampaignResults.mean(mean(), 1);
      return answered() == everyone ? WORDS.phrase("feedback.figure.mean", "mean", mean)
          : WORDS.phrase("feedback.figure.mean_of_some", "mean", mean, "answered", String.valueOf(answered()));
    }

    /** How many chose {@code value} (1 to 5). */
    public int chose(int value) {
      return counts.get(value - 1);
    }
  }

  /**
   * One scale question.
   *
   * @param overall everyone who answered it; null when withheld
   * @param withheld why {@code overall} is not shown; null when it is
   * @param byRole per role, in the order mentor, mentee; empty when not shown
   * @param byRoleWithheld why {@code byRole} is not shown for this question while it is for others; else null
   */
  public record QuestionResult(String questionId, String text, Distribution overall, Withheld withheld,
      Map<String, Distribution> byRole, Withheld byRoleWithheld) {
    public QuestionResult {
      byRole = Collections.unmodifiableMap(new LinkedHashMap<>(byRole));
    }

    public boolean shown() {
      return overall != null;
    }
  }

  public record Comments(String questionId, String text, List<String> answers) {}

  public CampaignResults {
    answeredByRole = Collections.unmodifiableMap(new LinkedHashMap<>(answeredByRole));
    questions = List.copyOf(questions);
    comments = List.copyOf(comments);
  }

  public boolean byRoleShown() {
    return !answeredByRole.isEmpty();
  }

  public boolean commentsShown() {
    return !comments.isEmpty();
  }

  /** The roles shown, mentors first: the order every view lists them in. */
  public List<String> roles() {
    return List.copyOf(answeredByRole.keySet());
  }

  /**
   * A mean as views print it. Only a group that all chose 1 (or 5) has a mean of 1 (or 5), and
   * such a group is never shown; so a mean that merely rounds to 1 or 5 is printed one step
   * inside, and no shown figure reads as if everyone gave the same answer.
   */
  public static String mean(double mean, int decimals) {
    double scale = Math.pow(10, decimals);
    double rounded = Math.round(mean * scale) / scale;
    if (mean > 1 && rounded <= 1) {
      rounded = 1 + 1 / scale;
    } else if (mean < 5 && rounded >= 5) {
      rounded = 5 - 1 / scale;
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", rounded);
  }
}
