package org.rmbot.mentoring.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.chat.ActionIds;
import org.rmbot.mentoring.command.Command;
import org.rmbot.mentoring.feedback.FeedbackInvitation;

/** Every command, button and form the bot can meet has exactly one handler in {@link Routes}. */
class RoutesTest {
  // the handlers are never called here, so they need none of their collaborators
  private final Routes routes = Routes.of(new HelpAnswers(null, null),
      new ParticipantCommands(null, null, null, null, null, null, null, null, null, null, null, null, null),
      new ProgramCommands(null, null, null, null, null, null, null, null),
      new CoordinatorCommands(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null),
      new ParticipantButtons(null, null, null, null, null, null, null),
      new FeedbackCommands(null, null, null, null, null, null),
      new PrivacyCommands(null, null, null, null, null, null, null, null, null),
      new ReportCommands(null, null, null, null, null, null, null),
      new HelpRequestCommands(null, null, null, null, null),
      new ReminderCommands(null, null, null, null, null));

  @Test
  void everyCommandHasARoute() {
    List<Class<?>> commands = commandTypes(Command.class);
    assertThat(commands).hasSizeGreaterThanOrEqualTo(37);
    assertThat(commands).allSatisfy(type -> assertThat(routes.routes(type.asSubclass(Command.class)))
        .as("a route for %s", type.getSimpleName()).isTrue());
  }

  @Test
  void everyButtonHasARoute() throws IllegalAccessException {
    List<String> ids = new ArrayList<>();
    for (Field field : ActionIds.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && !field.getName().endsWith("_FORM")) {
        ids.add((String) field.get(null));
      }
    }
    ids.addAll(List.of(PrivacyCommands.CONFIRM_FORGET_ME, PrivacyCommands.CONFIRM_FORGET, FeedbackInvitation.OPEN_FORM));
    assertThat(ids).hasSizeGreaterThanOrEqualTo(12);
    assertThat(ids).allSatisfy(id -> assertThat(routes.routesAction(id)).as("a route for button %s", id).isTrue());
  }

  @Test
  void everyFormHasARoute() {
    List<String> prefixes = List.of(ActionIds.BOOKING_FORM, ActionIds.REFLECTION_FORM, JoinForm.PREFIX,
        FeedbackCommands.OPEN_FORM, FeedbackInvitation.FORM_PREFIX);
    assertThat(prefixes).allSatisfy(prefix -> assertThat(routes.routesForm(prefix + "42")).as("a route for form %s", prefix).isTrue());
  }

  @Test
  void aStrangeIdHasNoRoute() {
    assertThat(routes.routesAction("nothing.here")).isFalse();
    assertThat(routes.routesForm("nothing:1")).isFalse();
  }

  private static List<Class<?>> commandTypes(Class<?> type) {
    List<Class<?>> out = new ArrayList<>();
    if (type.isSealed()) {
      for (Class<?> sub : type.getPermittedSubclasses()) {
        out.addAll(commandTypes(sub));
      }
    } else {
      out.add(type);
    }
    return out;
  }
}
