package org.rmbot.mentoring.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.command.Command;
import org.rmbot.mentoring.command.ReminderKinds;
import org.rmbot.mentoring.nudge.NudgeKind;
import org.rmbot.mentoring.nudge.NudgePolicies;
import org.rmbot.mentoring.nudge.NudgePolicy;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.Programs;

/**
 * {@code reminders}: a coordinator sees the messages the bot sends on the program's schedule and
 * switches a kind off or on (stored in the program's nudge policy; one already planned is
 * cancelled when it comes due). Timings stay an admin's change in the policy itself.
 */
public final class ReminderCommands {
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
    NudgeKind kind = NudgeKind.fromCode(change.kind());
    String what = ReminderKinds.all().get(change.kind());
    if (policies.of(program.id()).sends(kind) == change.on()) {
      return Reply.say(capitalised(what) + " is already " + (change.on() ? "on" : "off") + " for \"" + program.name() + "\".");
    }
    try {
      policies.switchKind(program.id(), kind, change.on());
    } catch (IllegalArgumentException e) {
      return Reply.say("I couldn't change the schedule of \"" + program.name() + "\": its nudge policy can't be read ("
          + e.getMessage() + "). Ask a workspace admin to correct it.");
    }
    audit.record(person.id(), "person " + person.id(), action, program.id(), AuditSubject.described(change.kind()));
    return Reply.say(change.on()
        ? "Switched on for \"" + program.name() + "\": " + what + ". It is planned again from the next one;"
            + " any skipped while it was off won't be sent."
        : "Switched off for \"" + program.name() + "\": " + what + ". Any already planned won't go out."
            + " Type " + Markup.command("reminders on " + change.kind()) + " to switch it back.");
  }

  static ChatMessage schedule(Program program, NudgePolicy policy) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Section(Markup.bold("Scheduled messages in " + program.name()) + ": pairs meet every "
        + ReplyText.plural(program.cadenceDays(), "day", "days") + "; each window is one of those periods."));
    StringBuilder kinds = new StringBuilder();
    for (Map.Entry<String, String> kind : ReminderKinds.all().entrySet()) {
      boolean on = policy.sends(NudgeKind.fromCode(kind.getKey()));
      kinds.append(on ? "On" : Markup.bold("Off")).append(" · ").append(kind.getKey()).append(": ").append(kind.getValue()).append('\n');
    }
    blocks.add(new Block.Section(kinds.toString().strip()));
    blocks.add(new Block.Section(Markup.bold("When") + ": the first meeting is asked for " + humanly(policy.bookFirstMeetingAfter())
        + " after a pair starts; meeting reminders go " + String.join(" and ",
        policy.remindersBefore().stream().map(ReminderCommands::humanly).toList()) + " before; the gentle nudge after "
        + ReplyText.plural(policy.stalledAfterWindows(), "window", "windows") + " without a meeting, the at-risk alert after "
        + ReplyText.plural(policy.atRiskAfterWindows(), "window", "windows") + "."));
    blocks.add(new Block.Context("Type " + Markup.command("reminders off <kind>") + " to switch one off for this program, "
        + Markup.command("reminders on <kind>") + " to switch it back. Timings are set by a workspace admin in the program's nudge policy."));
    return new ChatMessage("Scheduled messages in " + program.name(), blocks, null);
  }

  /** "1 day", "2 hours", "90 minutes": the largest whole unit. */
  static String humanly(Duration d) {
    if (!d.isZero() && d.toMinutes() % (24 * 60) == 0) {
      return ReplyText.plural((int) d.toDays(), "day", "days");
    }
    if (d.toMinutes() % 60 == 0) {
      return ReplyText.plural((int) d.toHours(), "hour", "hours");
    }
    return ReplyText.plural((int) d.toMinutes(), "minute", "minutes");
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
