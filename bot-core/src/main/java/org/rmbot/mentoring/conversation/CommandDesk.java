package org.rmbot.mentoring.conversation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.command.Audience;
import org.rmbot.mentoring.command.Command;
import org.rmbot.mentoring.command.CommandParser;
import org.rmbot.mentoring.command.HelpText;
import org.rmbot.mentoring.command.Invocation;
import org.rmbot.mentoring.command.ParseResult;
import org.rmbot.mentoring.common.StorableText;
import org.rmbot.mentoring.feedback.FeedbackInvitation;
import org.rmbot.mentoring.persistence.ReadOnlyScope;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.Programs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's answer to everything people do in chat: parses commands with the shared grammar,
 * finds the person, and hands over to the participant or coordinator side. Unexpected failures
 * become a short apology; details go to the log without anyone's text.
 */
public final class CommandDesk implements ChatDesk {
  private static final Logger log = LoggerFactory.getLogger(CommandDesk.class);
  static final String SORRY = "Sorry, something went wrong on our side and nothing was changed. Please try again in a minute.";

  private final Callers callers;
  private final Authority authority;
  private final Programs programs;
  private final ParticipantSide participantSide;
  private final CoordinatorSide coordinatorSide;
  private final Buttons buttons;
  private final HomeView home;
  private final List<DeskExtension> extensions;

  public CommandDesk(Callers callers, Authority authority, Programs programs, ParticipantSide participantSide,
      CoordinatorSide coordinatorSide, Buttons buttons, HomeView home) {
    this(callers, authority, programs, participantSide, coordinatorSide, buttons, home, List.of());
  }

  /** {@code extensions} (feedback, privacy, reports) are asked first, in order. */
  public CommandDesk(Callers callers, Authority authority, Programs programs, ParticipantSide participantSide,
      CoordinatorSide coordinatorSide, Buttons buttons, HomeView home, List<DeskExtension> extensions) {
    this.callers = callers;
    this.authority = authority;
    this.programs = programs;
    this.participantSide = participantSide;
    this.coordinatorSide = coordinatorSide;
    this.buttons = buttons;
    this.home = home;
    this.extensions = List.copyOf(extensions);
  }

  static Invocation invocation(Caller caller) {
    return caller.identity().platform() == Platform.SLACK ? Invocation.SLASH_COMMAND : Invocation.DIRECT_MESSAGE;
  }

  @Override
  public Reply command(Caller caller, String typed) {
    String text = StorableText.of(typed);
    try {
      ParseResult parsed = new CommandParser(invocation(caller)).parse(text);
      if (parsed instanceof ParseResult.Unrecognised unrecognised) {
        return Reply.say(unrecognised.message());
      }
      Command command = ((ParseResult.Parsed) parsed).command();
      Optional<Person> person = callers.resolve(caller);
      if (command instanceof Command.Help help) {
        return new Reply.Say(new HelpText(invocation(caller)).message(help, audience(person)));
      }
      if (person.isEmpty()) {
        return Reply.say("I don't know you yet and your profile has no email address I can use."
            + " Ask a coordinator to add you to a program, then try again.");
      }
      for (DeskExtension extension : extensions) {
        Optional<Reply> answered = extension.command(caller, person.get(), command);
        if (answered.isPresent()) {
          return answered.get();
        }
      }
      Optional<Reply> handled = participantSide.handle(caller, person.get(), command);
      if (handled.isPresent()) {
        return handled.get();
      }
      return coordinatorSide.handle(caller, person.get(), command)
          .orElseGet(() -> Reply.say("That command isn't available yet. Type "
              + Markup.command("help") + " to see what you can do."));
    } catch (RuntimeException e) {
      log.error("command failed: {} at {}", e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
      return Reply.say(SORRY);
    }
  }

  @Override
  public Reply action(Caller caller, String clickedId, String clickedValue) {
    String actionId = StorableText.of(clickedId);
    String value = StorableText.of(clickedValue);
    try {
      if (FeedbackInvitation.isAnonymous(actionId)) {
        return anonymously(extension -> extension.clickAnonymously(caller, actionId, value));
      }
      Optional<Person> person = callers.resolve(caller);
      if (person.isEmpty()) {
        return Reply.say("I can't tell who you are from your profile, so I didn't do anything.");
      }
      for (DeskExtension extension : extensions) {
        Optional<Reply> answered = extension.click(caller, person.get(), actionId, value);
        if (answered.isPresent()) {
          return answered.get();
        }
      }
      return buttons.click(caller, person.get(), actionId, value);
    } catch (RuntimeException e) {
      log.error("button failed: {} at {}", e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
      return Reply.say(SORRY);
    }
  }

  @Override
  public Reply submit(Caller caller, String submittedId, Map<String, String> submitted) {
    String formId = StorableText.of(submittedId);
    Map<String, String> values = StorableText.of(submitted);
    try {
      if (FeedbackInvitation.isAnonymous(formId)) {
        return anonymously(extension -> extension.submitAnonymously(caller, formId, values));
      }
      Optional<Person> person = callers.resolve(caller);
      if (person.isEmpty()) {
        return Reply.say("I can't tell who you are from your profile, so nothing was saved.");
      }
      for (DeskExtension extension : extensions) {
        Optional<Reply> answered = extension.submit(caller, person.get(), formId, values);
        if (answered.isPresent()) {
          return answered.get();
        }
      }
      return participantSide.submit(caller, person.get(), formId, values);
    } catch (RuntimeException e) {
      log.error("form failed: {} at {}", e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
      return Reply.say(SORRY);
    }
  }

  /**
   * An anonymous path: the person is not looked up (nor created, nor linked), and the whole call
   * runs in a {@link ReadOnlyScope}, so any write on the way fails loudly.
   */
  private Reply anonymously(java.util.function.Function<DeskExtension, Optional<Reply>> handler) {
    return ReadOnlyScope.run(() -> {
      for (DeskExtension extension : extensions) {
        Optional<Reply> answered = handler.apply(extension);
        if (answered.isPresent()) {
          return answered.get();
        }
      }
      return Reply.say("That button is no longer in use, so nothing was saved.");
    });
  }

  @Override
  public ChatMessage home(Caller caller) {
    Optional<Person> person = callers.resolve(caller);
    return home.of(caller, person);
  }

  private Audience audience(Optional<Person> person) {
    if (person.isEmpty()) {
      return Audience.PARTICIPANT;
    }
    long id = person.get().id();
    if (authority.isAdmin(id)) {
      return Audience.ADMIN;
    }
    boolean coordinates = programs.all().stream().anyMatch(p -> authority.canCoordinate(id, p.id()));
    return coordinates ? Audience.COORDINATOR : Audience.PARTICIPANT;
  }
}
