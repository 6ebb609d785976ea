package org.rmbot.mentoring.infra.demo;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.rmbot.mentoring.infra.demo.Cast.Member;

/**
 * The demo's output: one dated line for everything someone saw or did, in the local time of the
 * person it concerns ({@code <} the bot to them, {@code >} them to the bot), and the progress
 * lines. {@code quiet} keeps only progress lines and the summary.
 */
final class Transcript {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE dd MMM HH:mm", Locale.ENGLISH);
  private static final int NAME_WIDTH = 16;
  private static final int CITY_WIDTH = 9;
  /** Continuation lines start under the text of the line above. */
  private static final String INDENT = " ".repeat(16 + 1 + CITY_WIDTH + 1 + NAME_WIDTH + 1 + 2);

  private final PrintWriter out;
  private final boolean quiet;

  Transcript(PrintWriter out, boolean quiet) {
    this.out = out;
    this.quiet = quiet;
  }

  /** What the bot showed: {@code who} saw it (two people for a group conversation). */
  void shown(Instant at, List<Member> who, String headline, List<String> details) {
    line(at, who, "<", headline);
    details.forEach(d -> detail(d));
  }

  /** What a person did: a command, a click, a form. */
  void did(Instant at, Member who, String action) {
    line(at, List.of(who), ">", action);
  }

  /** Something done outside chat, such as the coordinator's CSV import at the command line. */
  void shell(Instant at, Member who, String command, List<String> output) {
    line(at, List.of(who), "$", command);
    output.forEach(this::detail);
  }

  /** A note from the demo itself (a scene change, a file written), not something anyone saw. */
  void note(Instant at, Member where, String text) {
    if (!quiet) {
      out.println(when(at, where) + " ** " + text);
    }
  }

  /** Always printed: progress and summary lines. */
  void always(String text) {
    out.println(text);
    out.flush();
  }

  void blank() {
    if (!quiet) {
      out.println();
    }
  }

  private void line(Instant at, List<Member> who, String arrow, String text) {
    if (quiet) {
      return;
    }
    Member first = who.get(0);
    String names = String.join(" & ", who.stream().map(Member::name).toList());
    out.println(when(at, first) + " " + pad(names, NAME_WIDTH) + " " + arrow + " " + text);
  }

  private void detail(String text) {
    if (!quiet) {
      out.println(INDENT + text);
    }
  }

  private static String when(Instant at, Member where) {
    return WHEN.format(at.atZone(where.zone())) + " " + pad(where.city(), CITY_WIDTH);
  }

  /** At most {@code max} characters, with an ellipsis if cut. */
  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1).stripTrailing() + "…";
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
