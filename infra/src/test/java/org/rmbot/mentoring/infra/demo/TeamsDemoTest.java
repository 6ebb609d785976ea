package org.rmbot.mentoring.infra.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rmbot.mentoring.infra.demo.DemoCommandTest.CORA;
import static org.rmbot.mentoring.infra.demo.DemoCommandTest.continuationOf;
import static org.rmbot.mentoring.infra.demo.DemoCommandTest.indexOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.importing.ParticipantRow;
import org.rmbot.mentoring.infra.demo.DemoCommandTest.Line;

/**
 * {@code demo --platform teams}: the same program through the real Teams adapter and the SDK's
 * connector client against a fake Bot Connector, every activity to the bot signed. Read back
 * from its transcript: people type in their 1:1 chat and press card buttons, one person
 * declines and is rematched, introductions reach both people's chats, feedback is collected,
 * and the report ends the run with its chart and CSV, handed over through Teams' file consent.
 */
class TeamsDemoTest {
  private static final Pattern INTRODUCTION =
      Pattern.compile("^\\(in each 1:1 chat\\) Meet your reverse mentoring partner! (.+?) will mentor (.+?) in ");

  @Test
  void aWholeProgramInTeams() throws Exception {
    DemoRuns.Run run = DemoRuns.of(DemoRuns.TEAMS);
    Path reports = run.reports();

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).doesNotContain("Exception").doesNotContainPattern("\\n\\s+at [\\w.$]+\\(");
    List<String> raw = run.lines();
    assertThat(raw.get(1)).startsWith("The real bot (core, Teams adapter, Bot Framework connector client) runs against"
        + " an in-process fake Teams");
    List<Line> lines = DemoCommandTest.parse(raw);
    Map<String, ParticipantRow> people = DemoCommandTest.sampleParticipants();
    assertThat(raw.stream().filter(l -> l.startsWith("=== week "))).hasSize(15);

    // commands are typed in the chat with the bot, not as slash commands
    assertThat(lines).noneMatch(l -> l.text().startsWith("/mentoring"));
    int commit = indexOf(lines, l -> l.by(CORA) && l.text().equals("match commit"));
    assertThat(lines.get(commit + 1).text()).startsWith("Proposed ");
    Set<String> unmatched = new LinkedHashSet<>();
    for (String l : continuationOf(raw, lines.get(commit + 1).index())) {
      Matcher m = Pattern.compile("^Unmatched (?:mentor|mentee) (.+?): .+").matcher(l);
      if (m.find()) {
        unmatched.add(m.group(1));
      }
    }
    for (String name : people.keySet()) {
      if (!unmatched.contains(name)) {
        assertThat(lines).as("a proposal card to %s", name)
            .anyMatch(l -> l.to(name) && l.text().startsWith("A mentoring match is proposed for you with")
                && l.text().endsWith("[Accept] [Decline]"));
      }
    }

    // exactly one person declines through the card; the coordinator's rematch proposes them again and they accept
    List<Line> declines = lines.stream().filter(l -> l.arrow().equals(">") && l.text().equals("clicks [Decline]")).toList();
    assertThat(declines).hasSize(1);
    String decliner = declines.get(0).who();
    Line answer = lines.get(lines.indexOf(declines.get(0)) + 1);
    assertThat(answer.to(decliner) && answer.text().startsWith("You declined, privately.")).as(answer.text()).isTrue();
    assertThat(lines).anyMatch(l -> l.arrow().equals("<") && !l.who().equals(decliner)
        && l.text().startsWith("Your proposed mentoring match will not go ahead"));
    int rematch = indexOf(lines, l -> l.by(CORA) && l.text().equals("rematch"));
    assertThat(lines.get(rematch + 1).text()).startsWith("Proposed 1 pair");
    int secondProposal = indexOf(lines, l -> l.index() > lines.get(rematch).index() && l.to(decliner)
        && l.text().startsWith("A mentoring match is proposed for you with"));
    assertThat(lines.subList(secondProposal, lines.size())).anyMatch(l -> l.by(decliner) && l.text().equals("clicks [Accept]"));

    // each introduction reached both people's 1:1 chats (Teams bots cannot start group chats), one per active pair
    List<Line> introductions = lines.stream().filter(l -> INTRODUCTION.matcher(l.text()).find()).toList();
    for (Line l : introductions) {
      Matcher m = INTRODUCTION.matcher(l.text());
      assertThat(m.find()).isTrue();
      assertThat(l.who()).isEqualTo(m.group(1) + " & " + m.group(2));
    }
    int active = Integer.parseInt(raw.stream().filter(l -> l.startsWith("  Pairs active: ")).findFirst().orElseThrow()
        .substring("  Pairs active: ".length()).trim());
    long ended = lines.stream().filter(l -> l.by(CORA) && l.text().startsWith("unpair #")).count();
    assertThat(introductions).hasSize(active + (int) ended);
    assertThat(active).isGreaterThanOrEqualTo(people.size() / 2 - unmatched.size() - 1);
    assertThat(raw).anyMatch(l -> l.startsWith("  " + introductions.size() + " introductions in both people's 1:1 chats"
        + " (a Teams bot cannot start a group chat), "));

    // pairs book through the card's form, meet and answer check-ins; stalled pairs reach the coordinator
    assertThat(lines).anyMatch(l -> l.arrow().equals(">") && l.text().startsWith("submits \"Book a meeting\""));
    assertThat(lines).anyMatch(l -> l.arrow().equals("<") && l.text().startsWith("Booked for "));
    assertThat(lines).anyMatch(l -> l.arrow().equals(">") && l.text().equals("clicks [We met]"));
    int alert = indexOf(lines, l -> l.to(CORA) && l.text().startsWith("Pairing at risk in " + DemoRun.PROGRAM));
    assertThat(lines.subList(alert, lines.size())).anyMatch(l -> l.by(CORA) && l.text().equals("nudge at-risk"));

    // the anonymous feedback the bot opens half-way: invitations, answers through the card's form, results once it closed
    Set<String> invited = new LinkedHashSet<>();
    lines.stream().filter(l -> l.arrow().equals("<") && l.text().startsWith(DemoRun.PROGRAM + ": feedback. "))
        .forEach(l -> invited.add(l.who()));
    assertThat(invited).hasSizeGreaterThanOrEqualTo(people.size() - unmatched.size() - 1);
    assertThat(lines.stream().filter(l -> l.arrow().equals(">") && l.text().startsWith("submits \"")
        && l.text().contains("\": (anonymous) "))).hasSizeGreaterThan(4 * 5);
    int midpoint = indexOf(lines, l -> l.to(CORA) && l.text().startsWith(DemoRun.PROGRAM + " is halfway through."));
    int results = indexOf(lines, l -> l.index() > lines.get(midpoint).index() && l.by(CORA)
        && l.text().equals("feedback results"));
    assertThat(continuationOf(raw, lines.get(results + 1).index()))
        .anyMatch(l -> l.contains("invited answered (everyone in a pair when it opened)"))
        .anyMatch(l -> l.matches("• I felt safe to speak candidly: \\d\\.\\d / 5 \\(1: \\d+ · 2: \\d+ · 3: \\d+ · 4: \\d+ · 5: \\d+\\)"));

    // the report card reaches the coordinator's chat, its chart and CSV as file-consent cards; she allows each,
    // the bot puts it in her OneDrive and shows a file card; what it put there is what the demo writes out
    int report = indexOf(lines, l -> l.by(CORA) && l.text().equals("report"));
    List<Line> afterReport = lines.subList(report, lines.size());
    assertThat(afterReport).anyMatch(l -> l.to(CORA) && l.text().startsWith("Report for " + DemoRun.PROGRAM));
    for (String file : List.of("pilot-2026-chart.png", "pilot-2026-figures.csv")) {
      Line offer = afterReport.stream().filter(l -> l.to(CORA) && l.text().startsWith("[file-consent card] " + file + " ("))
          .findFirst().orElseThrow(() -> new AssertionError("no file-consent card for " + file));
      assertThat(offer.text()).endsWith("  [Allow] [Decline]");
      Path written = reports.resolve(file);
      assertThat(offer.text()).contains(" (" + ShownMessage.kilobytes(Files.size(written)) + "): ");
      int shown = indexOf(lines, l -> l.to(CORA) && l.text().startsWith("[file card] " + file + " "));
      assertThat(lines.get(shown - 1).by(CORA) && lines.get(shown - 1).text().equals("clicks [Allow]"))
          .as(lines.get(shown - 1).text()).isTrue();
      assertThat(shown).isGreaterThan(lines.indexOf(offer));
      assertThat(raw).anyMatch(l -> l.contains("** uploaded to Teams: " + file + " (\"" + DemoRun.PROGRAM + ": "));
    }
    assertThat(raw).noneMatch(l -> l.contains("drawn by the demo"));
    assertThat(raw).anyMatch(l -> l.equals("  Undeliverable nudges: 0"));
    DemoCommandTest.endsWithTheChartAndCsv(raw, reports);

    DemoCommandTest.datedInsideTheProgramAndWorkingHours(lines, raw, people, DemoRuns.TEAMS.weeks());
  }
}
