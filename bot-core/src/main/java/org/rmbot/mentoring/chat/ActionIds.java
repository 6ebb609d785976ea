package org.rmbot.mentoring.chat;

/**
 * Button action ids shared by the messages the core builds and the handlers that receive the
 * clicks. Values are references (a pairing id, a window), never authority.
 */
public final class ActionIds {
  private ActionIds() {}

  public static final String PROPOSAL_ACCEPT = "proposal.accept";
  public static final String PROPOSAL_DECLINE = "proposal.decline";
  /** Value: {@code pairingId|yyyy-MM-dd} (the cadence window's first day). */
  public static final String CHECK_IN_MET = "check_in.met";
  public static final String CHECK_IN_NOT_YET = "check_in.not_yet";
  public static final String CHECK_IN_RESCHEDULED = "check_in.rescheduled";
  public static final String BOOK_MEETING = "meeting.book";
  public static final String WRITE_REFLECTION = "reflection.write";
  public static final String SNOOZE = "participant.snooze";
  /** Value: the reflection id. */
  public static final String SHARE_REFLECTION = "reflection.share";

  /** Form callback ids (prefix + a pairing or program id). */
  public static final String BOOKING_FORM = "booking:";
  public static final String REFLECTION_FORM = "reflection:";
}
