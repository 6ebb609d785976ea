package org.rmbot.mentoring.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * The scheduled messages a coordinator may switch on or off for a program, by the code the
 * nudge policy stores (README, "Nudge policy"), with what each one is, in schedule order.
 * Consent proposals and messages people asked for (help requests, a coordinator's nudge) are not
 * among them: those are never a program's choice to drop.
 */
public final class ReminderKinds {
  private static final Catalogue WORDS = Catalogue.english();
  private static final Map<String, String> ALL = inScheduleOrder();

  private ReminderKinds() {}

  private static Map<String, String> inScheduleOrder() {
    Map<String, String> kinds = new LinkedHashMap<>();
    kinds.put("introduction", WORDS.phrase("reminder.kind.introduction"));
    kinds.put("book_first_meeting", WORDS.phrase("reminder.kind.book_first_meeting"));
    kinds.put("mentor_preparation", WORDS.phrase("reminder.kind.mentor_preparation"));
    kinds.put("meeting_reminder", WORDS.phrase("reminder.kind.meeting_reminder"));
    kinds.put("check_in", WORDS.phrase("reminder.kind.check_in"));
    kinds.put("reflection", WORDS.phrase("reminder.kind.reflection"));
    kinds.put("stalled", WORDS.phrase("reminder.kind.stalled"));
    kinds.put("at_risk", WORDS.phrase("reminder.kind.at_risk"));
    kinds.put("kickoff", WORDS.phrase("reminder.kind.kickoff"));
    kinds.put("midpoint", WORDS.phrase("reminder.kind.midpoint"));
    kinds.put("closing", WORDS.phrase("reminder.kind.closing"));
    kinds.put("feedback_campaign", WORDS.phrase("reminder.kind.feedback_campaign"));
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
