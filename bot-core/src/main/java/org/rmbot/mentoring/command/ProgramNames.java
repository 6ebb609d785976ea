package org.rmbot.mentoring.command;

import org.rmbot.mentoring.wording.Catalogue;

import java.util.Optional;

/**
 * Reads program names and themes. A name is double-quoted, or else runs to the end of the line
 * ({@code status Pilot 2026}); only {@code program create}, where a theme may follow, needs
 * quotes around a name with spaces.
 */
final class ProgramNames {
  private static final Catalogue WORDS = Catalogue.english();
  static final int LONGEST_NAME = 80;
  static final int LONGEST_THEME = 200;

  private ProgramNames() {}

  /** An optional {@code [program]} that ends the command. */
  static Optional<String> optional(Words words) {
    return words.atEnd() ? Optional.empty() : Optional.of(toTheEnd(words, ""));
  }

  /** A required {@code <name>} that ends the command. */
  static String toTheEnd(Words words, String whenMissing) {
    if (words.atEnd()) {
      throw new NotUnderstood(whenMissing);
    }
    Optional<String> quoted = words.quoted();
    if (quoted.isPresent() && !words.atEnd()) {
      throw new NotUnderstood(WORDS.phrase("parse.name.after_name", "rest", Echo.of(words.rest())));
    }
    return checkedName(quoted.orElseGet(words::rest));
  }

  /** A {@code <name>} followed by more: one word, or quoted. */
  static String firstWord(Words words, String whenMissing) {
    if (words.atEnd()) {
      throw new NotUnderstood(whenMissing);
    }
    return checkedName(words.quoted().orElseGet(words::next));
  }

  /** The theme of a new program: the rest of the line, quotes optional. */
  static Optional<String> theme(Words words) {
    String theme = words.quoted().orElseGet(words::rest);
    if (!words.atEnd()) {
      throw new NotUnderstood(WORDS.phrase("parse.name.theme_quotes"));
    }
    if (theme.isEmpty()) {
      return Optional.empty();
    }
    checkPlain(theme, WORDS.phrase("parse.name.a_theme"));
    if (theme.codePointCount(0, theme.length()) > LONGEST_THEME) {
      throw new NotUnderstood(WORDS.phrase("parse.name.theme_too_long", "longest", LONGEST_THEME));
    }
    return Optional.of(theme);
  }

  static String checkedName(String name) {
    if (name.isEmpty()) {
      throw new NotUnderstood(WORDS.phrase("parse.name.empty"));
    }
    if (name.startsWith("@") || name.startsWith("<@")) {
      throw new NotUnderstood(WORDS.phrase("parse.name.not_a_person"));
    }
    checkPlain(name, WORDS.phrase("parse.name.a_program_name"));
    if (name.codePointCount(0, name.length()) > LONGEST_NAME) {
      throw new NotUnderstood(WORDS.phrase("parse.name.too_long", "longest", LONGEST_NAME));
    }
    return name;
  }

  /** Angle brackets would read as markup in Slack; hidden characters make look-alike names. */
  private static void checkPlain(String text, String what) {
    if (text.indexOf('<') >= 0 || text.indexOf('>') >= 0) {
      throw new NotUnderstood(WORDS.phrase("parse.name.angle_brackets", "what", what));
    }
    boolean hidden = text.codePoints().anyMatch(cp -> cp != '\u200D'
        && (Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE
            || Character.getType(cp) == Character.UNASSIGNED || Character.getType(cp) == Character.PRIVATE_USE));
    if (hidden) {
      throw new NotUnderstood(WORDS.phrase("parse.name.hidden_characters", "what", what));
    }
  }
}
