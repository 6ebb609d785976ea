package org.rmbot.mentoring.slack;

import java.util.List;
import org.rmbot.mentoring.chat.Markup;

/**
 * The core's neutral text as Slack mrkdwn and plain text. Everything the bot shows may contain
 * words people typed (names, topics, reflections), which must show exactly as written:
 *
 * <ul>
 *   <li>{@code &}, {@code <} and {@code >} are always escaped, so a name like {@code <!channel>}
 *       shows as text and notifies nobody (and mrkdwn objects are {@code verbatim}, so Slack
 *       turns nothing in them into a link or a mention);
 *   <li>mrkdwn has no escape character. Slack reads {@code *}, {@code _}, {@code ~} and a
 *       backtick as a mark only next to a word boundary, so each one in the text is put between
 *       two zero-width spaces ({@value #GUARD_NAME}): it shows as itself and can pair with nothing.
 *       A {@code :word:} that Slack would turn into an emoji gets one after its first colon, and a
 *       line starting with {@code >} one before it (no quote);
 *   <li>the core's bold becomes {@code *...*}, line by line, with a zero-width space inside a mark
 *       next to punctuation (Slack ignores a closing mark that follows punctuation); a command
 *       becomes code, {@code `/mentoring join`}, which is how it works in Slack.
 * </ul>
 */
final class SlackText {
  static final char GUARD = '\u200B';
  static final String GUARD_NAME = "U+200B";
  static final String COMMAND_PREFIX = SlackBot.COMMAND + " ";

  private SlackText() {}

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** A neutral text as mrkdwn, all lines. */
  static String mrkdwn(String neutral) {
    return mrkdwn(neutral, true);
  }

  private static String mrkdwn(String neutral, boolean bold) {
    StringBuilder out = new StringBuilder();
    List<List<Markup.Span>> lines = Markup.lines(neutral);
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(mrkdwn(lines.get(i), bold));
    }
    return out.toString();
  }

  /** One line of spans as mrkdwn. */
  static String mrkdwn(List<Markup.Span> line) {
    return mrkdwn(line, true);
  }

  private static String mrkdwn(List<Markup.Span> line, boolean withBold) {
    StringBuilder out = new StringBuilder();
    for (Markup.Span span : line) {
      switch (span.style()) {
        case PLAIN -> out.append(literal(span.text()));
        case BOLD -> {
          if (withBold) {
            bold(out, span.text());
          } else {
            out.append(literal(span.text()));
          }
        }
        case COMMAND -> command(out, span.text());
      }
    }
    if (out.length() >= 4 && out.substring(0, 4).equals("&gt;")) {
      out.insert(0, GUARD);
    }
    return out.toString();
  }

  /** Text that shows as written: escaped, every mark character guarded. */
  static String literal(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '*', '_', '~', '`' -> out.append(GUARD).append(c).append(GUARD);
        case ':' -> {
          out.append(c);
          if (opensEmoji(text, i)) {
            out.append(GUARD);
          }
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code :tada:} at {@code i}: Slack would show an emoji there. */
  private static boolean opensEmoji(String text, int i) {
    int j = i + 1;
    while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || "_+-'".indexOf(text.charAt(j)) >= 0)) {
      j++;
    }
    return j > i + 1 && j < text.length() && text.charAt(j) == ':';
  }

  private static void bold(StringBuilder out, String text) {
    int start = 0;
    int end = text.length();
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    out.append(text, 0, start);
    if (start < end) {
      String inner = literal(text.substring(start, end));
      out.append('*');
      if (!Character.isLetterOrDigit(inner.charAt(0))) {
        out.append(GUARD);
      }
      out.append(inner);
      if (!Character.isLetterOrDigit(inner.charAt(inner.length() - 1))) {
        out.append(GUARD);
      }
      out.append('*');
    }
    out.append(text, end, text.length());
  }

  private static void command(StringBuilder out, String usage) {
    if (usage.indexOf('`') >= 0) {
      out.append(literal(COMMAND_PREFIX + usage)); // a backtick would end the code early
    } else {
      out.append('`').append(escape(COMMAND_PREFIX + usage)).append('`');
    }
  }

  /** Neutral text as plain text (button labels, titles, form labels): commands as typed in Slack. */
  static String plain(String neutral) {
    return Markup.plain(neutral, COMMAND_PREFIX, "", "");
  }

  /** Plain text cut to {@code max}: for labels and titles the bot writes, which Slack limits. */
  static String plain(String neutral, int max) {
    String t = neutral == null || neutral.isBlank() ? " " : plain(neutral);
    if (t.isBlank()) {
      return " ";
    }
    if (t.length() <= max) {
      return t;
    }
    int cut = max - 1;
    if (Character.isHighSurrogate(t.charAt(cut - 1))) {
      cut--;
    }
    return t.substring(0, cut) + "…";
  }

  /**
   * A notification text: mrkdwn without bold (commands as code) cut to {@code max}. Only
   * notifications and screen-reader summaries use it; the blocks carry every word.
   */
  static String notification(String neutral, int max) {
    String text = mrkdwn(neutral, false);
    if (text.isBlank()) {
      return " ";
    }
    if (text.length() <= max) {
      return text;
    }
    int cut = max - 1;
    int amp = text.lastIndexOf('&', cut);
    if (amp >= 0 && text.indexOf(';', amp) >= cut) {
      cut = amp;
    }
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut) + "…";
  }
}
