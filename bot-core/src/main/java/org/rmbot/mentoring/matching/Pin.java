package org.rmbot.mentoring.matching;

import org.rmbot.mentoring.wording.Catalogue;

/** A pair the coordinator has fixed by hand, by participant id; everything else fits around it. */
public record Pin(long mentorParticipantId, long menteeParticipantId) {

  @Override
  public String toString() {
    return Catalogue.english().phrase("matching.pin",
        "mentor", String.valueOf(mentorParticipantId), "mentee", String.valueOf(menteeParticipantId));
  }
}
