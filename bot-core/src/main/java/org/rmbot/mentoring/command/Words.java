package org.rmbot.mentoring.command;

import org.rmbot.mentoring.wording.Catalogue;

import java.util.Optional;

/**
 * A cursor over one line of command text. Words are separated by spaces; a {@code <...>} token
 * (a mention, or Slack markup such as {@code <!channel>}) is always a word of its own; a
 * double-quoted name ("Pilot 2026", also with typographic quotes) is read whole on request.
 */
final class Words {
  private static final Catalogue WORDS = Catalogue.english();
  private final String text;
  private int at;

  private Words(String text) {
    this.text = text;
  }

  /**
   * Tolerant of how people type and paste: any run of spaces, tabs, line breaks or control
   * characters is one space; zero-width spaces and byte-order marks vanish.
   */
  static Words of(String raw) {
    StringBuilder out = new StringBuilder(Math.min(raw.length(), 1 << 16));
    boolean spaced = true;
    for (int i = 0; i < raw.length(); ) {
      int cp = raw.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\u200B' || cp == '\u2060' || cp == '\uFEFF') {
        continue;
      }
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
        if (!spaced) {
          out.append(' ');
          spaced = true;
        }
        continue;
      }
      out.appendCodePoint(cp);
      spaced = false;
    }
    int end = out.length();
    if (end > 0 && out.charAt(end - 1) == ' ') {
      out.setLength(end - 1);
    }
    return new Words(out.toString());
  }

  /** The normalised text, whole. */
  String text() {
    return text;
  }

  boolean atEnd() {
    skipSpaces();
    return at >= text.length();
  }

  /** The next word without moving past it; null at the end. */
  String peek() {
    int saved = at;
    String word = next();
    at = saved;
    return word;
  }

  /** The next word, or whole {@code <...>} token; null at the end. */
  String next() {
    skipSpaces();
    if (at >= text.length()) {
      return null;
    }
    int start = at;
    if (text.charAt(at) == '<') {
      int close = text.indexOf('>', at);
      if (close > 0) {
        at = close + 1;
        return text.substring(start, at);
      }
    }
    at++;
    while (at < text.length() && text.charAt(at) != ' ' && text.charAt(at) != '<') {
      at++;
    }
    return text.substring(start, at);
  }

  /** Everything not read yet; empty at the end. */
  String rest() {
    skipSpaces();
    String rest = text.substring(at);
    at = text.length();
    return rest;
  }

  boolean nextIsQuoted() {
    skipSpaces();
    return at < text.length() && isOpeningQuote(text.charAt(at));
  }

  /** A double-quoted string's content, if one comes next. */
  Optional<String> quoted() {
    if (!nextIsQuoted()) {
      return Optional.empty();
    }
    int close = at + 1;
    while (close < text.length() && !isClosingQuote(text.charAt(close))) {
      close++;
    }
    if (close >= text.length()) {
      throw new NotUnderstood(WORDS.phrase("parse.name.unclosed_quote"));
    }
    String content = text.substring(at + 1, close).strip();
    at = close + 1;
    return Optional.of(content);
  }

  private void skipSpaces() {
    while (at < text.length() && text.charAt(at) == ' ') {
      at++;
    }
  }

  // Phones and Macs turn " into “ or ”, in either order.
  private static boolean isOpeningQuote(char c) {
    return c == '"' || c == '“' || c == '”' || c == '„';
  }

  private static boolean isClosingQuote(char c) {
    return c == '"' || c == '“' || c == '”';
  }
}
