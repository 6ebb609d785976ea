package org.rmbot.mentoring.feedback;

/**
 * Opens a program's feedback campaign (the forms, anonymity and results come with the feedback
 * feature). The nudge schedule calls it at the program's midpoint and at its close.
 */
public interface FeedbackCampaigns {

  enum Kind {
    MIDPOINT,
    CLOSING
  }

  void open(long programId, Kind kind);
}
