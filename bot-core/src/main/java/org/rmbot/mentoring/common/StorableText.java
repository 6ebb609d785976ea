package org.rmbot.mentoring.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PostgreSQL text cannot hold U+0000: even a query that only compares with it fails. Nobody
 * means to type a NUL, so it is dropped from everything that arrives from chat, before it can
 * turn a harmless request into a database error. So are the control characters the chat model
 * uses as its bold and command marks ({@link MarkCharacters}), so what people write stays text.
 */
public final class StorableText {
  private StorableText() {}

  public static String of(String text) {
    if (text == null) {
      return null;
    }
    String kept = text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    return MarkCharacters.strip(kept);
  }

  public static Map<String, String> of(Map<String, String> values) {
    Map<String, String> clean = new LinkedHashMap<>();
    values.forEach((k, v) -> clean.put(of(k), of(v)));
    return clean;
  }
}
