package org.rmbot.mentoring.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduled messages a coordinator may switch on or off for a program, by the code the
 * nudge policy stores (README, "Nudge policy"), with what each one is, in schedule order.
 * Consent proposals and messages people asked for (help requests, a coordinator's nudge) are not
 * among them: those are never a program's choice to drop.
 */
public final class ReminderKinds {
  private static final Map<String, String> ALL = inScheduleOrder();

  private ReminderKinds() {}

  private static Map<String, String> inScheduleOrder() {
    Map<String, String> kinds = new LinkedHashMap<>();
    kinds.put("introduction", "the introduction of a new pair, in a group conversation");
    kinds.put("book_first_meeting", "asking the senior side to book the first meeting");
    kinds.put("mentor_preparation", "the mentor's preparation prompt, with a topic guide");
    kinds.put("meeting_reminder", "reminders before a meeting the pair booked");
    kinds.put("check_in", "\"Did you meet?\" at the end of each window");
    kinds.put("reflection", "the private reflection prompt after a meeting");
    kinds.put("stalled", "a gentle nudge to pairs that have not met for a while");
    kinds.put("at_risk", "an alert to coordinators about pairs that have stopped meeting");
    kinds.put("kickoff", "the message to everyone on the program's first day");
    kinds.put("midpoint", "the message to everyone half-way through");
    kinds.put("closing", "the thank-you to everyone on the last day");
    kinds.put("feedback_campaign", "opening the kickoff self-assessment and the midpoint and closing surveys");
    return Collections.unmodifiableMap(kinds);
  }

  /** Code to description, in schedule order. */
  public static Map<String, String> all() {
    return ALL;
  }

  /** The code a typed word stands for, ignoring case, hyphens and underscores ("check-in"). */
  static Optional<String> code(String typed) {
    return ALL.keySet().stream().filter(code -> Verbs.same(typed, code)).findFirst();
  }
}
