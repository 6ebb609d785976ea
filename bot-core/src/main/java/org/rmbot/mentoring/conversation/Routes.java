package org.rmbot.mentoring.conversation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.rmbot.mentoring.chat.ActionIds;
import org.rmbot.mentoring.command.Command;
import org.rmbot.mentoring.feedback.FeedbackInvitation;
import org.rmbot.mentoring.participant.Person;

/**
 * The one routing table of the conversation: every {@link Command} type, every button action id
 * and every form id prefix, each with exactly the one handler that answers it. To find who
 * answers a command, search this file for its record ({@code Command.Status}).
 *
 * <p>Handlers check who may do what themselves, on every call. The anonymous routes (feedback
 * ballots) are answered without the person being looked up, read-only.
 */
public final class Routes {

  /** Answers a command from a person the core knows. */
  @FunctionalInterface
  interface CommandHandler<C extends Command> {
    Reply answer(Caller caller, Person person, C command);
  }

  /** Answers a command from anyone, known or not (only {@code help}). */
  @FunctionalInterface
  interface AnyoneHandler<C extends Command> {
    Reply answer(Caller caller, Optional<Person> person, C command);
  }

  @FunctionalInterface
  interface ActionHandler {
    Reply click(Caller caller, Person person, String actionId, String value);
  }

  @FunctionalInterface
  interface FormHandler {
    Reply submit(Caller caller, Person person, String formId, Map<String, String> values);
  }

  @FunctionalInterface
  interface AnonymousActionHandler {
    Reply click(Caller caller, String actionId, String value);
  }

  @FunctionalInterface
  interface AnonymousFormHandler {
    Reply submit(Caller caller, String formId, Map<String, String> values);
  }

  private final Map<Class<? extends Command>, AnyoneHandler<Command>> forAnyone = new LinkedHashMap<>();
  private final Map<Class<? extends Command>, CommandHandler<Command>> commands = new LinkedHashMap<>();
  private final Map<String, ActionHandler> actions = new LinkedHashMap<>();
  private final Map<String, AnonymousActionHandler> anonymousActions = new LinkedHashMap<>();
  private final Map<String, FormHandler> forms = new LinkedHashMap<>();
  private final Map<String, AnonymousFormHandler> anonymousForms = new LinkedHashMap<>();

  private Routes() {}

  /** The table. */
  public static Routes of(HelpAnswers help, ParticipantCommands participant, ProgramCommands program, CoordinatorCommands coordinator,
      ParticipantButtons buttons,
      FeedbackCommands feedback, PrivacyCommands privacy, ReportCommands reports, HelpRequestCommands support, ReminderCommands reminders) {
    Routes routes = new Routes();

    // For everyone
    routes.forAnyone(Command.Help.class, help::help);
    routes.command(Command.Join.class, participant::join);
    routes.command(Command.Me.class, participant::me);
    routes.command(Command.Snooze.class, participant::snooze);
    routes.command(Command.Pause.class, participant::pause);
    routes.command(Command.Resume.class, participant::resume);
    routes.command(Command.Leave.class, participant::leave);
    routes.command(Command.HelpRequest.class, participant::helpRequest);
    routes.command(Command.Journal.class, participant::journal);
    routes.command(Command.MyData.class, privacy::myData);
    routes.command(Command.ForgetMe.class, privacy::forgetMe);

    // For coordinators
    routes.command(Command.CreateProgram.class, program::createProgram);
    routes.command(Command.ProgramDates.class, program::programDates);
    routes.command(Command.OpenProgram.class, program::openProgram);
    routes.command(Command.CloseProgram.class, program::closeProgram);
    routes.command(Command.Status.class, coordinator::status);
    routes.command(Command.MatchPreview.class, coordinator::matchPreview);
    routes.command(Command.MatchCommit.class, coordinator::matchCommit);
    routes.command(Command.Rematch.class, coordinator::rematch);
    routes.command(Command.Pair.class, coordinator::pair);
    routes.command(Command.NeverPair.class, coordinator::neverPair);
    routes.command(Command.Unpair.class, coordinator::unpair);
    routes.command(Command.PausePairing.class, coordinator::pausePairing);
    routes.command(Command.ResumePairing.class, coordinator::resumePairing);
    routes.command(Command.NudgePerson.class, coordinator::nudgePerson);
    routes.command(Command.NudgeAtRisk.class, coordinator::nudgeAtRisk);
    routes.command(Command.HelpRequests.class, support::helpRequests);
    routes.command(Command.ResolveHelpRequest.class, support::resolveHelpRequest);
    routes.command(Command.OpenFeedback.class, feedback::openFeedback);
    routes.command(Command.CloseFeedback.class, feedback::closeFeedback);
    routes.command(Command.FeedbackResults.class, feedback::feedbackResults);
    routes.command(Command.Report.class, reports::report);
    routes.command(Command.Export.class, reports::export);
    routes.command(Command.Reminders.class, reminders::reminders);
    routes.command(Command.SwitchReminder.class, reminders::switchReminder);
    routes.command(Command.Forget.class, privacy::forget);

    // For workspace admins
    routes.command(Command.AddCoordinator.class, coordinator::addCoordinator);

    // Buttons, by their action id
    routes.action(ActionIds.PROPOSAL_ACCEPT, buttons::acceptProposal);
    routes.action(ActionIds.PROPOSAL_DECLINE, buttons::declineProposal);
    routes.action(ActionIds.CHECK_IN_MET, buttons::checkInMet);
    routes.action(ActionIds.CHECK_IN_NOT_YET, buttons::checkInNotYet);
    routes.action(ActionIds.CHECK_IN_RESCHEDULED, buttons::checkInRescheduled);
    routes.action(ActionIds.BOOK_MEETING, buttons::bookMeeting);
    routes.action(ActionIds.WRITE_REFLECTION, buttons::writeReflection);
    routes.action(ActionIds.SNOOZE, buttons::snooze);
    routes.action(ActionIds.SHARE_REFLECTION, privacy::shareReflection);
    routes.action(PrivacyCommands.CONFIRM_FORGET_ME, privacy::confirmForgetMe);
    routes.action(PrivacyCommands.CONFIRM_FORGET, privacy::confirmForget);
    routes.anonymousAction(FeedbackInvitation.OPEN_FORM, feedback::openBallot);

    // Forms, by the prefix of their id
    routes.form(JoinForm.PREFIX, participant::submitJoinForm);
    routes.form(ActionIds.BOOKING_FORM, participant::submitBookingForm);
    routes.form(ActionIds.REFLECTION_FORM, participant::submitReflectionForm);
    routes.form(FeedbackCommands.OPEN_FORM, feedback::submitOpenForm);
    routes.anonymousForm(FeedbackInvitation.FORM_PREFIX, feedback::submitBallot);
    return routes;
  }

  @SuppressWarnings("unchecked")
  private <C extends Command> void forAnyone(Class<C> type, AnyoneHandler<C> handler) {
    add(forAnyone, commands, type, (AnyoneHandler<Command>) handler);
  }

  @SuppressWarnings("unchecked")
  private <C extends Command> void command(Class<C> type, CommandHandler<C> handler) {
    add(commands, forAnyone, type, (CommandHandler<Command>) handler);
  }

  private void action(String id, ActionHandler handler) {
    add(actions, anonymousActions, id, handler);
  }

  private void anonymousAction(String id, AnonymousActionHandler handler) {
    add(anonymousActions, actions, id, handler);
  }

  private void form(String prefix, FormHandler handler) {
    add(forms, anonymousForms, prefix, handler);
  }

  private void anonymousForm(String prefix, AnonymousFormHandler handler) {
    add(anonymousForms, forms, prefix, handler);
  }

  /** Each key has one route: in {@code table}, and not also in its {@code twin} (known or anonymous). */
  private static <K, V> void add(Map<K, V> table, Map<K, ?> twin, K key, V handler) {
    if (table.putIfAbsent(key, handler) != null || twin.containsKey(key)) {
      throw new IllegalStateException("two routes for " + key);
    }
  }

  Optional<AnyoneHandler<Command>> forAnyone(Command command) {
    return Optional.ofNullable(forAnyone.get(command.getClass()));
  }

  Optional<CommandHandler<Command>> command(Command command) {
    return Optional.ofNullable(commands.get(command.getClass()));
  }

  Optional<ActionHandler> action(String actionId) {
    return Optional.ofNullable(actions.get(actionId));
  }

  Optional<AnonymousActionHandler> anonymousAction(String actionId) {
    return Optional.ofNullable(anonymousActions.get(actionId));
  }

  Optional<FormHandler> form(String formId) {
    return forms.entrySet().stream().filter(e -> formId.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst();
  }

  Optional<AnonymousFormHandler> anonymousForm(String formId) {
    return anonymousForms.entrySet().stream().filter(e -> formId.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst();
  }

  /** Whether {@code type} has a route, for anyone or for a known person. */
  public boolean routes(Class<? extends Command> type) {
    return commands.containsKey(type) || forAnyone.containsKey(type);
  }

  /** Whether a click on {@code actionId} has a route. */
  public boolean routesAction(String actionId) {
    return actions.containsKey(actionId) || anonymousActions.containsKey(actionId);
  }

  /** Whether a form whose id starts with {@code formId} has a route. */
  public boolean routesForm(String formId) {
    return form(formId).isPresent() || anonymousForm(formId).isPresent();
  }
}
