package org.rmbot.mentoring.reflection;

import java.util.List;

/**
 * Private reflections. There is deliberately no way to list reflections other than by author:
 * a coordinator's code path cannot reach them.
 */
public interface Reflections {
  Reflection write(long authorPersonId, Long pairingId, String text);

  List<Reflection> writtenBy(long authorPersonId);

  /**
   * The author shares one reflection with their partner in the pairing it was written for.
   * False if it is not theirs or belongs to no pairing.
   */
  boolean shareWithPartner(long reflectionId, long authorPersonId);

  /** Reflections the person's partners shared with them (never anyone else's, and never to coordinators). */
  List<Reflection> sharedWith(long personId);
}
