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

/**
 * Every command, in the order help lists them, with who it is for. The parser takes its command
 * words from here, and a test checks that every {@link Command} has an entry, so help cannot
 * drift from the grammar.
 */
public final class CommandCatalogue {
  private static final List<CommandHelp> ALL = List.of(
      entry(Command.Help.class, PARTICIPANT, "help [command]", "help snooze",
          "Show this list, or more about one command."),
      entry(Command.Join.class, PARTICIPANT, "join [program]", "join \"Pilot 2026\"",
          "Sign up for a mentoring program. I'll ask a few questions so we can find you a good match."),
      entry(Command.Me.class, PARTICIPANT, "me", "me",
          "See who you're paired with, what's next, and anything waiting for you."),
      entry(Command.Snooze.class, PARTICIPANT, "snooze <time>", "snooze 2w",
          "Quiet your reminders for a while, like 2w for two weeks or 10d for ten days (up to 12 weeks)."),
      entry(Command.Pause.class, PARTICIPANT, "pause", "pause",
          "Put your mentoring on hold, say for a holiday or a busy spell."),
      entry(Command.Resume.class, PARTICIPANT, "resume", "resume",
          "Pick up again after a pause."),
      entry(Command.Leave.class, PARTICIPANT, "leave", "leave",
          "Leave the program. If you only need a break, use " + Markup.command("pause") + " instead."),
      entry(Command.HelpRequest.class, PARTICIPANT, "help-request [note]",
          "help-request We haven't managed to meet yet",
          "Ask for support or a new partner, in private. Only coordinators see it, and it's no-fault: no one is blamed."),
      entry(Command.Journal.class, PARTICIPANT, "journal", "journal",
          "Your private notes about your sessions. Only you can read them."),
      entry(Command.MyData.class, PARTICIPANT, "my-data", "my-data",
          "Get a copy of everything the bot keeps about you."),
      entry(Command.ForgetMe.class, PARTICIPANT, "forget-me", "forget-me",
          "Erase everything the bot keeps about you. This can't be undone."),

      entry(Command.CreateProgram.class, COORDINATOR, "program create <name> [theme]",
          "program create \"Pilot 2026\" LGBTQ+ inclusion",
          "Start a new program. Put a name with spaces in quotes."),
      entry(Command.OpenProgram.class, COORDINATOR, "program open <name>", "program open \"Pilot 2026\"",
          "Open a program so people can join."),
      entry(Command.CloseProgram.class, COORDINATOR, "program close <name>", "program close \"Pilot 2026\"",
          "Close a program once it has finished."),
      entry(Command.Status.class, COORDINATOR, "status [program]", "status",
          "See how a program is going: who has joined, how each pair is doing, and who may need help."),
      entry(Command.MatchPreview.class, COORDINATOR, "match preview [program]", "match preview",
          "See the suggested pairs and the reason for each, before anyone is told."),
      entry(Command.MatchCommit.class, COORDINATOR, "match commit [program]", "match commit",
          "Send out the suggested pairs. Each person privately accepts or declines."),
      entry(Command.Rematch.class, COORDINATOR, "rematch [program]", "rematch",
          "Find new partners for people whose pairing ended or didn't work out."),
      entry(Command.Pair.class, COORDINATOR, "pair @mentor @mentee", "pair @sam @jordan",
          "Pair two people yourself: the mentor first, then the mentee."),
      entry(Command.NeverPair.class, COORDINATOR, "never-pair @person @person", "never-pair @sam @jordan",
          "Make sure two people are never paired, for example a manager and someone in their team."),
      entry(Command.Unpair.class, COORDINATOR, "unpair @person", "unpair @sam",
          "End a pairing, named by either person in it (or by its number from " + Markup.command("status") + ")."),
      entry(Command.PausePairing.class, COORDINATOR, "pause @person", "pause @sam",
          "Put a pairing on hold, named by either person in it."),
      entry(Command.ResumePairing.class, COORDINATOR, "resume @person", "resume @sam",
          "Restart a paused pairing."),
      entry(Command.NudgePerson.class, COORDINATOR, "nudge @person", "nudge @jordan",
          "Send one person a friendly reminder now."),
      entry(Command.NudgeAtRisk.class, COORDINATOR, "nudge at-risk", "nudge at-risk",
          "Send a friendly reminder to every pair that hasn't met for a while."),
      entry(Command.HelpRequests.class, COORDINATOR, "help-requests [program]", "help-requests",
          "Read the private help requests people have sent, with their notes. Only coordinators see them."),
      entry(Command.ResolveHelpRequest.class, COORDINATOR, "help-requests done <number>", "help-requests done 12",
          "Mark a help request as taken care of, by its number from " + Markup.command("help-requests") + "."),
      entry(Command.OpenFeedback.class, COORDINATOR, "feedback open [program]", "feedback open",
          "Start collecting anonymous feedback from the program."),
      entry(Command.CloseFeedback.class, COORDINATOR, "feedback close [program]", "feedback close",
          "Stop collecting feedback."),
      entry(Command.FeedbackResults.class, COORDINATOR, "feedback results [program]", "feedback results",
          "See what people said. Answers only show once enough people have replied that no one can be picked out."),
      entry(Command.Reminders.class, COORDINATOR, "reminders [program]", "reminders",
          "See the messages the bot sends on the program's schedule, and which are switched off."),
      entry(Command.SwitchReminder.class, COORDINATOR, "reminders on|off <kind> [program]", "reminders off midpoint",
          "Switch one kind of scheduled message on or off for the program, like the midpoint message."),
      entry(Command.Report.class, COORDINATOR, "report [program]", "report",
          "A summary of meetings, feedback and progress, ready to share."),
      entry(Command.Export.class, COORDINATOR, "export [program]", "export",
          "Download the program's figures as a spreadsheet (a CSV file)."),
      entry(Command.ProgramDates.class, COORDINATOR, "program dates <name> <first day> <last day>",
          "program dates \"Pilot 2026\" 2026-02-02 2026-07-31",
          "Set when a program runs, before it starts (otherwise it runs six months from when its first pair starts)."),
      entry(Command.Forget.class, COORDINATOR, "forget @person", "forget @sam",
          "Erase someone's data when they ask you to. This can't be undone."),

      entry(Command.AddCoordinator.class, ADMIN, "coordinator add @person [program]",
          "coordinator add @sam \"Pilot 2026\"",
          "Let someone run a program as its coordinator."));

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
