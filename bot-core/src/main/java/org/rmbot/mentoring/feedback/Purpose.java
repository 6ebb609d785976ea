package org.rmbot.mentoring.feedback;

import org.rmbot.mentoring.common.Coded;
import org.rmbot.mentoring.wording.Catalogue;

/** What a campaign collects: feedback on the program, or the self-assessment before or after it. */
public enum Purpose implements Coded {
  FEEDBACK,
  PRE_SURVEY,
  POST_SURVEY;

  /** How people read it: "feedback", "self-assessment (before)". */
  public String label() {
    return Catalogue.english().phrase("feedback.purpose", "purpose", code());
  }
}
