package org.rmbot.mentoring.reflection;

import java.util.List;

/**
 * Private reflections. There is deliberately no way to list reflections other than by author:
 * a coordinator's code path cannot reach them.
 */
public interface Reflections {
  Reflection write(long authorPersonId, Long pairingId, String text);

  List<Reflection> writtenBy(long authorPersonId);
}
