package org.rmbot.mentoring.common;

import java.util.Locale;

/**
 * An enum stored and written as its lower-case name: ACCEPTED_BY_MENTOR is "accepted_by_mentor".
 * Reading a code back ignores case and surrounding spaces.
 */
public interface Coded {
  String name();

  default String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static <E extends Enum<E>> E fromCode(Class<E> type, String code) {
    return Enum.valueOf(type, code.trim().toUpperCase(Locale.ROOT));
  }
}
