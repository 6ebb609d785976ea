package org.rmbot.mentoring.pairing;

/**
 * Who organises a pairing's meetings (sends the invite, suggests the agenda): the senior side,
 * which in a reverse program is the mentee. Logistics never fall on the junior mentor; every
 * message that asks someone to book asks this person, and only them.
 */
public final class Organiser {
  private Organiser() {}

  /** Whether the mentor organises: only when the mentor is the more senior of the two. */
  public static boolean isMentor(int mentorGrade, int menteeGrade) {
    return mentorGrade > menteeGrade;
  }
}
