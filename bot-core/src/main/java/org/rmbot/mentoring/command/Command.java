package org.rmbot.mentoring.command;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a person can ask the bot to do, as typed in Slack ({@code /mentoring ...}) or Teams
 * (a message to the bot), after {@link CommandParser} has read it. A command says what was asked,
 * not whether it is allowed: the core checks authority on every command.
 *
 * <p>An empty {@code program} means the person did not name one; the core then uses the one
 * program they take part in or coordinate, or asks which.
 */
public sealed interface Command {

  // For everyone

  /** {@code topic} is a command word such as {@code match}; empty for the overview. */
  record Help(Optional<String> topic) implements Command {
    public Help {
      Objects.requireNonNull(topic);
    }
  }

  record Join(Optional<String> program) implements Command {
    public Join {
      Objects.requireNonNull(program);
    }
  }

  record Me() implements Command {}

  /** Quiet the person's reminders for a while; at most {@link #LONGEST}. */
  record Snooze(Period length) implements Command {
    public static final Period LONGEST = Period.ofWeeks(12);

    public Snooze {
      if (length == null || length.toTotalMonths() != 0 || length.getDays() < 1
          || length.getDays() > LONGEST.getDays()) {
        throw new IllegalArgumentException("a snooze lasts from 1 day to 12 weeks");
      }
    }
  }

  /** Put one's own participation on hold. */
  record Pause() implements Command {}

  record Resume() implements Command {}

  record Leave() implements Command {}

  /**
   * A private, no-fault request for support or a rematch, seen only by coordinators. {@code note}
   * keeps anything typed after the command so the person need not write it twice.
   */
  record HelpRequest(Optional<String> note) implements Command {
    public HelpRequest {
      Objects.requireNonNull(note);
    }
  }

  record Journal() implements Command {}

  record MyData() implements Command {}

  record ForgetMe() implements Command {}

  // For coordinators

  record CreateProgram(String name, Optional<String> theme) implements Command {
    public CreateProgram {
      requireName(name);
      Objects.requireNonNull(theme);
    }
  }

  /** When a program runs, set before it starts; the parser keeps the length within {@link #LONGEST}. */
  record ProgramDates(String name, LocalDate startsOn, LocalDate endsOn) implements Command {
    public static final Period SHORTEST = Period.ofWeeks(2);
    public static final Period LONGEST = Period.ofYears(2);

    public ProgramDates {
      requireName(name);
      if (!endsOn.isAfter(startsOn)) {
        throw new IllegalArgumentException("a program ends after it starts");
      }
    }
  }

  record OpenProgram(String name) implements Command {
    public OpenProgram {
      requireName(name);
    }
  }

  record CloseProgram(String name) implements Command {
    public CloseProgram {
      requireName(name);
    }
  }

  record Status(Optional<String> program) implements Command {
    public Status {
      Objects.requireNonNull(program);
    }
  }

  record MatchPreview(Optional<String> program) implements Command {
    public MatchPreview {
      Objects.requireNonNull(program);
    }
  }

  record MatchCommit(Optional<String> program) implements Command {
    public MatchCommit {
      Objects.requireNonNull(program);
    }
  }

  record Rematch(Optional<String> program) implements Command {
    public Rematch {
      Objects.requireNonNull(program);
    }
  }

  record Pair(Mention mentor, Mention mentee) implements Command {
    public Pair {
      requireTwoPeople(mentor, mentee);
    }
  }

  record NeverPair(Mention one, Mention other) implements Command {
    public NeverPair {
      requireTwoPeople(one, other);
    }
  }

  record Unpair(PairingRef pairing) implements Command {
    public Unpair {
      Objects.requireNonNull(pairing);
    }
  }

  record PausePairing(PairingRef pairing) implements Command {
    public PausePairing {
      Objects.requireNonNull(pairing);
    }
  }

  record ResumePairing(PairingRef pairing) implements Command {
    public ResumePairing {
      Objects.requireNonNull(pairing);
    }
  }

  record NudgePerson(Mention person) implements Command {
    public NudgePerson {
      Objects.requireNonNull(person);
    }
  }

  /** Nudge every pair the core considers at risk (not meeting), in the caller's programs. */
  record NudgeAtRisk() implements Command {}

  /** The program's open help requests, with the notes people wrote for coordinators. */
  record HelpRequests(Optional<String> program) implements Command {
    public HelpRequests {
      Objects.requireNonNull(program);
    }
  }

  /** Mark a help request, by its number from {@code help-requests}, as taken care of. */
  record ResolveHelpRequest(long number) implements Command {
    public ResolveHelpRequest {
      if (number < 1) {
        throw new IllegalArgumentException("a help request's number is positive");
      }
    }
  }

  record OpenFeedback(Optional<String> program) implements Command {
    public OpenFeedback {
      Objects.requireNonNull(program);
    }
  }

  record CloseFeedback(Optional<String> program) implements Command {
    public CloseFeedback {
      Objects.requireNonNull(program);
    }
  }

  record FeedbackResults(Optional<String> program) implements Command {
    public FeedbackResults {
      Objects.requireNonNull(program);
    }
  }

  record Report(Optional<String> program) implements Command {
    public Report {
      Objects.requireNonNull(program);
    }
  }

  record Export(Optional<String> program) implements Command {
    public Export {
      Objects.requireNonNull(program);
    }
  }

  /** The program's schedule of messages: which are on, and when they go out. */
  record Reminders(Optional<String> program) implements Command {
    public Reminders {
      Objects.requireNonNull(program);
    }
  }

  /** Switch one kind of scheduled message on or off for a program, by its {@link ReminderKinds} code. */
  record SwitchReminder(String kind, boolean on, Optional<String> program) implements Command {
    public SwitchReminder {
      if (!ReminderKinds.all().containsKey(kind)) {
        throw new IllegalArgumentException("not a kind of scheduled message: " + kind);
      }
      Objects.requireNonNull(program);
    }
  }

  /** Erase another person's data, at their request. */
  record Forget(Mention person) implements Command {
    public Forget {
      Objects.requireNonNull(person);
    }
  }

  // For workspace admins

  record AddCoordinator(Mention person, Optional<String> program) implements Command {
    public AddCoordinator {
      Objects.requireNonNull(person);
      Objects.requireNonNull(program);
    }
  }

  private static void requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a program needs a name");
    }
  }

  private static void requireTwoPeople(Mention one, Mention other) {
    if (one == null || other == null || one.equals(other)) {
      throw new IllegalArgumentException("needs two different people");
    }
  }
}
