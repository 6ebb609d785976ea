package org.rmbot.mentoring.infra.demo;

import java.util.List;
import org.rmbot.mentoring.infra.demo.Cast.Member;

/**
 * EXTENSION POINT: the demo's chapters that belong to the feedback feature (anonymous feedback
 * campaigns, pre/post surveys, the report with its chart), which is being built separately.
 * {@link DemoRun} calls each at its place in the program; this build's implementation,
 * {@link NotBuiltYet}, asks the bot what a coordinator would type and shows its real answer
 * ("not available yet"), or says plainly that the chapter is still to come. When the feature
 * lands, replace {@code NotBuiltYet} with chapters that drive it through the same {@link Stage}.
 */
interface FeedbackChapters {

  /** What a chapter may do: act as someone in Slack, and write to the transcript. */
  interface Stage {
    Member coordinator();

    List<Member> participants();

    /** Types {@code /mentoring text} as {@code who}; the exchange goes in the transcript. */
    ShownMessage say(Member who, String text) throws Exception;

    /** A line of the demo's own, marked as such in the transcript. */
    void note(String text);

    /** Remembers a file the chapter produced (a chart) so the summary can print its path. */
    void produced(String what, java.nio.file.Path file);
  }

  /** After the introductions, before the first meetings: the pre-program survey goes out. */
  void preProgramSurvey(Stage stage) throws Exception;

  /** Half-way: the anonymous feedback campaign opens. */
  void midpointCampaign(Stage stage) throws Exception;

  /** Last week: the post-program survey goes out. */
  void postProgramSurvey(Stage stage) throws Exception;

  /** The end: the coordinators' report with its chart. */
  void finalReport(Stage stage) throws Exception;

  /** This build: no surveys, campaigns or reports yet, shown as such. */
  final class NotBuiltYet implements FeedbackChapters {
    @Override
    public void preProgramSurvey(Stage stage) {
      stage.note("extension point: pre-program survey (confidence and understanding, 1-5) -"
          + " not in this build yet; it comes with the feedback feature");
    }

    @Override
    public void midpointCampaign(Stage stage) throws Exception {
      stage.note("extension point: mid-program anonymous feedback campaign; the coordinator asks the bot for it");
      stage.say(stage.coordinator(), "feedback open");
    }

    @Override
    public void postProgramSurvey(Stage stage) {
      stage.note("extension point: post-program survey (the same questions as before, for the pre/post figures) -"
          + " not in this build yet");
    }

    @Override
    public void finalReport(Stage stage) throws Exception {
      stage.note("extension point: the final report with its chart; the coordinator asks the bot for it");
      stage.say(stage.coordinator(), "report");
    }
  }
}
