package org.rmbot.mentoring.conversation;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
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
import org.rmbot.mentoring.wording.Catalogue;
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
  private static final Catalogue WORDS = Catalogue.english();
  private static final String NO_LONGER_IN_USE = WORDS.phrase("router.button_gone_nothing_saved");
  static final String SORRY = WORDS.phrase("router.sorry");

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
    return safely("command", () -> {
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
        return Reply.say(WORDS.phrase("router.unknown_person"));
      }
      // every command type has a route (RoutesTest), so there is no fallback
      return routes.command(command).orElseThrow().answer(caller, person.get(), command);
    });
  }

  @Override
  public Reply action(Caller caller, String clickedId, String clickedValue) {
    String actionId = StorableText.of(clickedId);
    String value = StorableText.of(clickedValue);
    return safely("button", () -> FeedbackInvitation.isAnonymous(actionId)
        ? anonymously(() -> routes.anonymousAction(actionId).map(route -> route.click(caller, actionId, value)))
        : known(caller, WORDS.phrase("router.unknown_caller.button"),
            person -> routes.action(actionId).map(route -> route.click(caller, person, actionId, value))
                .orElseGet(() -> Reply.say(WORDS.phrase("router.button_gone",
                    "help", Markup.command("help"))))));
  }

  @Override
  public Reply submit(Caller caller, String submittedId, Map<String, String> submitted) {
    String formId = StorableText.of(submittedId);
    Map<String, String> values = StorableText.of(submitted);
    return safely("form", () -> FeedbackInvitation.isAnonymous(formId)
        ? anonymously(() -> routes.anonymousForm(formId).map(route -> route.submit(caller, formId, values)))
        : known(caller, WORDS.phrase("router.unknown_caller.form"),
            person -> routes.form(formId).map(route -> route.submit(caller, person, formId, values))
                .orElseGet(() -> Reply.say(WORDS.phrase("router.form_expired")))));
  }

  /** Anonymous paths (feedback ballots) run read-only, without the person being looked up. */
  private static Reply anonymously(Supplier<Optional<Reply>> route) {
    return ReadOnlyScope.run(() -> route.get().orElseGet(() -> Reply.say(NO_LONGER_IN_USE)));
  }

  private Reply known(Caller caller, String whenUnknown, Function<Person, Reply> answer) {
    Optional<Person> person = callers.resolve(caller);
    return person.isEmpty() ? Reply.say(whenUnknown) : answer.apply(person.get());
  }

  /** An unexpected failure becomes a short apology; the log gets its type and place, never anyone's text. */
  private static Reply safely(String what, Supplier<Reply> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      log.error("{} failed: {} at {}", what, e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
      return Reply.say(SORRY);
    }
  }

  @Override
  public ChatMessage home(Caller caller) {
    Optional<Person> person = callers.resolve(caller);
    return home.of(caller, person);
  }
}
