package org.rmbot.mentoring.slack;

/**
 * Makes text safe for Slack mrkdwn and within Block Kit's length limits. Everything the bot
 * shows may contain words people typed (names, topics, reflections), so {@code &}, {@code <} and
 * {@code >} are always escaped: a name like {@code <!channel>} then shows as text and notifies
 * nobody.
 */
final class SlackText {
  private SlackText() {}

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Escaped, then cut to {@code max} characters with an ellipsis, never splitting an entity. */
  static String fit(String text, int max) {
    String escaped = escape(text == null ? "" : text);
    if (escaped.length() <= max) {
      return escaped.isEmpty() ? " " : escaped;
    }
    int cut = max - 1;
    int amp = escaped.lastIndexOf('&', cut);
    if (amp >= 0 && escaped.indexOf(';', amp) >= cut) {
      cut = amp;
    }
    if (Character.isHighSurrogate(escaped.charAt(cut - 1))) {
      cut--;
    }
    return escaped.substring(0, cut) + "…";
  }

  /** Plain text (no markup) cut to {@code max}: for button labels, titles, option text. */
  static String plain(String text, int max) {
    String t = text == null || text.isBlank() ? " " : text;
    if (t.length() <= max) {
      return t;
    }
    int cut = max - 1;
    if (Character.isHighSurrogate(t.charAt(cut - 1))) {
      cut--;
    }
    return t.substring(0, cut) + "…";
  }
}
