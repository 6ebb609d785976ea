package org.rmbot.mentoring.importing;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.rmbot.mentoring.wording.Catalogue;

/** Parses "Mon-Fri", "Sun-Thu" or "Mon;Wed;Fri" into days of the week. */
final class WorkingDays {
  private static final Catalogue WORDS = Catalogue.english();
  private WorkingDays() {}

  static Set<DayOfWeek> parse(String text) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String part : text.split("[;,]")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      String[] range = p.split("\\s*-\\s*");
      if (range.length == 2) {
        DayOfWeek from = day(range[0], text);
        DayOfWeek to = day(range[1], text);
        for (DayOfWeek d = from; ; d = d.plus(1)) {
          days.add(d);
          if (d == to) {
            break;
          }
        }
      } else if (range.length == 1) {
        days.add(day(p, text));
      } else {
        throw bad(text);
      }
    }
    if (days.isEmpty()) {
      throw bad(text);
    }
    return days;
  }

  private static DayOfWeek day(String name, String whole) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      String full = d.name().toLowerCase(Locale.ROOT);
      if (n.length() >= 3 && full.startsWith(n)) {
        return d;
      }
    }
    throw bad(whole);
  }

  private static IllegalArgumentException bad(String text) {
    return new IllegalArgumentException(WORDS.phrase("importing.working_days.invalid", "text", text));
  }
}
