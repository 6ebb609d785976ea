package org.rmbot.mentoring.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.testing.FigureAttacker.Figure;
import org.rmbot.mentoring.testing.FigureAttacker.Kind;
import org.rmbot.mentoring.testing.FigureAttacker.Question;
import org.rmbot.mentoring.testing.FigureAttacker.Respondent;

/** The attacker itself: it must find what arithmetic finds, and nothing that arithmetic cannot. */
class FigureAttackerTest {
  private static final Question SAFE = new Question("safe", "Safe", false);
  private static final Question EXTRA = new Question("extra", "Extra", true);

  /** 5 mentors and 5 mentees; every mentor and one mentee answered extra. */
  private static FigureAttacker.Campaign issueCase() {
    List<Respondent> people = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      people.add(new Respondent("mentor", Map.of("safe", 2 + i % 3, "extra", 3 + i % 2)));
      people.add(new Respondent("mentee", i == 0 ? Map.of("safe", 4, "extra", 1) : Map.of("safe", 3 + i % 2)));
    }
    return new FigureAttacker.Campaign("feedback", 5, List.of(SAFE, EXTRA), people);
  }

  private static Figure mean(String question, String role, double value) {
    return new Figure("feedback", question, role, Kind.MEAN, 0, value, 0.005, "test");
  }

  @Test
  void findsTheOneMenteeBySubtractingTheMentorsMeanFromTheTotal() {
    // extra: everyone 17 + 1 over 6 answers = 3.0; mentors 17 over 5 = 3.4
    List<String> found = FigureAttacker.attack(List.of(issueCase()), List.of(mean("Extra", null, 3.0),
        mean("Extra", "mentor", 3.4)));
    assertThat(found).anyMatch(f -> f.contains("sum of \"extra\" over the 1 mentees who answered \"extra\""));
  }

  @Test
  void aTotalOverEveryoneGivesNobodyAway() {
    assertThat(FigureAttacker.attack(List.of(issueCase()), List.of(
        new Figure("feedback", null, null, Kind.RESPONDENTS, 0, 10, 0, "test"), mean("Safe", null, 3.2)))).isEmpty();
  }

  @Test
  void findsAGroupLeftWithOneAnswerAndAFigureThatDoesNotMatch() {
    List<Respondent> people = List.of(new Respondent("mentor", Map.of("safe", 4)), new Respondent("mentor", Map.of("safe", 4)),
        new Respondent("mentor", Map.of("safe", 4)));
    FigureAttacker.Campaign c = new FigureAttacker.Campaign("feedback", 3, List.of(SAFE), people);
    Figure fours = new Figure("feedback", "Safe", null, Kind.CHOSE, 4, 3, 0, "test");
    // three chose 4; of how many is not shown, so nothing follows yet
    assertThat(FigureAttacker.attack(List.of(c), List.of(fours))).isEmpty();
    assertThat(FigureAttacker.attack(List.of(c), List.of(fours, new Figure("feedback", null, null, Kind.RESPONDENTS, 0, 3, 0,
        "test")))).anyMatch(f -> f.contains("answered \"safe\" with 4"));
    assertThat(FigureAttacker.attack(List.of(c), List.of(mean("Safe", null, 3.0))))
        .anyMatch(f -> f.contains("does not match"));
  }

  @Test
  void aTotalOfZeroMakesEachOfItsCountsZero() {
    // nobody chose 1 to 3, so the mentors' 4.0 can only be 4, 4, 4: found only because counts are never negative
    List<Respondent> people = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      people.add(new Respondent("mentor", Map.of("safe", 4)));
      people.add(new Respondent("mentee", Map.of("safe", 5 - i % 2)));
    }
    FigureAttacker.Campaign c = new FigureAttacker.Campaign("feedback", 3, List.of(SAFE), people);
    List<Figure> shown = new ArrayList<>();
    for (int v = 1; v <= 3; v++) {
      shown.add(new Figure("feedback", "Safe", null, Kind.CHOSE, v, 0, 0, "test"));
    }
    shown.add(new Figure("feedback", "Safe", "mentor", Kind.MEAN, 0, 4.0, 0, "test"));
    assertThat(FigureAttacker.attack(List.of(c), shown)).anyMatch(f -> f.contains("3 mentors answered \"safe\" with 4"));
    assertThat(FigureAttacker.attack(List.of(c), shown.subList(3, 4))).isEmpty();
  }
}
