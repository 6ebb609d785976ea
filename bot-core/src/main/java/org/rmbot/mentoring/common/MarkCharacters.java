package org.rmbot.mentoring.common;

/**
 * The control characters the chat model uses as its inline marks (bold, command). They live
 * here, below the chat model, because text is cleaned of them ({@link StorableText}) before
 * anything else sees it; {@code chat.Markup} builds and reads them.
 */
public final class MarkCharacters {
  public static final char BOLD_ON = '\u0002';
  public static final char BOLD_OFF = '\u0003';
  public static final char COMMAND_ON = '\u0011';
  public static final char COMMAND_OFF = '\u0012';

  private MarkCharacters() {}

  public static boolean isMark(char c) {
    return c == BOLD_ON || c == BOLD_OFF || c == COMMAND_ON || c == COMMAND_OFF;
  }

  /** Text without any marks: what people wrote can never hold one. */
  public static String strip(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isMark(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
