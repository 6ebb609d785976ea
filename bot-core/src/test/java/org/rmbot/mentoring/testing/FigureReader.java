package org.rmbot.mentoring.testing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.testing.FigureAttacker.Figure;
import org.rmbot.mentoring.testing.FigureAttacker.Kind;

/**
 * Reads the anonymous figures out of what the bot shows, as a person would: the
 * {@code feedback results} reply, the report message and the report's CSV. Campaigns are named
 * by their purpose as the views word it ("feedback", "self-assessment (before)"). A line of a
 * results section with a number this reader does not understand is reported as unread, so a new
 * figure cannot slip past the attacker.
 */
public final class FigureReader {
  public static final String BEFORE = "self-assessment (before)";
  public static final String AFTER = "self-assessment (after)";

  private static final String MEAN = "(?<mean>\\d\\.\\d)";
  private static final String FROM = "(?: from (?<from>\\d+) answers)?";
  private static final Pattern TITLE =
      Pattern.compile("\\*(.+?)\\*, closed at (?:the end of )?[A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2}(?:, \\d{2}:\\d{2})? \\(your time\\): (\\d+) of \\d+ invited answered(.*)");
  private static final Pattern SHOWN = Pattern.compile(MEAN + " / 5" + FROM
      + " \\(1: (\\d+) · 2: (\\d+) · 3: (\\d+) · 4: (\\d+) · 5: (\\d+)\\)");
  private static final Pattern BY_ROLE = Pattern.compile("\\*By role\\* \\((.+) answered\\)");
  private static final Pattern ROLE_COUNT = Pattern.compile("(\\d+) (mentor|mentee)s");
  private static final Pattern ROLE_MEAN = Pattern.compile("(mentor|mentee)s " + MEAN + " / 5" + FROM);
  private static final Pattern CHANGE = Pattern.compile("• (.+) (\\d\\.\\d) → (\\d\\.\\d) \\([+-]?\\d+%\\)");
  private static final Pattern REPORT_ANSWERED = Pattern.compile("(\\d+) answered(?: \\(of \\d+ invited(?:: [^)]*)?\\)\\.|, fewer than \\d+: .*)");
  private static final Pattern REPORT_SHOWN = Pattern.compile(MEAN + " / 5" + FROM);
  private static final Pattern CSV_GROUP = Pattern.compile("(answered|mean|chose ([1-5]))(?:, (mentor|mentee))?");
  /** Words that hold a number but no figure: the threshold k, and the closing day. */
  private static final Pattern NOT_A_FIGURE =
      Pattern.compile("(at least|fewer than|more than) \\d+|[A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2}|1 to 5|/ 5|\\d+ invited");

  private final FigureAttacker.Campaign[] campaigns;
  private final List<Figure> figures = new ArrayList<>();
  private final List<String> unread = new ArrayList<>();

  /** @param campaigns the campaigns the views may show, for their questions' words */
  public FigureReader(FigureAttacker.Campaign... campaigns) {
    this.campaigns = campaigns;
  }

  public List<Figure> figures() {
    return figures;
  }

  /** Lines with a number that are not a figure this reader knows. */
  public List<String> unread() {
    return unread;
  }

  /** The blocks of a {@code feedback results} reply. */
  public FigureReader chat(List<Block> blocks) {
    String campaign = null;
    for (Block b : blocks) {
      // as people read it: bold as *bold*, commands in backticks
      String text = Markup.readable(b instanceof Block.Section s ? s.text() : b instanceof Block.Context c ? c.text() : "");
      List<String> lines = text.lines().toList();
      if (lines.isEmpty()) {
        continue;
      }
      Matcher title = TITLE.matcher(lines.get(0));
      Matcher byRole = BY_ROLE.matcher(lines.get(0));
      if (title.matches()) {
        campaign = decapitalise(title.group(1));
        figure(campaign, null, null, Kind.RESPONDENTS, 0, title.group(2), 0, "chat: " + lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
          String[] q = question(campaign, line);
          Matcher m = q == null ? null : SHOWN.matcher(q[1]);
          if (m != null && m.matches()) {
            mean(campaign, q[0], null, m, 0.1, "chat: " + line);
            for (int v = 1; v <= 5; v++) {
              figure(campaign, q[0], null, Kind.CHOSE, v, m.group(2 + v), 0, "chat: " + line);
            }
          } else {
            notAFigure(line);
          }
        }
      } else if (byRole.matches() && campaign != null) {
        Matcher n = ROLE_COUNT.matcher(byRole.group(1));
        while (n.find()) {
          figure(campaign, null, n.group(2), Kind.RESPONDENTS, 0, n.group(1), 0, "chat: " + lines.get(0));
        }
        notAFigure(ROLE_COUNT.matcher(byRole.group(1)).replaceAll(""));
        for (String line : lines.subList(1, lines.size())) {
          String[] q = question(campaign, line);
          if (q == null) {
            notAFigure(line);
            continue;
          }
          for (String part : q[1].split(", ")) {
            Matcher m = ROLE_MEAN.matcher(part);
            if (m.matches()) {
              mean(campaign, q[0], m.group(1), m, 0.1, "chat: " + line);
            } else {
              notAFigure(part);
            }
          }
        }
      } else if (lines.get(0).startsWith("*Change from before to after*")) {
        lines.subList(1, lines.size()).forEach(l -> change(l, 0.1, "chat"));
      } else if (!lines.get(0).contains("(in random order)")) {
        lines.forEach(this::notAFigure);
      }
    }
    return this;
  }

  /** The blocks of the report message. */
  public FigureReader report(List<Block> blocks) {
    for (Block b : blocks) {
      if (!(b instanceof Block.Section s)) {
        continue;
      }
      List<String> lines = Markup.readable(s.text()).lines().toList();
      if (lines.get(0).equals("*Feedback*")) {
        for (String line : lines.subList(1, lines.size())) {
          Matcher n = REPORT_ANSWERED.matcher(line);
          String[] q = question("feedback", line);
          Matcher m = q == null ? null : REPORT_SHOWN.matcher(q[1]);
          if (n.matches()) {
            figure("feedback", null, null, Kind.RESPONDENTS, 0, n.group(1), 0, "report: " + line);
          } else if (m != null && m.matches()) {
            mean("feedback", q[0], null, m, 0.1, "report: " + line);
          } else {
            notAFigure(line);
          }
        }
      } else if (lines.get(0).equals("*Self-assessment, before and after*")) {
        lines.subList(1, lines.size()).forEach(l -> change(l, 0.1, "report"));
      }
    }
    return this;
  }

  /** The report's CSV ({@code section,metric,group,value}). */
  public FigureReader csv(byte[] content) {
    List<CSVRecord> rows;
    try {
      rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
          .parse(new StringReader(new String(content, StandardCharsets.UTF_8))).getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (CSVRecord r : rows) {
      String where = "csv: " + String.join(",", r.toList());
      String group = r.get("group");
      String value = r.get("value");
      switch (r.get("section")) {
        case "feedback" -> {
          Matcher g = CSV_GROUP.matcher(group);
          if (r.get("metric").equals("answers")) {
            figure("feedback", null, group.isEmpty() ? null : group, Kind.RESPONDENTS, 0, value, 0, where);
          } else if (r.get("metric").equals("shown") || value.startsWith("hidden")) {
            notAFigure(value);
          } else if (g.matches()) {
            Kind kind = g.group(2) != null ? Kind.CHOSE : g.group(1).equals("mean") ? Kind.MEAN : Kind.ANSWERED;
            figure("feedback", r.get("metric"), g.group(3), kind, g.group(2) == null ? 0 : Integer.parseInt(g.group(2)), value,
                0.01, where);
          } else {
            unread.add(where);
          }
        }
        case "self-assessment" -> {
          switch (group) {
            case "answered before" -> figure(BEFORE, r.get("metric"), null, Kind.ANSWERED, 0, value, 0, where);
            case "mean before" -> figure(BEFORE, r.get("metric"), null, Kind.MEAN, 0, value, 0.01, where);
            case "answered after" -> figure(AFTER, r.get("metric"), null, Kind.ANSWERED, 0, value, 0, where);
            case "mean after" -> figure(AFTER, r.get("metric"), null, Kind.MEAN, 0, value, 0.01, where);
            case "change %" -> { } // follows from the two means
            default -> unread.add(where);
          }
        }
        default -> { } // program figures, not from anonymous answers
      }
    }
    return this;
  }

  private void change(String line, double tolerance, String view) {
    Matcher c = CHANGE.matcher(line);
    if (c.matches()) {
      figure(BEFORE, c.group(1), null, Kind.MEAN, 0, c.group(2), tolerance, view + ": " + line);
      figure(AFTER, c.group(1), null, Kind.MEAN, 0, c.group(3), tolerance, view + ": " + line);
    } else {
      notAFigure(line);
    }
  }

  /** A mean, and the count beside it if the view shows one. */
  private void mean(String campaign, String question, String role, Matcher m, double tolerance, String where) {
    figure(campaign, question, role, Kind.MEAN, 0, m.group("mean"), tolerance, where);
    if (m.group("from") != null) {
      figure(campaign, question, role, Kind.ANSWERED, 0, m.group("from"), 0, where);
    }
  }

  /** The question a line "• text: rest" is about, and the rest; null if it names none of the campaign's questions. */
  private String[] question(String campaign, String line) {
    for (FigureAttacker.Question q : campaign(campaign).scales()) {
      if (line.startsWith("• " + q.text() + ": ")) {
        return new String[] {q.text(), line.substring(q.text().length() + 4)};
      }
    }
    return null;
  }

  private void notAFigure(String line) {
    if (NOT_A_FIGURE.matcher(line).replaceAll("").chars().anyMatch(Character::isDigit)) {
      unread.add(line);
    }
  }

  private void figure(String campaign, String question, String role, Kind kind, int value, String shown, double tolerance,
      String where) {
    figures.add(new Figure(campaign, question, role, kind, value, Double.parseDouble(shown), tolerance, where));
  }

  private FigureAttacker.Campaign campaign(String name) {
    for (FigureAttacker.Campaign c : campaigns) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no campaign " + name);
  }

  private static String decapitalise(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
