package org.rmbot.mentoring.feedback;

/** Each program's forms, as data; a program without its own form for a purpose uses the default. */
public interface FeedbackForms {
  FeedbackForm formFor(long programId, Purpose purpose);

  /** Replaces the program's form for this purpose; campaigns already open keep the form they opened with. */
  void save(long programId, Purpose purpose, FeedbackForm form);

  /** Back to the default form. */
  void reset(long programId, Purpose purpose);
}
