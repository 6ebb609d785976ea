package org.rmbot.mentoring.command;

import static org.rmbot.mentoring.command.Audience.ADMIN;
import static org.rmbot.mentoring.command.Audience.COORDINATOR;
import static org.rmbot.mentoring.command.Audience.PARTICIPANT;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * Every command, in the order help lists them, with who it is for. The parser takes its command
 * words from here, and a test checks that every {@link Command} has an entry, so help cannot
 * drift from the grammar.
 */
public final class CommandCatalogue {
  private static final Catalogue WORDS = Catalogue.english();
  private static final List<CommandHelp> ALL = List.of(
      entry(Command.Help.class, PARTICIPANT, "help [command]", "help snooze",
          WORDS.phrase("help.summary.help")),
      entry(Command.Join.class, PARTICIPANT, "join [program]", "join \"Pilot 2026\"",
          WORDS.phrase("help.summary.join")),
      entry(Command.Me.class, PARTICIPANT, "me", "me",
          WORDS.phrase("help.summary.me")),
      entry(Command.Snooze.class, PARTICIPANT, "snooze <time>", "snooze 2w",
          WORDS.phrase("help.summary.snooze")),
      entry(Command.Pause.class, PARTICIPANT, "pause", "pause",
          WORDS.phrase("help.summary.pause")),
      entry(Command.Resume.class, PARTICIPANT, "resume", "resume",
          WORDS.phrase("help.summary.resume")),
      entry(Command.Leave.class, PARTICIPANT, "leave", "leave",
          WORDS.phrase("help.summary.leave", "command", Markup.command("pause"))),
      entry(Command.HelpRequest.class, PARTICIPANT, "help-request [note]", "help-request We haven't managed to meet yet",
          WORDS.phrase("help.summary.help_request")),
      entry(Command.Journal.class, PARTICIPANT, "journal", "journal",
          WORDS.phrase("help.summary.journal")),
      entry(Command.MyData.class, PARTICIPANT, "my-data", "my-data",
          WORDS.phrase("help.summary.my_data")),
      entry(Command.ForgetMe.class, PARTICIPANT, "forget-me", "forget-me",
          WORDS.phrase("help.summary.forget_me")),

      entry(Command.CreateProgram.class, COORDINATOR, "program create <name> [theme]", "program create \"Pilot 2026\" LGBTQ+ inclusion",
          WORDS.phrase("help.summary.create_program")),
      entry(Command.OpenProgram.class, COORDINATOR, "program open <name>", "program open \"Pilot 2026\"",
          WORDS.phrase("help.summary.open_program")),
      entry(Command.CloseProgram.class, COORDINATOR, "program close <name>", "program close \"Pilot 2026\"",
          WORDS.phrase("help.summary.close_program")),
      entry(Command.Status.class, COORDINATOR, "status [program]", "status",
          WORDS.phrase("help.summary.status")),
      entry(Command.MatchPreview.class, COORDINATOR, "match preview [program]", "match preview",
          WORDS.phrase("help.summary.match_preview")),
      entry(Command.MatchCommit.class, COORDINATOR, "match commit [program]", "match commit",
          WORDS.phrase("help.summary.match_commit")),
      entry(Command.Rematch.class, COORDINATOR, "rematch [program]", "rematch",
          WORDS.phrase("help.summary.rematch")),
      entry(Command.Pair.class, COORDINATOR, "pair @mentor @mentee", "pair @sam @jordan",
          WORDS.phrase("help.summary.pair")),
      entry(Command.NeverPair.class, COORDINATOR, "never-pair @person @person", "never-pair @sam @jordan",
          WORDS.phrase("help.summary.never_pair")),
      entry(Command.Unpair.class, COORDINATOR, "unpair @person", "unpair @sam",
          WORDS.phrase("help.summary.unpair", "command", Markup.command("status"))),
      entry(Command.PausePairing.class, COORDINATOR, "pause @person", "pause @sam",
          WORDS.phrase("help.summary.pause_pairing")),
      entry(Command.ResumePairing.class, COORDINATOR, "resume @person", "resume @sam",
          WORDS.phrase("help.summary.resume_pairing")),
      entry(Command.NudgePerson.class, COORDINATOR, "nudge @person", "nudge @jordan",
          WORDS.phrase("help.summary.nudge_person")),
      entry(Command.NudgeAtRisk.class, COORDINATOR, "nudge at-risk", "nudge at-risk",
          WORDS.phrase("help.summary.nudge_at_risk")),
      entry(Command.HelpRequests.class, COORDINATOR, "help-requests [program]", "help-requests",
          WORDS.phrase("help.summary.help_requests")),
      entry(Command.ResolveHelpRequest.class, COORDINATOR, "help-requests done <number>", "help-requests done 12",
          WORDS.phrase("help.summary.resolve_help_request", "command", Markup.command("help-requests"))),
      entry(Command.OpenFeedback.class, COORDINATOR, "feedback open [program]", "feedback open",
          WORDS.phrase("help.summary.open_feedback")),
      entry(Command.CloseFeedback.class, COORDINATOR, "feedback close [program]", "feedback close",
          WORDS.phrase("help.summary.close_feedback")),
      entry(Command.FeedbackResults.class, COORDINATOR, "feedback results [program]", "feedback results",
          WORDS.phrase("help.summary.feedback_results")),
      entry(Command.Reminders.class, COORDINATOR, "reminders [program]", "reminders",
          WORDS.phrase("help.summary.reminders")),
      entry(Command.SwitchReminder.class, COORDINATOR, "reminders on|off <kind> [program]", "reminders off midpoint",
          WORDS.phrase("help.summary.switch_reminder")),
      entry(Command.Report.class, COORDINATOR, "report [program]", "report",
          WORDS.phrase("help.summary.report")),
      entry(Command.Export.class, COORDINATOR, "export [program]", "export",
          WORDS.phrase("help.summary.export")),
      entry(Command.ProgramDates.class, COORDINATOR, "program dates <name> <first day> <last day>", "program dates \"Pilot 2026\" 2026-02-02 2026-07-31",
          WORDS.phrase("help.summary.program_dates")),
      entry(Command.Forget.class, COORDINATOR, "forget @person", "forget @sam",
          WORDS.phrase("help.summary.forget")),

      entry(Command.AddCoordinator.class, ADMIN, "coordinator add @person [program]", "coordinator add @sam \"Pilot 2026\"",
          WORDS.phrase("help.summary.add_coordinator")));

  /** Command words that run another command: kept to the unmistakable. */
  private static final Map<String, String> ALIASES = Map.of("?", "help");
  /** Worked out once: every command typed in chat looks its verb up here. */
  private static final Set<String> VERBS = verbsInHelpOrder();

  private CommandCatalogue() {}

  public static List<CommandHelp> all() {
    return ALL;
  }

  /** The command words, such as {@code status} and {@code match}, in help order. */
  public static Set<String> verbs() {
    return VERBS;
  }

  /** The command word a typed word stands for, ignoring case, hyphens and underscores. */
  public static Optional<String> verb(String typed) {
    String alias = ALIASES.get(typed);
    if (alias != null) {
      return Optional.of(alias);
    }
    return verbs().stream().filter(v -> Verbs.same(typed, v)).findFirst();
  }

  private static Set<String> verbsInHelpOrder() {
    Set<String> verbs = new LinkedHashSet<>();
    ALL.forEach(e -> verbs.add(e.verb()));
    return Collections.unmodifiableSet(verbs);
  }

  /** The entries for one command word, such as both {@code match} commands. */
  public static List<CommandHelp> about(String verb) {
    return ALL.stream().filter(e -> e.verb().equals(verb)).toList();
  }

  private static CommandHelp entry(
      Class<? extends Command> command, Audience audience, String usage, String example, String summary) {
    return new CommandHelp(command, audience, usage, example, summary);
  }
}
