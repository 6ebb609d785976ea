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

  private static final Guide LGBTQ = new Guide(WORDS.phrase("guide.lgbtq.title"), lines(WORDS.phrase("guide.lgbtq.prompts")));

  private static final Guide RACE = new Guide(WORDS.phrase("guide.race.title"), lines(WORDS.phrase("guide.race.prompts")));

  private static final Guide GENERATIONS = new Guide(WORDS.phrase("guide.generations.title"), lines(WORDS.phrase("guide.generations.prompts")));

  private static final Guide DISABILITY = new Guide(WORDS.phrase("guide.disability.title"), lines(WORDS.phrase("guide.disability.prompts")));

  private static final Guide GENERAL = new Guide(WORDS.phrase("guide.general.title"), lines(WORDS.phrase("guide.general.prompts")));

  private TopicGuides() {}

  /** A guide's prompts are one catalogue entry, a prompt a line. */
  private static List<String> lines(String prompts) {
    return List.of(prompts.split("\n"));
  }

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
