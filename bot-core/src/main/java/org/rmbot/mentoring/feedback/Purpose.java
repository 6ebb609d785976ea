package org.rmbot.mentoring.feedback;

import java.util.Locale;
import org.rmbot.mentoring.wording.Catalogue;

/** What a campaign collects: feedback on the program, or the self-assessment before or after it. */
public enum Purpose {
  FEEDBACK,
  PRE_SURVEY,
  POST_SURVEY;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** How people read it: "feedback", "self-assessment (before)". */
  public String label() {
    return Catalogue.english().phrase("feedback.purpose", "purpose", code());
  }

  public static Purpose fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }
}
