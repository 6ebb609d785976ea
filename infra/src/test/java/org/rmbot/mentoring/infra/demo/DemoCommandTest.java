package org.rmbot.mentoring.infra.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmbot.mentoring.importing.ParticipantCsv;
import org.rmbot.mentoring.importing.ParticipantRow;
import org.rmbot.mentoring.infra.Main;
import org.rmbot.mentoring.participant.WorkingHours;
import picocli.CommandLine;

/**
 * The demo's transcript, read back line by line: it must tell a whole program, truthfully dated,
 * with every message inside its recipient's working hours. The twelve-week program is the shared
 * run of {@link DemoRuns} (the transcript reader reads it too); the command line's own behaviour
 * (seeds, {@code --quiet}, bad options) runs the command in-process, as {@code java -jar
 * mentoring-bot.jar demo} would, on short programs.
 */
class DemoCommandTest {
  /** A dated transcript line: local day and time, city, who, direction, what. */
  static final Pattern LINE =
      Pattern.compile("^(\\w{3} \\d{2} \\w{3}) (\\d{2}:\\d{2}) (.{9}) (.+?) +([<>$]) (.*)$");
  static final Pattern NOTE = Pattern.compile("^\\w{3} \\d{2} \\w{3} \\d{2}:\\d{2} .{9} \\*\\* .+$");
  static final String CORA = "Cora Bennett";

  record Run(int exitCode, String out, String err) {}

  record Line(LocalDate day, LocalTime time, String who, String arrow, String text, int index) {
    boolean to(String name) {
      return arrow.equals("<") && who.equals(name);
    }

    boolean by(String name) {
      return arrow.equals(">") && who.equals(name);
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine(Map.of());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /**
   * The README's excerpt of the default demo is what the demo prints: every line of it, in order,
   * with only the elapsed time and the report's temporary directory allowed to differ.
   */
  @Test
  void theReadmesExcerptIsWhatTheDefaultDemoPrints() throws Exception {
    Path readme = Path.of("").toAbsolutePath();
    while (!Files.exists(readme.resolve("README.md")) || !Files.exists(readme.resolve(".ci"))) {
      readme = readme.getParent();
    }
    List<String> doc = Files.readAllLines(readme.resolve("README.md"));
    int at = doc.indexOf(doc.stream().filter(l -> l.contains("An excerpt (`...` marks lines left out)")).findFirst().orElseThrow());
    while (!doc.get(at).equals("```")) {
      at++;
    }
    List<String> excerpt = new ArrayList<>();
    for (at++; !doc.get(at).equals("```"); at++) {
      excerpt.add(doc.get(at));
    }
    assertThat(excerpt).hasSizeGreaterThan(20);
    List<String> printed = DemoRuns.of(DemoRuns.SLACK).lines().stream().map(DemoCommandTest::steady).toList();
    int from = 0;
    for (String line : excerpt) {
      if (line.trim().equals("...")) {
        continue;
      }
      int found = printed.subList(from, printed.size()).indexOf(steady(line));
      assertThat(found).as("README excerpt line, in order after line %d of the demo: %s", from, line).isNotNegative();
      from += found + 1;
    }
  }

  /** A transcript line without what changes from run to run: the elapsed time, the report's directory. */
  private static String steady(String line) {
    return line.replaceAll(" in [0-9.]+ s \\(seed", " in N s (seed").replaceAll("(\\((PNG|CSV)\\)): .*", "$1: DIR");
  }

  @Test
  void twelveWeeksOfAProgramReadLikeARealOne() throws Exception {
    DemoRuns.Run run = DemoRuns.of(DemoRuns.SLACK);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).doesNotContain("Exception").doesNotContainPattern("\\n\\s+at [\\w.$]+\\(");
    List<String> raw = run.lines();
    List<Line> lines = parse(raw);
    Map<String, ParticipantRow> people = sampleParticipants();

    // every line is a dated line, a continuation, a note, a progress line or part of the header and summary
    int summary = raw.indexOf(raw.stream().filter(l -> l.startsWith("Summary: ")).findFirst().orElseThrow());
    for (String l : raw.subList(2, summary)) {
      assertThat(l.isEmpty() || LINE.matcher(l).matches() || NOTE.matcher(l).matches() || l.startsWith(" ".repeat(20))
          || l.startsWith("=== week ")).as("an unexpected line: %s", l).isTrue();
    }
    // the set-up week, the program's twelve weeks from Tuesday to Tuesday, and two weeks for its last answers
    assertThat(raw.stream().filter(l -> l.startsWith("=== week ")).map(l -> l.substring(0, l.indexOf(" ("))))
        .containsExactly("=== week 1/15", "=== week 2/15", "=== week 3/15", "=== week 4/15", "=== week 5/15",
            "=== week 6/15", "=== week 7/15", "=== week 8/15", "=== week 9/15", "=== week 10/15", "=== week 11/15",
            "=== week 12/15", "=== week 13/15", "=== week 14/15", "=== week 15/15");
    assertThat(lines).anyMatch(l -> l.by(CORA) && l.text().equals("/mentoring program dates \"" + DemoRun.PROGRAM
        + "\" 2026-01-06 2026-03-31"));

    // everyone matched at commit got a private proposal; the unmatched were told why
    int commit = indexOf(lines, l -> l.by(CORA) && l.text().equals("/mentoring match commit"));
    Set<String> unmatched = new LinkedHashSet<>();
    for (String l : continuationOf(raw, lines.get(commit + 1).index())) {
      Matcher m = Pattern.compile("^Unmatched (?:mentor|mentee) (.+?): .+").matcher(l);
      if (m.find()) {
        unmatched.add(m.group(1));
      }
    }
    assertThat(unmatched).isNotEmpty().allSatisfy(name -> assertThat(people).containsKey(name));
    for (String name : people.keySet()) {
      if (!unmatched.contains(name)) {
        assertThat(lines).as("a proposal to %s", name)
            .anyMatch(l -> l.to(name) && l.text().startsWith("A mentoring match is proposed for you with"));
      } else {
        assertThat(lines).as("%s is told, privately", name)
            .anyMatch(l -> l.to(name) && l.text().startsWith("There is no mentee for you in " + DemoRun.PROGRAM));
      }
    }

    // exactly one person declines, privately; the coordinator's rematch proposes them again and they accept
    List<Line> declines = lines.stream().filter(l -> l.arrow().equals(">") && l.text().equals("clicks [Decline]")).toList();
    assertThat(declines).hasSize(1);
    String decliner = declines.get(0).who();
    assertThat(lines).anyMatch(l -> l.arrow().equals("<") && l.text().startsWith("Your proposed mentoring match will not go ahead")
        && !l.who().equals(decliner));
    int rematch = indexOf(lines, l -> l.by(CORA) && l.text().equals("/mentoring rematch"));
    assertThat(lines.get(rematch + 1).text()).startsWith("Proposed 1 pair");
    int secondProposal = indexOf(lines, l -> l.index() > lines.get(rematch).index() && l.to(decliner)
        && l.text().startsWith("A mentoring match is proposed for you with"));
    assertThat(lines.subList(secondProposal, lines.size())).anyMatch(l -> l.by(decliner) && l.text().equals("clicks [Accept]"));

    // introductions go to group conversations of both people, one per pair both accepted
    List<Line> introductions = lines.stream()
        .filter(l -> l.text().startsWith("(group DM) Meet your reverse mentoring partner!")).toList();
    assertThat(introductions).allSatisfy(l -> assertThat(l.who()).contains(" & "));
    int active = Integer.parseInt(raw.stream().filter(l -> l.startsWith("  Pairs active: ")).findFirst().orElseThrow()
        .substring("  Pairs active: ".length()).trim());
    long ended = lines.stream().filter(l -> l.by(CORA) && l.text().startsWith("/mentoring unpair #")).count();
    assertThat(introductions).hasSize(active + (int) ended);
    assertThat(active).isGreaterThanOrEqualTo(people.size() / 2 - unmatched.size() - 1);

    // pairs book, meet and answer check-ins; some write private reflections
    assertThat(lines).anyMatch(l -> l.arrow().equals(">") && l.text().startsWith("submits \"Book a meeting\""));
    assertThat(lines).anyMatch(l -> l.arrow().equals("<") && l.text().startsWith("Booked for "));
    assertThat(lines).anyMatch(l -> l.arrow().equals("<") && l.text().startsWith("Reminder: you meet "));
    assertThat(lines).anyMatch(l -> l.arrow().equals("<") && l.text().startsWith("Your meeting with "));
    assertThat(lines.stream().filter(l -> l.arrow().equals("<") && l.text().startsWith("Did you meet "))).hasSizeGreaterThan(100);
    assertThat(lines).anyMatch(l -> l.arrow().equals(">") && l.text().equals("clicks [We met]"));
    assertThat(lines).anyMatch(l -> l.arrow().equals(">") && l.text().startsWith("submits \"Reflection\": (private)"));

    // stalled pairs get the gentle nudge, then the coordinator gets the at-risk alert, acts, and hears a help request;
    // she talks to them, ends the pairing that never met, rematches, and marks the request done the same day
    assertThat(run.story().messages).anyMatch(m -> m.kind().equals("stalled"));
    int alert = indexOf(lines, l -> l.to(CORA) && l.text().startsWith("Pairing at risk in " + DemoRun.PROGRAM));
    assertThat(lines.subList(alert, lines.size())).anyMatch(l -> l.by(CORA) && l.text().equals("/mentoring nudge at-risk"));
    int help = indexOf(lines, l -> l.to(CORA) && l.text().contains("asked for help in " + DemoRun.PROGRAM));
    assertThat(lines.subList(help, lines.size())).anyMatch(l -> l.by(CORA) && l.text().startsWith("/mentoring unpair #"))
        .anyMatch(l -> l.by(CORA) && l.text().startsWith("/mentoring help-requests done "));
    assertThat(raw).anyMatch(l -> l.equals("  Open help requests: 0"));

    // the coordinator looks at the status at the start, half-way and at the end
    assertThat(lines.stream().filter(l -> l.by(CORA) && l.text().equals("/mentoring status"))).hasSize(3);
    assertThat(raw).noneMatch(l -> l.contains("extension point"));

    // the bot opens every campaign itself; everyone in a pair is invited privately, and answers through the form
    for (String purpose : List.of("self-assessment (before)", "feedback", "self-assessment (after)")) {
      Set<String> invited = new LinkedHashSet<>();
      lines.stream().filter(l -> l.arrow().equals("<") && l.text().startsWith(DemoRun.PROGRAM + ": " + purpose + ". "))
          .forEach(l -> invited.add(l.who()));
      assertThat(invited).as("invited to the %s", purpose).hasSizeGreaterThanOrEqualTo(people.size() - unmatched.size() - 1)
          .allSatisfy(name -> assertThat(people).containsKey(name));
    }
    assertThat(lines).noneMatch(l -> l.by(CORA) && l.text().startsWith("/mentoring feedback open"));
    List<Line> answers = lines.stream().filter(l -> l.arrow().equals(">") && l.text().startsWith("submits \"")
        && l.text().contains("\": (anonymous) ")).toList();
    assertThat(answers).hasSizeGreaterThan(4 * 5).allSatisfy(l -> assertThat(people).containsKey(l.who()));
    int midpoint = indexOf(lines, l -> l.to(CORA) && l.text().startsWith(DemoRun.PROGRAM + " is halfway through."));
    int results = indexOf(lines, l -> l.index() > lines.get(midpoint).index() && l.by(CORA)
        && l.text().equals("/mentoring feedback results"));
    List<String> shown = continuationOf(raw, lines.get(results + 1).index());
    assertThat(shown).anyMatch(l -> l.matches("Feedback, closed at the end of \\w{3} \\d+ \\w{3} \\(your time\\):"
        + " \\d+ of \\d+ invited answered \\(everyone in a pair when it opened\\)\\."));
    assertThat(shown).anyMatch(l -> l.matches("• I felt safe to speak candidly: \\d\\.\\d / 5 \\(1: \\d+ · 2: \\d+ · 3: \\d+ · 4: \\d+ · 5: \\d+\\)"))
        .anyMatch(l -> l.startsWith("Anonymous: shown only for groups of at least 5 answers"));
    assertThat(lines).anyMatch(l -> l.to(CORA) && l.text().startsWith(DemoRun.PROGRAM + " has ended."));

    // at the end: the change from before to after, and the report with its chart, uploaded and written to a file
    int report = indexOf(lines, l -> l.by(CORA) && l.text().equals("/mentoring report"));
    assertThat(lines.get(report + 1).to(CORA)).isTrue();
    assertThat(lines.get(report + 2).text()).startsWith("Report for " + DemoRun.PROGRAM);
    assertThat(continuationOf(raw, lines.get(report + 2).index()))
        .anyMatch(l -> l.matches("• How confident do you feel talking about LGBTQ\\+ inclusion\\? \\d\\.\\d → \\d\\.\\d \\([+-]?\\d+%\\)"));
    List<String> end = raw.subList(summary, raw.size());
    assertThat(end).anyMatch(l -> l.startsWith("  Anonymous feedback: Feedback, closed "))
        .anyMatch(l -> l.equals("  Change from before to after (means of 1 to 5):"))
        .anyMatch(l -> l.matches("    • How well do you understand .+ \\d\\.\\d → \\d\\.\\d \\([+-]?\\d+%\\)"))
        .anyMatch(l -> l.equals("  Undeliverable nudges: 0"));
    endsWithTheChartAndCsv(raw, run.reports());

    datedInsideTheProgramAndWorkingHours(lines, raw, people, 12);
  }

  /** The last two lines name the report's chart, a real PNG, and its CSV, both written in {@code reports}. */
  static void endsWithTheChartAndCsv(List<String> raw, Path reports) throws Exception {
    String chartLine = raw.get(raw.size() - 2);
    assertThat(chartLine).startsWith("  Report chart (PNG): ");
    assertThat(raw.get(raw.size() - 1)).startsWith("  Report figures (CSV): ");
    Path chart = Path.of(chartLine.substring("  Report chart (PNG): ".length()));
    assertThat(chart).isRegularFile().hasParent(reports);
    byte[] png = Files.readAllBytes(chart);
    assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    assertThat(png.length).isGreaterThan(1000);
    Path csv = Path.of(raw.get(raw.size() - 1).substring("  Report figures (CSV): ".length()));
    assertThat(csv).isRegularFile().hasParent(reports);
  }

  /** Dated truly, inside the program, and nobody is messaged outside their own working hours. */
  static void datedInsideTheProgramAndWorkingHours(List<Line> lines, List<String> raw, Map<String, ParticipantRow> people,
      int weeks) {
    LocalDate first = DemoRun.START;
    LocalDate last = DemoRun.lastDay(weeks).plusWeeks(DemoRun.WEEKS_AFTER).plusDays(1);
    for (Line l : lines) {
      assertThat(l.day()).isBetween(first, last);
      if (l.arrow().equals("<")) {
        String recipient = l.who().contains(" & ") ? l.who().substring(0, l.who().indexOf(" & ")) : l.who();
        WorkingHours hours = recipient.equals(CORA) ? WorkingHours.officeHours() : people.get(recipient).workingHours();
        assertThat(hours.contains(l.day().getDayOfWeek(), l.time()))
            .as("a message outside %s's working hours: %s", recipient, raw.get(l.index())).isTrue();
      }
    }
  }

  @Test
  void aSeedGivesTheSameTranscriptAndQuietKeepsOnlyProgressAndSummary() {
    Run once = run("demo", "--weeks", "2", "--seed", "5");
    Run quiet = run("demo", "--weeks", "2", "--seed", "5", "--quiet");

    // the quiet run's lines are the full run's progress and summary: every figure the same, so the same story
    assertThat(once.exitCode()).as(once.err()).isZero();
    assertThat(once.out()).contains("=== week 2/");
    List<String> expected = withoutTiming(once.out()).stream()
        .filter(l -> !l.isEmpty() && !LINE.matcher(l).matches() && !NOTE.matcher(l).matches()
            && !l.startsWith(" ".repeat(20)) && !l.startsWith("The real bot"))
        .toList();
    assertThat(quiet.exitCode()).isZero();
    assertThat(withoutTiming(quiet.out())).isEqualTo(expected).anyMatch(l -> l.startsWith("=== week 5/5"));
  }

  @Test
  void badOptionsAreUsageErrors() {
    Run irc = run("demo", "--platform", "irc");
    assertThat(irc.exitCode()).isEqualTo(2);
    assertThat(irc.err().strip()).isEqualTo("error: --platform must be slack or teams, not 'irc'");
    assertThat(irc.out()).isEmpty();
    Run tooShort = run("demo", "--weeks", "1");
    assertThat(tooShort.exitCode()).isEqualTo(2);
    assertThat(tooShort.err()).contains("--weeks must be from 2 to 26");
  }

  private static List<String> withoutTiming(String out) {
    return out.lines().filter(l -> !l.startsWith("Summary: ")).toList();
  }

  static List<Line> parse(List<String> raw) {
    DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE dd MMM yyyy", Locale.ENGLISH);
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      Matcher m = LINE.matcher(raw.get(i));
      if (m.matches()) {
        // parsing with the weekday checks it: "Tue 06 Jan" must be a Tuesday
        LocalDate date = LocalDate.parse(m.group(1) + " 2026", day);
        lines.add(new Line(date, LocalTime.parse(m.group(2)), m.group(4).trim(), m.group(5), m.group(6), i));
      }
    }
    return lines;
  }

  /** The indented lines right after line {@code index}. */
  static List<String> continuationOf(List<String> raw, int index) {
    List<String> more = new ArrayList<>();
    for (int i = index + 1; i < raw.size() && raw.get(i).startsWith(" ".repeat(20)); i++) {
      more.add(raw.get(i).strip());
    }
    return more;
  }

  static int indexOf(List<Line> lines, java.util.function.Predicate<Line> match) {
    for (int i = 0; i < lines.size(); i++) {
      if (match.test(lines.get(i))) {
        return i;
      }
    }
    throw new AssertionError("no such line in the transcript");
  }

  static Map<String, ParticipantRow> sampleParticipants() throws Exception {
    try (InputStream in = DemoCommandTest.class.getResourceAsStream("/sample/participants.csv")) {
      ParticipantCsv.Parsed parsed = new ParticipantCsv().parse(in.readAllBytes(), ZoneId.of("UTC"));
      Map<String, ParticipantRow> byName = new HashMap<>();
      parsed.rows().forEach(r -> byName.put(r.name(), r));
      return byName;
    }
  }
}
