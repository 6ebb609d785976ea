package org.rmbot.mentoring.nudge;

import java.util.List;
import java.util.Locale;

/**
 * Short topic guides a mentor can use to prepare a first session, chosen from the program's
 * theme. Our own wording of what practitioners suggest pairs talk about; programs with another
 * theme get the general guide.
 */
public final class TopicGuides {

  public record Guide(String title, List<String> prompts) {}

  private static final Guide LGBTQ = new Guide("LGBTQ+ inclusion", List.of(
      "What made it easier or harder for you to be yourself at work, and what changed that?",
      "Why visible role models matter, and who yours were (or would have been).",
      "Everyday language and assumptions that exclude people without anyone meaning to.",
      "One thing a senior leader could change in their own team next month."));

  private static final Guide RACE = new Guide("Race and ethnicity", List.of(
      "A moment when you felt outside the group, and what would have helped.",
      "How sponsorship and informal networks work here, and who they leave out.",
      "Where progression stalls for people like you, as you have seen it.",
      "What allyship looks like in ordinary decisions: hiring, meetings, stretch assignments."));

  private static final Guide GENERATIONS = new Guide("Generations and technology", List.of(
      "A tool or habit you rely on that your mentee has never tried; show it.",
      "How younger colleagues prefer to communicate, learn and get feedback.",
      "What you value in an employer (flexibility, purpose, being heard) and why.",
      "One way of working the organisation could try, starting small."));

  private static final Guide DISABILITY = new Guide("Disability and mental health", List.of(
      "What an accessible day at work looks like for you, and where it breaks.",
      "Adjustments: how asking for them feels, and what a good answer sounds like.",
      "Stigma you have noticed, including the quiet kind.",
      "What a leader saying something openly would change."));

  private static final Guide GENERAL = new Guide("Getting started", List.of(
      "Why each of you joined the program, and what a good outcome would be.",
      "Your own path so far, and one thing about work here that surprised you.",
      "What your mentee could only learn from someone in your position.",
      "How you would like to give each other candid feedback."));

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
