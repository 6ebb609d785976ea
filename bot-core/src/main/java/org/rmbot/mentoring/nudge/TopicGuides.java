package org.rmbot.mentoring.nudge;

import java.util.List;
import java.util.Locale;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * Short topic guides a mentor can use to prepare a first session, chosen from the program's
 * theme. Our own wording of what practitioners suggest pairs talk about; programs with another
 * theme get the general guide.
 */
public final class TopicGuides {
  private static final Catalogue WORDS = Catalogue.english();

  public record Guide(String title, List<String> prompts) {}

  private static final Guide LGBTQ = new Guide(WORDS.phrase("guide.lgbtq.title"), List.of(
      WORDS.phrase("guide.lgbtq.prompt1"),
      WORDS.phrase("guide.lgbtq.prompt2"),
      WORDS.phrase("guide.lgbtq.prompt3"),
      WORDS.phrase("guide.lgbtq.prompt4")));

  private static final Guide RACE = new Guide(WORDS.phrase("guide.race.title"), List.of(
      WORDS.phrase("guide.race.prompt1"),
      WORDS.phrase("guide.race.prompt2"),
      WORDS.phrase("guide.race.prompt3"),
      WORDS.phrase("guide.race.prompt4")));

  private static final Guide GENERATIONS = new Guide(WORDS.phrase("guide.generations.title"), List.of(
      WORDS.phrase("guide.generations.prompt1"),
      WORDS.phrase("guide.generations.prompt2"),
      WORDS.phrase("guide.generations.prompt3"),
      WORDS.phrase("guide.generations.prompt4")));

  private static final Guide DISABILITY = new Guide(WORDS.phrase("guide.disability.title"), List.of(
      WORDS.phrase("guide.disability.prompt1"),
      WORDS.phrase("guide.disability.prompt2"),
      WORDS.phrase("guide.disability.prompt3"),
      WORDS.phrase("guide.disability.prompt4")));

  private static final Guide GENERAL = new Guide(WORDS.phrase("guide.general.title"), List.of(
      WORDS.phrase("guide.general.prompt1"),
      WORDS.phrase("guide.general.prompt2"),
      WORDS.phrase("guide.general.prompt3"),
      WORDS.phrase("guide.general.prompt4")));

  private TopicGuides() {}

  public static Guide forTheme(String theme) {
    String t = theme == null ? "" : theme.toLowerCase(Locale.ROOT);
    if (t.contains("lgbt") || t.contains("queer") || t.contains("gender") || t.contains("sexual")) {
      return LGBTQ;
    }
    if (t.contains("race") || t.contains("ethnic") || t.contains("racial")) {
      return RACE;
    }
    if (t.contains("generation") || t.contains("digital") || t.contains("technolog") || t.contains("social media")) {
      return GENERATIONS;
    }
    if (t.contains("disab") || t.contains("mental") || t.contains("neuro") || t.contains("accessib")) {
      return DISABILITY;
    }
    return GENERAL;
  }
}
