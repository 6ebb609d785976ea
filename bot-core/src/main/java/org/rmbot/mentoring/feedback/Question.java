package org.rmbot.mentoring.feedback;

import java.util.regex.Pattern;

/**
 * One question of a {@link FeedbackForm}. Question text may say {@code {theme}}, which becomes
 * the program's theme when the form is shown.
 */
public sealed interface Question {
  Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,39}");
  int MAX_TEXT = 300;

  String id();

  String text();

  boolean optional();

  default String textFor(String theme) {
    return text().replace("{theme}", theme);
  }

  /** A 1 to 5 rating; {@code low} and {@code high} are the words at each end. */
  record Scale(String id, String text, String low, String high, boolean optional) implements Question {
    public Scale {
      check(id, text);
      if (low == null || low.isBlank() || high == null || high.isBlank() || low.length() > 40 || high.length() > 40) {
        throw new IllegalArgumentException("question " + id + ": the words at each end of the scale need 1 to 40 characters");
      }
    }
  }

  /** Free text, at most {@code maxLength} characters (at most {@link FeedbackForm#MAX_TEXT_ANSWER}). */
  record Text(String id, String text, int maxLength, boolean optional) implements Question {
    public Text {
      check(id, text);
      if (maxLength < 1 || maxLength > FeedbackForm.MAX_TEXT_ANSWER) {
        throw new IllegalArgumentException("question " + id + ": a text answer may be 1 to "
            + FeedbackForm.MAX_TEXT_ANSWER + " characters long");
      }
    }
  }

  private static void check(String id, String text) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a question id is a lower-case word of letters, digits and _ (got " + id + ")");
    }
    if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("question " + id + ": the question needs 1 to " + MAX_TEXT + " characters");
    }
  }
}
