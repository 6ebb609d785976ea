package org.rmbot.mentoring.feedback;

import java.util.Locale;

/** What a campaign collects: feedback on the program, or the self-assessment before or after it. */
public enum Purpose {
  FEEDBACK("feedback"),
  PRE_SURVEY("self-assessment (before)"),
  POST_SURVEY("self-assessment (after)");

  private final String label;

  Purpose(String label) {
    this.label = label;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** How people read it: "feedback", "self-assessment (before)". */
  public String label() {
    return label;
  }

  public static Purpose fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }
}
