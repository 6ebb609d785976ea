package org.rmbot.mentoring.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.command.Command;
import org.rmbot.mentoring.command.ReminderKinds;
import org.rmbot.mentoring.nudge.NudgePolicies;
import org.rmbot.mentoring.nudge.NudgePolicy;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.Programs;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * {@code reminders}: a coordinator sees the messages the bot sends on the program's schedule and
 * switches a kind off or on (stored in the program's nudge policy; one already planned is
 * cancelled when it comes due). Timings stay an admin's change in the policy itself.
 */
public final class ReminderCommands {
  private static final Catalogue WORDS = Catalogue.english();

  private final CoordinatedPrograms coordinating;
  private final NudgePolicies policies;
  private final AuditLog audit;

  public ReminderCommands(ProgramChooser chooser, Programs programs, Authority authority, AuditLog audit, NudgePolicies policies) {
    this.coordinating = new CoordinatedPrograms(chooser, programs, authority, audit);
    this.policies = policies;
    this.audit = audit;
  }

  Reply reminders(Caller caller, Person person, Command.Reminders list) {
    return coordinating.answer(person, list.program(), "reminders",
        p -> new Reply.Say(schedule(p, policies.of(p.id()))));
  }

  Reply switchReminder(Caller caller, Person person, Command.SwitchReminder change) {
    String action = "reminders " + (change.on() ? "on" : "off");
    return coordinating.answer(person, change.program(), action, p -> switchKind(person, p, change, action));
  }

  private Reply switchKind(Person person, Program program, Command.SwitchReminder change, String action) {
    String what = ReminderKinds.all().get(change.kind());
    if (policies.of(program.id()).isOn(change.kind()) == change.on()) {
      return Reply.say(WORDS.phrase("reminder.command.already", "what", capitalised(what), "state", change.on() ? "on" : "off",
          "program", program.name()));
    }
    try {
      policies.switchKind(program.id(), change.kind(), change.on());
    } catch (IllegalArgumentException e) {
      return Reply.say(WORDS.phrase("reminder.command.unreadable_policy", "program", program.name(), "problem", e.getMessage()));
    }
    audit.record(Actor.person(person.id()), action, program.id(), AuditSubject.described(change.kind()));
    return Reply.say(change.on()
        ? WORDS.phrase("reminder.command.switched_on", "program", program.name(), "what", what)
        : WORDS.phrase("reminder.command.switched_off", "program", program.name(), "what", what,
            "on", Markup.command("reminders on " + change.kind())));
  }

  static ChatMessage schedule(Program program, NudgePolicy policy) {
    List<Block> blocks = new ArrayList<>();
    String title = WORDS.phrase("reminder.command.title", "program", program.name());
    blocks.add(new Block.Section(WORDS.phrase("reminder.command.heading", "title", Markup.bold(title),
        "days", program.cadenceDays(), "daysCount", String.valueOf(program.cadenceDays()))));
    StringBuilder kinds = new StringBuilder();
    for (Map.Entry<String, String> kind : ReminderKinds.all().entrySet()) {
      boolean on = policy.isOn(kind.getKey());
      kinds.append(WORDS.phrase("reminder.command.kind",
          "state", on ? WORDS.phrase("reminder.command.on") : Markup.bold(WORDS.phrase("reminder.command.off")),
          "kind", kind.getKey(), "what", kind.getValue())).append('\n');
    }
    blocks.add(new Block.Section(kinds.toString().strip()));
    String before = policy.remindersBefore().stream().map(ReminderCommands::humanly)
        .reduce((earlier, next) -> WORDS.phrase("reminder.command.and", "earlier", earlier, "next", next)).orElse("");
    blocks.add(new Block.Section(WORDS.phrase("reminder.command.when",
        "heading", Markup.bold(WORDS.phrase("reminder.command.when_heading")),
        "first", humanly(policy.bookFirstMeetingAfter()), "before", before,
        "stalled", policy.stalledAfterWindows(), "stalledCount", String.valueOf(policy.stalledAfterWindows()),
        "atRisk", policy.atRiskAfterWindows(), "atRiskCount", String.valueOf(policy.atRiskAfterWindows()))));
    blocks.add(new Block.Context(WORDS.phrase("reminder.command.footer",
        "off", Markup.command("reminders off <kind>"), "on", Markup.command("reminders on <kind>"))));
    return new ChatMessage(title, blocks, null);
  }

  /** "1 day", "2 hours", "90 minutes": the largest whole unit. */
  static String humanly(Duration d) {
    if (!d.isZero() && d.toMinutes() % (24 * 60) == 0) {
      return WORDS.phrase("reminder.command.days", "days", d.toDays(), "daysCount", String.valueOf((int) d.toDays()));
    }
    if (d.toMinutes() % 60 == 0) {
      return WORDS.phrase("reminder.command.hours", "hours", d.toHours(), "hoursCount", String.valueOf((int) d.toHours()));
    }
    return WORDS.phrase("reminder.command.minutes", "minutes", d.toMinutes(), "minutesCount", String.valueOf((int) d.toMinutes()));
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
