package org.rmbot.mentoring.command;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rmbot.mentoring.command.Command.*;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * Reads one line of command text, the same for Slack and Teams, into a {@link Command}, or says
 * specifically what it did not understand and what to type instead.
 *
 * <p>Adapters hand over plain text with the leading bot mention removed and mentions in the
 * neutral form {@code <@ID>} (see {@link Mention}). Command words ignore case, hyphens and
 * underscores; extra spaces and a leading {@code /mentoring} are fine; empty text asks for help.
 * Program names are double-quoted, or run to the end of the line. The parser never throws.
 */
public final class CommandParser {
  /** Longer than any real command; beyond this it is a paste, not a command. */
  static final int LONGEST_COMMAND = 1_000;
  private static final Catalogue WORDS = Catalogue.english();
  private static final String LEADING_SLASH_COMMAND = "/mentoring";
  private static final String DATES_EXAMPLE = "2026-02-02 2026-07-31";
  /** Words people reach for that mean a command we have; suggested, never run. */
  private static final Map<String, String> INSTEAD = Map.of(
      "stop", "pause", "quit", "leave", "enrol", "join", "enroll", "join", "register", "join",
      "signup", "join", "commands", "help");

  private final Invocation invocation;

  public CommandParser(Invocation invocation) {
    this.invocation = Objects.requireNonNull(invocation);
  }

  public ParseResult parse(String text) {
    if (text == null) {
      return new ParseResult.Parsed(new Help(Optional.empty()));
    }
    if (text.length() > 20 * LONGEST_COMMAND) {
      return tooLong(); // before normalising, so a pasted novel costs nothing
    }
    Words words = Words.of(text);
    if (words.text().length() > LONGEST_COMMAND) {
      return tooLong();
    }
    String first = words.next();
    if (first != null && first.equalsIgnoreCase(LEADING_SLASH_COMMAND)) {
      first = words.next();
    }
    if (first == null) {
      return new ParseResult.Parsed(new Help(Optional.empty()));
    }
    try {
      return new ParseResult.Parsed(command(first, words));
    } catch (NotUnderstood e) {
      return new ParseResult.Unrecognised(e.getMessage());
    }
  }

  private Command command(String typed, Words words) {
    String verb = verbAt(typed, words)
        .orElseThrow(() -> new NotUnderstood(WORDS.phrase("parse.unknown_command", "typed", Echo.of(typed),
            "suggestion", suggestion(typed), "help", invocation.show("help"))));
    return switch (verb) {
      case "help" -> help(words);
      case "join" -> new Join(ProgramNames.optional(words));
      case "me" -> alone(words, verb, new Me());
      case "snooze" -> new Snooze(SnoozeLengths.read(words.rest(), invocation));
      case "pause" -> words.atEnd() ? new Pause() : new PausePairing(pairing(words, selfPauseHint(verb)));
      case "resume" -> words.atEnd() ? new Resume() : new ResumePairing(pairing(words, selfPauseHint(verb)));
      case "leave" -> alone(words, verb, new Leave());
      case "help-request" -> new HelpRequest(Optional.of(words.rest()).filter(note -> !note.isEmpty()));
      case "journal" -> alone(words, verb, new Journal());
      case "my-data" -> alone(words, verb, new MyData());
      case "forget-me" -> alone(words, verb, new ForgetMe());
      case "program" -> program(words);
      case "status" -> new Status(ProgramNames.optional(words));
      case "match" -> match(words);
      case "rematch" -> new Rematch(ProgramNames.optional(words));
      case "pair" -> pair(words);
      case "never-pair" -> neverPair(words);
      case "unpair" -> new Unpair(pairing(words,
          WORDS.phrase("parse.unpair_needs_person", "example", invocation.show("unpair @person"))));
      case "nudge" -> nudge(words);
      case "help-requests" -> helpRequests(words);
      case "feedback" -> feedback(words);
      case "reminders" -> reminders(words);
      case "report" -> new Report(ProgramNames.optional(words));
      case "export" -> new Export(ProgramNames.optional(words));
      case "forget" -> forget(words);
      case "coordinator" -> coordinator(words);
      // Unreachable while every catalogue entry has a case: HelpTextTest parses every example.
      default -> throw new IllegalStateException("no grammar for " + verb);
    };
  }

  /** The command word, also when typed as two words: "my data", "never pair". */
  private static Optional<String> verbAt(String typed, Words words) {
    Optional<String> verb = CommandCatalogue.verb(typed);
    if (verb.isPresent() || words.peek() == null) {
      return verb;
    }
    Optional<String> twoWords = CommandCatalogue.verb(typed + "-" + words.peek())
        .filter(v -> v.equals("my-data") || v.equals("never-pair"));
    twoWords.ifPresent(v -> words.next());
    return twoWords;
  }

  private Help help(Words words) {
    String typed = words.next();
    if (typed == null) {
      return new Help(Optional.empty());
    }
    // Anything after the topic ("help match preview") is covered by the topic's help.
    String topic = verbAt(typed, words)
        .or(() -> CommandCatalogue.verb("help-" + typed)) // "help request" means help-request
        .orElseThrow(() -> new NotUnderstood(
        WORDS.phrase("parse.no_such_help_topic", "typed", Echo.of(typed), "suggestion", suggestion(typed),
            "help", invocation.show("help"))));
    return new Help(Optional.of(topic));
  }

  private Command program(Words words) {
    String action = subcommand(words, "program", List.of("create", "open", "dates", "close"),
        invocation.show("program create \"Pilot 2026\""));
    String needsName = WORDS.phrase("parse.program_needs_name", "command", "program " + action,
        "example", invocation.show("program " + action + " \"Pilot 2026\"" + (action.equals("dates") ? " " + DATES_EXAMPLE : "")));
    return switch (action) {
      case "create" -> new CreateProgram(ProgramNames.firstWord(words, needsName), ProgramNames.theme(words));
      case "open" -> new OpenProgram(ProgramNames.toTheEnd(words, needsName));
      case "dates" -> programDates(words, needsName);
      default -> new CloseProgram(ProgramNames.toTheEnd(words, needsName));
    };
  }

  private Command programDates(Words words, String needsName) {
    String name = ProgramNames.firstWord(words, needsName);
    String usage = invocation.show("program dates \"" + name + "\" " + DATES_EXAMPLE);
    String first = words.next();
    String last = words.next();
    if (first == null || last == null) {
      throw new NotUnderstood(WORDS.phrase("parse.dates_needs_two_days", "example", usage));
    }
    LocalDate startsOn = day(first, usage);
    LocalDate endsOn = day(last, usage);
    nothingMore(words, WORDS.phrase("parse.after.two_dates"));
    if (endsOn.isBefore(startsOn.plus(ProgramDates.SHORTEST))) {
      throw new NotUnderstood(WORDS.phrase("parse.dates_too_short", "example", usage));
    }
    if (endsOn.isAfter(startsOn.plus(ProgramDates.LONGEST))) {
      throw new NotUnderstood(WORDS.phrase("parse.dates_too_long"));
    }
    return new ProgramDates(name, startsOn, endsOn);
  }

  private static LocalDate day(String typed, String usage) {
    try {
      return LocalDate.parse(typed);
    } catch (DateTimeParseException e) {
      throw new NotUnderstood(WORDS.phrase("parse.not_a_date", "typed", Echo.of(typed), "example", usage));
    }
  }

  private Command match(Words words) {
    String action = subcommand(words, "match", List.of("preview", "commit"), invocation.show("match preview"));
    Optional<String> program = ProgramNames.optional(words);
    return action.equals("preview") ? new MatchPreview(program) : new MatchCommit(program);
  }

  private Command feedback(Words words) {
    String action = subcommand(words, "feedback", List.of("open", "close", "results"),
        invocation.show("feedback results"));
    Optional<String> program = ProgramNames.optional(words);
    return switch (action) {
      case "open" -> new OpenFeedback(program);
      case "close" -> new CloseFeedback(program);
      default -> new FeedbackResults(program);
    };
  }

  private Command reminders(Words words) {
    String switched = words.peek();
    if (switched == null || !(switched.equalsIgnoreCase("on") || switched.equalsIgnoreCase("off"))) {
      return new Reminders(ProgramNames.optional(words));
    }
    words.next();
    boolean on = switched.equalsIgnoreCase("on");
    String usage = invocation.show("reminders " + (on ? "on" : "off") + " midpoint");
    String typed = words.next();
    if (typed == null) {
      throw new NotUnderstood(WORDS.phrase("parse.reminders_needs_kind", "command", "reminders " + (on ? "on" : "off"),
          "example", usage, "list", invocation.show("reminders")));
    }
    String kind = ReminderKinds.code(typed).orElseThrow(() -> new NotUnderstood(WORDS.phrase("parse.not_a_reminder_kind", "typed", Echo.of(typed),
        "suggestion", Suggestions.didYouMean(typed, ReminderKinds.all().keySet()), "list", invocation.show("reminders"))));
    return new SwitchReminder(kind, on, ProgramNames.optional(words));
  }

  private Command helpRequests(Words words) {
    if (!"done".equalsIgnoreCase(words.peek())) {
      return new HelpRequests(ProgramNames.optional(words));
    }
    words.next();
    String typed = words.next();
    String usage = invocation.show("help-requests done 12");
    if (typed == null) {
      throw new NotUnderstood(WORDS.phrase("parse.done_needs_number", "example", usage));
    }
    String digits = typed.startsWith("#") ? typed.substring(1) : typed;
    if (!digits.matches("[0-9]{1,12}") || Long.parseLong(digits) < 1 || !words.atEnd()) {
      throw new NotUnderstood(WORDS.phrase("parse.not_a_request_number", "typed", Echo.of(typed),
          "list", invocation.show("help-requests"), "example", usage));
    }
    return new ResolveHelpRequest(Long.parseLong(digits));
  }

  private Command coordinator(Words words) {
    subcommand(words, "coordinator", List.of("add"), invocation.show("coordinator add @person"));
    Mention person = Mentions.person(words.next());
    if (person == null) {
      throw new NotUnderstood(WORDS.phrase("parse.coordinator_needs_person",
          "example", invocation.show("coordinator add @person \"Pilot 2026\"")));
    }
    return new AddCoordinator(person, ProgramNames.optional(words));
  }

  private Command pair(Words words) {
    Mention[] two = twoPeople(words, "pair", "pair @mentor @mentee");
    return new Pair(two[0], two[1]);
  }

  private Command neverPair(Words words) {
    Mention[] two = twoPeople(words, "never-pair", "never-pair @person @person");
    return new NeverPair(two[0], two[1]);
  }

  private Mention[] twoPeople(Words words, String verb, String usage) {
    String needsTwo = WORDS.phrase("parse.needs_two_people", "command", verb, "example", invocation.show(usage));
    Mention one = Mentions.person(words.next());
    Mention other = Mentions.person(words.next());
    if (one == null || other == null) {
      throw new NotUnderstood(needsTwo);
    }
    if (one.equals(other)) {
      throw new NotUnderstood(WORDS.phrase("parse.needs_two_different_people", "command", verb, "example", invocation.show(usage)));
    }
    nothingMore(words, WORDS.phrase("parse.after.two_people"));
    return new Mention[] {one, other};
  }

  private Command nudge(Words words) {
    String needs = WORDS.phrase("parse.nudge_needs_target", "person", invocation.show("nudge @person"),
        "atRisk", invocation.show("nudge at-risk"));
    String target = words.next();
    if (target == null) {
      throw new NotUnderstood(needs);
    }
    Mention person = Mentions.person(target);
    if (person != null) {
      nothingMore(words, WORDS.phrase("parse.after.person"));
      return new NudgePerson(person);
    }
    if (target.equalsIgnoreCase("at") && "risk".equalsIgnoreCase(words.peek())) {
      target = target + "-" + words.next();
    }
    if (!Verbs.same(target, "at-risk")) {
      throw new NotUnderstood(needs + Suggestions.didYouMean(target, List.of("at-risk")));
    }
    nothingMore(words, "at-risk");
    return new NudgeAtRisk();
  }

  private Command forget(Words words) {
    String target = words.next();
    if (target != null && target.equalsIgnoreCase("me")) {
      return alone(words, "forget me", new ForgetMe());
    }
    Mention person = Mentions.person(target);
    if (person == null) {
      throw new NotUnderstood(WORDS.phrase("parse.forget_needs_person", "example", invocation.show("forget @person"),
          "own", invocation.show("forget-me")));
    }
    nothingMore(words, WORDS.phrase("parse.after.person"));
    return new Forget(person);
  }

  private PairingRef pairing(Words words, String needs) {
    PairingRef pairing = Mentions.pairing(words.next());
    if (pairing == null) {
      throw new NotUnderstood(needs);
    }
    nothingMore(words, WORDS.phrase("parse.after.pairing"));
    return pairing;
  }

  private String selfPauseHint(String verb) {
    return WORDS.phrase("parse.pause_on_its_own", "command", verb, "verb", verb.equals("pause") ? "pause" : "resume",
        "example", invocation.show(verb + " @person"));
  }

  /** The next word as one of a command's actions ("match preview"), or a message listing them. */
  private String subcommand(Words words, String verb, List<String> actions, String example) {
    String typed = words.next();
    String choices = String.join(", ", actions.subList(0, actions.size() - 1))
        + (actions.size() > 1 ? " " + WORDS.phrase("parse.or") + " " : "") + actions.get(actions.size() - 1);
    if (typed == null) {
      throw new NotUnderstood(WORDS.phrase("parse.needs_action", "command", verb, "choices", choices, "example", example));
    }
    String action = typed.toLowerCase(Locale.ROOT);
    if (!actions.contains(action)) {
      throw new NotUnderstood(WORDS.phrase("parse.not_an_action", "command", verb, "choices", choices, "typed", Echo.of(typed))
          + Suggestions.didYouMean(typed, actions));
    }
    return action;
  }

  private Command alone(Words words, String verb, Command command) {
    if (!words.atEnd()) {
      throw new NotUnderstood(WORDS.phrase("parse.works_alone", "command", verb, "rest", Echo.of(words.rest())));
    }
    return command;
  }

  private static void nothingMore(Words words, String after) {
    if (!words.atEnd()) {
      throw new NotUnderstood(WORDS.phrase("parse.nothing_more", "rest", Echo.of(words.rest()), "after", after));
    }
  }

  private static String suggestion(String typed) {
    String instead = INSTEAD.get(typed.toLowerCase(Locale.ROOT));
    if (instead != null) {
      return " " + WORDS.phrase("parse.did_you_mean", "word", instead);
    }
    return Suggestions.didYouMean(typed, CommandCatalogue.verbs());
  }

  private ParseResult tooLong() {
    return new ParseResult.Unrecognised(WORDS.phrase("parse.too_long", "longest", LONGEST_COMMAND,
        "help", invocation.show("help")));
  }
}
