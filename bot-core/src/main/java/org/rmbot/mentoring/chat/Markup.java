package org.rmbot.mentoring.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.rmbot.mentoring.common.MarkCharacters;

/**
 * The inline marks of the neutral text in a {@link ChatMessage}: bold, and a reference to a
 * command. Every other character is text, shown exactly as written, so names and words people
 * typed need no escaping: a name like {@code *Pilot* & _2026_} is text on every platform.
 *
 * <p>The marks are control characters nobody types (and that {@link
 * org.rmbot.mentoring.common.StorableText} drops from everything that arrives), so text people
 * wrote can never open or close one. Build them with {@link #bold} and {@link #command}; each
 * adapter reads them with {@link #lines} and renders them its way (a command is
 * {@code /mentoring join} in Slack, {@code join} in a Teams chat).
 */
public final class Markup {
  static final char BOLD_ON = MarkCharacters.BOLD_ON;
  static final char BOLD_OFF = MarkCharacters.BOLD_OFF;
  static final char COMMAND_ON = MarkCharacters.COMMAND_ON;
  static final char COMMAND_OFF = MarkCharacters.COMMAND_OFF;

  private Markup() {}

  /** How a piece of text is shown. */
  public enum Style {
    PLAIN,
    BOLD,
    /** A command as the person types it, without the platform's prefix: {@code help snooze}. */
    COMMAND
  }

  /** A run of text in one style, without line breaks. */
  public record Span(String text, Style style) {}

  /** {@code text} in bold (any marks inside it are dropped). */
  public static String bold(String text) {
    return BOLD_ON + strip(text) + BOLD_OFF;
  }

  /** A reference to a command, such as {@code join} or {@code help-requests done 12}. */
  public static String command(String usage) {
    return COMMAND_ON + strip(usage) + COMMAND_OFF;
  }

  /** Text without any marks: what people wrote can never hold one. */
  public static String strip(String text) {
    return MarkCharacters.strip(text);
  }

  static boolean isMark(char c) {
    return MarkCharacters.isMark(c);
  }

  /**
   * The text as lines of styled spans, in order. A bold or command mark left open ends with
   * its line; empty spans are left out, so an empty line is an empty list.
   */
  public static List<List<Span>> lines(String neutral) {
    List<List<Span>> lines = new ArrayList<>();
    List<Span> line = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    boolean bold = false;
    boolean command = false;
    String text = neutral == null ? "" : neutral.replace("\r\n", "\n").replace('\r', '\n');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      Style style = command ? Style.COMMAND : bold ? Style.BOLD : Style.PLAIN;
      if (isMark(c) || c == '\n') {
        if (run.length() > 0) {
          line.add(new Span(run.toString(), style));
          run.setLength(0);
        }
        switch (c) {
          case BOLD_ON -> bold = true;
          case BOLD_OFF -> bold = false;
          case COMMAND_ON -> command = true;
          case COMMAND_OFF -> command = false;
          default -> {
            lines.add(line);
            line = new ArrayList<>();
            command = false;
          }
        }
      } else {
        run.append(c);
      }
    }
    if (run.length() > 0) {
      line.add(new Span(run.toString(), command ? Style.COMMAND : bold ? Style.BOLD : Style.PLAIN));
    }
    lines.add(line);
    return lines;
  }

  /**
   * The text as plain words, commands written with {@code prefix} before them (for example
   * {@code "/mentoring "}) and in the given quotes: for plain-text places such as a notification,
   * a form label or a button.
   */
  public static String plain(String neutral, String prefix, String open, String close) {
    StringBuilder out = new StringBuilder();
    List<List<Span>> lines = lines(neutral);
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        out.append('\n');
      }
      for (Span span : lines.get(i)) {
        out.append(span.style() == Style.COMMAND ? open + prefix + span.text() + close : span.text());
      }
    }
    return out.toString();
  }

  /** Plain words with commands as typed in a chat with the bot; for logs and tests. */
  public static String plain(String neutral) {
    return plain(neutral, "", "", "");
  }

  /**
   * A line cut into pieces each no longer than {@code max} by {@code length} (the platform's own
   * measure, escaping included), between words where it can, else between characters. Nothing
   * is left out: the pieces, put one after another, are the line. A piece is measured as the sum
   * of its words measured alone, which is never less than the piece measured whole (a platform's
   * marks around a run count once for the run, once per word in the sum), so every piece fits.
   */
  public static List<List<Span>> pieces(List<Span> line, int max, ToIntFunction<List<Span>> length) {
    List<List<Span>> out = new ArrayList<>();
    List<Span> current = new ArrayList<>();
    int size = 0;
    for (Span word : words(line)) {
      int measured = length.applyAsInt(List.of(word));
      if (size + measured <= max) {
        current = joined(current, word);
        size += measured;
        continue;
      }
      if (!current.isEmpty()) {
        out.add(current);
      }
      current = new ArrayList<>();
      size = 0;
      if (measured <= max) {
        current.add(word);
        size = measured;
        continue;
      }
      // one word longer than a piece: cut it between characters, never inside a surrogate pair
      StringBuilder part = new StringBuilder();
      String text = word.text();
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        i += Character.charCount(cp);
        int one = length.applyAsInt(List.of(new Span(new String(Character.toChars(cp)), word.style())));
        if (part.length() > 0 && size + one > max) {
          out.add(List.of(new Span(part.toString(), word.style())));
          part.setLength(0);
          size = 0;
        }
        part.appendCodePoint(cp);
        size += one;
      }
      current.add(new Span(part.toString(), word.style()));
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }

  /** Each span's words, each with the spaces after it, in order; a command stays whole. */
  private static List<Span> words(List<Span> line) {
    List<Span> words = new ArrayList<>();
    for (Span span : line) {
      if (span.style() == Style.COMMAND) {
        words.add(span);
        continue;
      }
      for (String word : span.text().split("(?<=\\s)(?=\\S)")) {
        if (!word.isEmpty()) {
          words.add(new Span(word, span.style()));
        }
      }
    }
    return words;
  }

  private static List<Span> joined(List<Span> spans, Span word) {
    List<Span> out = new ArrayList<>(spans);
    if (!out.isEmpty() && out.get(out.size() - 1).style() == word.style()) {
      Span last = out.remove(out.size() - 1);
      out.add(new Span(last.text() + word.text(), word.style()));
    } else {
      out.add(word);
    }
    return out;
  }

  /** A readable form for tests and logs: {@code *bold*} and {@code `command`}. */
  public static String readable(String neutral) {
    if (neutral == null) {
      return null;
    }
    return neutral.replace(BOLD_ON, '*').replace(BOLD_OFF, '*').replace(COMMAND_ON, '`').replace(COMMAND_OFF, '`');
  }
}
