package org.rmbot.mentoring.conversation;

import java.util.Map;
import java.util.Optional;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.command.Command;
import org.rmbot.mentoring.command.CommandParser;
import org.rmbot.mentoring.command.Invocation;
import org.rmbot.mentoring.command.ParseResult;
import org.rmbot.mentoring.common.StorableText;
import org.rmbot.mentoring.feedback.FeedbackInvitation;
import org.rmbot.mentoring.persistence.ReadOnlyScope;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's answer to everything people do in chat: parses commands with the shared grammar,
 * finds the person, and hands over to the one handler {@link Routes} names for the command, button
 * or form. Anonymous paths (feedback ballots) run without the person being looked up, read-only. Unexpected failures
 * become a short apology; details go to the log without anyone's text.
 */
public final class ChatRouter implements ChatDesk {
  private static final Logger log = LoggerFactory.getLogger(ChatRouter.class);
  private static final String NO_LONGER_IN_USE = "That button is no longer in use, so nothing was saved.";
  static final String SORRY = "Sorry, something went wrong on our side and nothing was changed. Please try again in a minute.";

  private final Callers callers;
  private final Routes routes;
  private final HomeView home;

  public ChatRouter(Callers callers, Routes routes, HomeView home) {
    this.callers = callers;
    this.routes = routes;
    this.home = home;
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
      var forAnyone = routes.forAnyone(command);
      if (forAnyone.isPresent()) {
        return forAnyone.get().answer(caller, person, command);
      }
      if (person.isEmpty()) {
        return Reply.say("I don't know you yet and your profile has no email address I can use."
            + " Ask a coordinator to add you to a program, then try again.");
      }
      // every command type has a route (RoutesTest), so there is no fallback
      return routes.command(command).orElseThrow().answer(caller, person.get(), command);
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
        return ReadOnlyScope.run(() -> routes.anonymousAction(actionId)
            .map(route -> route.click(caller, actionId, value))
            .orElseGet(() -> Reply.say(NO_LONGER_IN_USE)));
      }
      Optional<Person> person = callers.resolve(caller);
      if (person.isEmpty()) {
        return Reply.say("I can't tell who you are from your profile, so I didn't do anything.");
      }
      return routes.action(actionId).map(route -> route.click(caller, person.get(), actionId, value))
          .orElseGet(() -> Reply.say("That button is no longer in use. Type " + Markup.command("help") + " to see what you can do."));
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
        return ReadOnlyScope.run(() -> routes.anonymousForm(formId)
            .map(route -> route.submit(caller, formId, values))
            .orElseGet(() -> Reply.say(NO_LONGER_IN_USE)));
      }
      Optional<Person> person = callers.resolve(caller);
      if (person.isEmpty()) {
        return Reply.say("I can't tell who you are from your profile, so nothing was saved.");
      }
      return routes.form(formId).map(route -> route.submit(caller, person.get(), formId, values))
          .orElseGet(() -> Reply.say("That form has expired. Please start again."));
    } catch (RuntimeException e) {
      log.error("form failed: {} at {}", e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
      return Reply.say(SORRY);
    }
  }

  @Override
  public ChatMessage home(Caller caller) {
    Optional<Person> person = callers.resolve(caller);
    return home.of(caller, person);
  }
}
