package org.rmbot.mentoring.matching;

/** A pair the coordinator has fixed by hand, by participant id; everything else fits around it. */
public record Pin(long mentorParticipantId, long menteeParticipantId) {

  @Override
  public String toString() {
    return "pin mentor " + mentorParticipantId + " -> mentee " + menteeParticipantId;
  }
}
