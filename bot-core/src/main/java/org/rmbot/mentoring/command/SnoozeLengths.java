package org.rmbot.mentoring.command;

import org.rmbot.mentoring.wording.Catalogue;

import java.time.Period;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads how long to snooze: {@code 2w}, {@code 10d}, {@code 3 days}, {@code two weeks}, {@code a week}. */
final class SnoozeLengths {
  private static final Catalogue WORDS = Catalogue.english();
  static final String NEEDS_A_DURATION = WORDS.phrase("parse.snooze.needs_duration");
  private static final Pattern LENGTH = Pattern.compile("([0-9]+|[a-z]+) ?([a-z]+)");
  private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
      Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2),
      Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
      Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
      Map.entry("eleven", 11), Map.entry("twelve", 12));

  private SnoozeLengths() {}

  static Period read(String text, Invocation invocation) {
    if (text.isEmpty()) {
      throw new NotUnderstood(NEEDS_A_DURATION);
    }
    Matcher m = LENGTH.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new NotUnderstood(WORDS.phrase("parse.snooze.unreadable", "typed", Echo.of(text), "needs", NEEDS_A_DURATION));
    }
    int unit = daysIn(m.group(2));
    if (unit == 0) {
      throw new NotUnderstood(WORDS.phrase("parse.snooze.days_or_weeks"));
    }
    long count = count(m.group(1), text);
    long days = count * unit;
    if (days < 1) {
      throw new NotUnderstood(WORDS.phrase("parse.snooze.at_least_a_day"));
    }
    if (days > Command.Snooze.LONGEST.getDays()) {
      throw new NotUnderstood(WORDS.phrase("parse.snooze.at_most_12_weeks", "pause", invocation.show("pause")));
    }
    return Period.ofDays((int) days);
  }

  private static int daysIn(String unit) {
    return switch (unit) {
      case "d", "day", "days" -> 1;
      case "w", "wk", "wks", "week", "weeks" -> 7;
      default -> 0;
    };
  }

  private static long count(String number, String text) {
    if (Character.isDigit(number.charAt(0))) {
      // More than three digits is over the limit anyway; stop before it overflows.
      return number.length() > 3 ? Long.MAX_VALUE / 7 : Long.parseLong(number);
    }
    Integer word = NUMBER_WORDS.get(number);
    if (word == null) {
      throw new NotUnderstood(WORDS.phrase("parse.snooze.unreadable", "typed", Echo.of(text), "needs", NEEDS_A_DURATION));
    }
    return word;
  }
}
