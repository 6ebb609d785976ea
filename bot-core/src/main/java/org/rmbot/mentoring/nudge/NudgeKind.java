package org.rmbot.mentoring.nudge;

import java.util.Locale;

/** What a nudge is for; each kind has its own text, timing and dispatch-time conditions. */
public enum NudgeKind {
  /** Both sides meet in a group conversation once the pairing is active. */
  INTRODUCTION,
  /** The senior side is asked to book the first meeting (logistics stay off the junior side). */
  BOOK_FIRST_MEETING,
  /** The mentor gets a short preparation prompt with a topic guide for the program's theme. */
  MENTOR_PREPARATION,
  /** Before a meeting the pair recorded (24 h and 1 h before by default). */
  MEETING_REMINDER,
  /** "Did you meet?" at the end of each cadence window. */
  CHECK_IN,
  /** A private reflection prompt after a confirmed meeting. */
  REFLECTION,
  /** No meeting for two windows: a gentle nudge to both sides. */
  STALLED,
  /** No meeting for three windows: a private alert to the program's coordinators. */
  AT_RISK,
  KICKOFF,
  MIDPOINT,
  /** The program ends: thanks, naming each mentor to their mentee and to the coordinators. */
  CLOSING,
  /** A private proposal to one side of a new pairing, with Accept and Decline. */
  PROPOSAL,
  /** The other side of a declined proposal learns only that it will not go ahead. */
  PROPOSAL_WITHDRAWN,
  /** A coordinator is told that someone asked for help, privately. */
  HELP_REQUEST,
  /** A coordinator asked the bot to nudge someone about their pairing. */
  COORDINATOR_NUDGE,
  /** One person's invitation to an anonymous feedback campaign or survey, with the button that opens the form. */
  FEEDBACK_INVITATION,
  /** Someone a matching round left without a partner: why, in plain words, and what happens next. */
  UNMATCHED;

  /**
   * Whether a program may switch this kind off (its policy's {@code disabled}): the scheduled
   * messages, not consent proposals or what someone asked for (a help request, a coordinator's nudge).
   */
  public boolean switchable() {
    return compareTo(CLOSING) <= 0; // the scheduled kinds come first, in schedule order
  }

  /** Kinds sent while the pairing is still waiting for both answers (or just closed by a decline). */
  boolean aboutConsent() {
    return this == PROPOSAL || this == PROPOSAL_WITHDRAWN;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static NudgeKind fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }
}
