package org.rmbot.mentoring.command;

import org.rmbot.mentoring.wording.Catalogue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads people ({@code <@ID>}, see {@link Mention}) and pairings ({@code @person} or {@code #12}). */
final class Mentions {
  private static final Catalogue WORDS = Catalogue.english();
  static final String PICK_FROM_LIST = WORDS.phrase("parse.mention.pick_from_list");
  private static final Pattern NEUTRAL = Pattern.compile("<@([^<>|]*)(?:\\|[^<>]*)?>");
  private static final Pattern PAIRING_NUMBER = Pattern.compile("#?([0-9]{1,18})");

  private Mentions() {}

  /**
   * The person a word mentions; null when the word is not trying to name a person at all. A
   * word that tries but can't be trusted (a bare {@code @name}, a channel) is not understood.
   */
  static Mention person(String word) {
    if (word == null) {
      return null;
    }
    Matcher neutral = NEUTRAL.matcher(word);
    if (neutral.matches()) {
      if (!Mention.USER_ID.matcher(neutral.group(1)).matches()) {
        throw new NotUnderstood(WORDS.phrase("parse.mention.unreadable", "pick", PICK_FROM_LIST));
      }
      return new Mention(neutral.group(1));
    }
    if (word.startsWith("<!") || word.startsWith("<#")) {
      throw new NotUnderstood(WORDS.phrase("parse.mention.group", "typed", Echo.of(word), "pick", PICK_FROM_LIST));
    }
    if (word.startsWith("@")) {
      throw new NotUnderstood(WORDS.phrase("parse.mention.unclear", "typed", Echo.of(word), "pick", PICK_FROM_LIST));
    }
    return null;
  }

  /** The pairing a word names, by one of its people or by number; null if it names none. */
  static PairingRef pairing(String word) {
    Mention person = person(word);
    if (person != null) {
      return new PairingRef.WithPerson(person);
    }
    Matcher number = word == null ? null : PAIRING_NUMBER.matcher(word);
    if (number != null && number.matches()) {
      long id = Long.parseLong(number.group(1));
      if (id < 1) {
        throw new NotUnderstood(WORDS.phrase("parse.mention.pairing_number"));
      }
      return new PairingRef.Numbered(id);
    }
    return null;
  }
}
