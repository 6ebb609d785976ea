package org.rmbot.mentoring.matching;

/**
 * How much each soft criterion adds to a pair's score. All weights are whole, non-negative
 * numbers so scores stay exact integers.
 *
 * @param topicForMentee per topic the mentee seeks and the mentor offers
 * @param topicForMentor per topic the mentor seeks and the mentee offers (the learning that goes
 *     the other way, which reverse mentoring counts on)
 * @param perOverlapHour per hour of daily working-hours overlap, pro rata by the minute
 * @param sharedLanguage once, if the two share at least one language
 */
public record ScoreWeights(
    int topicForMentee, int topicForMentor, int perOverlapHour, int sharedLanguage) {

  /** Topics first, then language, then time-zone convenience. */
  public static final ScoreWeights DEFAULT = new ScoreWeights(10, 5, 2, 8);

  static final int MAX_WEIGHT = 10_000;

  public ScoreWeights {
    check("topicForMentee", topicForMentee);
    check("topicForMentor", topicForMentor);
    check("perOverlapHour", perOverlapHour);
    check("sharedLanguage", sharedLanguage);
  }

  private static void check(String name, int weight) {
    if (weight < 0 || weight > MAX_WEIGHT) {
      throw new IllegalArgumentException(
          "score weight " + name + " must be between 0 and " + MAX_WEIGHT + ", got " + weight);
    }
  }
}
