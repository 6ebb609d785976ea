package org.rmbot.mentoring.infra.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.rmbot.mentoring.feedback.FeedbackInvitation;
import org.rmbot.mentoring.infra.demo.Cast.Member;

/**
 * The demo's chapters of the feedback feature. The bot opens every campaign itself, on the
 * program's schedule: the self-assessment before at kickoff, the anonymous feedback half-way, the
 * feedback and the self-assessment after on the last day; each closes by itself two weeks later.
 * {@link DemoRun} calls each chapter at its place: the coordinator looks at what is open, reads
 * the results once a campaign has closed, and asks for the report with its chart at the end.
 * People answer the invitations the bot sends them, through the invitation's button and form.
 */
interface FeedbackChapters {

  /** Something a person does later. */
  @FunctionalInterface
  interface Act {
    void run() throws Exception;
  }

  /** What a chapter may do: act as someone in chat, and write to the transcript. */
  interface Stage {
    Member coordinator();

    List<Member> participants();

    /** Types {@code /mentoring text} as {@code who}; the exchange goes in the transcript. */
    ShownMessage say(Member who, String text) throws Exception;

    /** Types {@code /mentoring text} as {@code who}, a command that opens a form; the form as shown. */
    ShownForm sayForForm(Member who, String text) throws Exception;

    /** Clicks a button that opens a form. */
    ShownForm clickForForm(Member who, ShownMessage on, String actionId) throws Exception;

    /** Clicks a button that the bot answers with a message; that message. */
    ShownMessage clickForMessage(Member who, ShownMessage on, String actionId) throws Exception;

    /** Submits a form; the bot's answer, or empty if the form showed errors. */
    Optional<ShownMessage> submit(Member who, ShownForm form, Map<String, String> values, String shown) throws Exception;

    /** {@code who} does {@code act} inside their working hours, {@code min} to {@code max} minutes from now (or later). */
    void later(Member who, int minMinutes, int maxMinutes, Act act);

    /** Where Slack's record of the bot's calls stands now. */
    long mark();

    /** Where the record of messages the bot sent without a delivery key (a report) stands now. */
    int tapMark();

    /** Shows the messages the bot posted in {@code who}'s direct conversation since the marks; those messages. */
    List<ShownMessage> showPostedTo(Member who, long mark, int tapMark);

    /** The demo's seeded random generator. */
    Random random();

    /** Today, where {@code who} is. */
    LocalDate today(Member who);

    /** "Slack" or "Teams". */
    String platformName();

    /** Files the bot has shared in chat so far. */
    List<DemoWorkspace.SharedFile> files();

    /** A line of the demo's own, marked as such in the transcript. */
    void note(String text);

    /** A line for the summary at the end. */
    void summaryLine(String line);

    /** Remembers a file the chapter produced (a chart) so the summary can print its path. */
    void produced(String what, Path file);
  }

  /** After the introductions, before the first meetings: the self-assessment before is open (the bot opened it). */
  void preProgramSurvey(Stage stage) throws Exception;

  /** Two weeks after half-way: the feedback the bot opened at midpoint has closed; the coordinator reads it. */
  void midpointCampaign(Stage stage) throws Exception;

  /** The end: the last campaigns have closed; the change from before to after, and the report with its chart. */
  void finalReport(Stage stage) throws Exception;

  /** A message the bot delivered to someone that no other chapter handles (an invitation to answer). */
  void received(Stage stage, Member who, ShownMessage message);

  /** The feedback feature, driven as coordinators and participants would. */
  final class Live implements FeedbackChapters {
    private static final String[] COMMENTS = {
        "Having a fixed slot every other week made it much easier to keep going.",
        "I would have liked a short guide with conversation starters for the first meeting.",
        "It felt safe to be honest; my mentee really listened.",
        "Time zones made booking hard; a suggested slot from the bot would help.",
        "More of this, please, and for the whole leadership team.",
        "Our first meeting was awkward; by the third we had a real conversation.",
        "I wish my manager knew more about what I am doing here.",
        "Could we meet the other pairs once, half-way, to swap ideas?"
    };

    private final Path outputDir;
    /** Campaign ids each person has already decided about, so a retried invitation is not answered twice. */
    private final Set<String> decided = new HashSet<>();
    private int nextComment;

    /** @param outputDir where the report's chart and CSV are written */
    Live(Path outputDir) {
      this.outputDir = outputDir;
    }

    @Override
    public void preProgramSurvey(Stage stage) throws Exception {
      stage.note("before the first meetings: the bot opened the self-assessment (before) at kickoff, for everyone"
          + " matched or being matched; the coordinator looks");
      stage.say(stage.coordinator(), "feedback results");
    }

    @Override
    public void midpointCampaign(Stage stage) throws Exception {
      stage.note("the feedback the bot opened half-way has closed by itself; the coordinator reads the results");
      ShownMessage results = stage.say(stage.coordinator(), "feedback results");
      summarise(stage, results, "feedback");
    }

    @Override
    public void finalReport(Stage stage) throws Exception {
      Member cora = stage.coordinator();
      stage.note("the self-assessment after has closed: the coordinator reads the change from before to after");
      ShownMessage results = stage.say(cora, "feedback results");
      summarise(stage, results, "change");
      stage.note("the coordinator asks for the report: figures, a chart and a CSV, posted in her direct messages");
      int before = stage.files().size();
      long mark = stage.mark();
      int tapMark = stage.tapMark();
      stage.say(cora, "report");
      List<ShownMessage> offers = stage.showPostedTo(cora, mark, tapMark).stream()
          .filter(m -> m.button(ShownMessage.ALLOW_FILE).isPresent()).toList();
      if (!offers.isEmpty()) {
        // Teams hands a bot's file over only once its recipient allows it, one card a file
        stage.note("the coordinator allows each file, and the bot saves it to her OneDrive");
        for (ShownMessage offer : offers) {
          stage.clickForMessage(cora, offer, ShownMessage.ALLOW_FILE);
        }
      }
      List<DemoWorkspace.SharedFile> files = stage.files().subList(before, stage.files().size());
      if (files.isEmpty()) {
        throw new IllegalStateException("the report uploaded no files");
      }
      Files.createDirectories(outputDir);
      for (DemoWorkspace.SharedFile file : files) {
        Path written = outputDir.resolve(file.fileName());
        Files.write(written, file.content());
        boolean png = file.fileName().endsWith(".png");
        if (png && !isPng(file.content())) {
          throw new IllegalStateException("the report's chart is not a PNG: " + file.fileName());
        }
        stage.note("uploaded to " + stage.platformName() + ": " + file.fileName() + " (\"" + file.title() + "\", "
            + ShownMessage.kilobytes(file.content().length) + ")");
        stage.produced(png ? "Report chart (PNG)" : "Report figures (CSV)", written);
      }
    }

    @Override
    public void received(Stage stage, Member who, ShownMessage message) {
      Optional<ShownMessage.Button> button = message.button(FeedbackInvitation.OPEN_FORM);
      if (button.isEmpty() || !decided.add(button.get().value() + "/" + who.userId())) {
        return;
      }
      Random random = stage.random();
      if (random.nextDouble() >= 0.85) {
        return; // busy: this one goes unanswered
      }
      String purpose = message.text().contains("(before)") ? "before" : message.text().contains("(after)") ? "after" : "feedback";
      double lean = random.nextDouble();
      // a few write a comment, each their own
      String comment = purpose.equals("feedback") && nextComment < COMMENTS.length && random.nextDouble() < 0.3
          ? COMMENTS[nextComment++] : null;
      stage.later(who, 20, 600, () -> {
        ShownForm form = stage.clickForForm(who, message, FeedbackInvitation.OPEN_FORM);
        Map<String, String> values = new LinkedHashMap<>();
        List<String> shown = new ArrayList<>();
        for (ShownForm.Input input : form.inputs()) {
          if (input.isChoice()) {
            if (input.id().equals("about")) {
              values.put(input.id(), "understood");
            } else {
              int score = score(purpose, lean, random);
              values.put(input.id(), String.valueOf(score));
              shown.add(input.id() + " " + score);
            }
          } else if (input.isText() && comment != null) {
            values.put(input.id(), comment);
            shown.add(input.id() + " \"" + comment + "\"");
          }
        }
        stage.submit(who, form, values, "(anonymous) " + String.join(", ", shown));
      });
    }

    /** Before the program people rate themselves lower than after it; feedback is mostly good. */
    private static int score(String purpose, double lean, Random random) {
      double base = switch (purpose) {
        case "before" -> 1.8 + lean * 1.5;
        case "after" -> 3.0 + lean * 1.6;
        default -> 3.0 + lean * 1.8;
      };
      long s = Math.round(base + random.nextGaussian() * 0.6);
      return (int) Math.max(1, Math.min(5, s));
    }

    /** The lines of the results worth repeating in the summary: the campaign's figures, or the survey's change. */
    private void summarise(Stage stage, ShownMessage results, String what) {
      for (String section : results.sections()) {
        String first = section.lines().findFirst().orElse("");
        boolean match = what.equals("feedback") ? first.startsWith("Feedback, closed")
            : first.startsWith("Change from before to after");
        if (match) {
          stage.summaryLine(what.equals("feedback") ? "Anonymous feedback: " + first : first + ":");
          section.lines().skip(1).forEach(l -> stage.summaryLine("  " + l));
        }
      }
    }

    private static boolean isPng(byte[] content) {
      byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
      if (content.length < magic.length) {
        return false;
      }
      for (int i = 0; i < magic.length; i++) {
        if (content[i] != magic[i]) {
          return false;
        }
      }
      return true;
    }
  }
}
