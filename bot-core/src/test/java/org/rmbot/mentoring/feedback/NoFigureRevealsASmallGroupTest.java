package org.rmbot.mentoring.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.conversation.FeedbackResultsBlocks;
import org.rmbot.mentoring.report.ProgramReport;
import org.rmbot.mentoring.report.ReportCsv;
import org.rmbot.mentoring.report.ReportMessage;
import org.rmbot.mentoring.testing.FigureAttacker;
import org.rmbot.mentoring.testing.FigureReader;

/**
 * Complementary suppression, attacked: random campaigns (feedback, and a self-assessment before
 * and after) go through {@link Tally} and every view that shows anonymous figures (the
 * {@code feedback results} reply, the report message, the report's CSV); {@link FigureReader}
 * reads the figures back out of the rendered text and {@link FigureAttacker} solves them. No
 * group of fewer than k may have a size or a sum that follows, and no group may be left with a
 * single possible answer.
 */
class NoFigureRevealsASmallGroupTest {
  private static final String[] PHRASES = {"The pace suits me", "I feel heard", "Meetings start on time",
      "My partner listens", "I know whom to ask", "The topics matter to me", "I would do it again", "I feel included"};
  private static final String[] WORDS = {"Good sessions.", "More time, please.", "It helped a lot.", "Hard to book."};

  @Example
  void theIssuesCaseFiveMentorsFiveMenteesOneMenteeAnsweredTheOptionalQuestion() {
    List<Question> questions = List.of(
        new Question.Scale("safe", "I felt safe to speak candidly", "Not at all", "Completely", false),
        new Question.Scale("extra", "The program helped my career", "Not at all", "Very much", true));
    List<Person> people = new ArrayList<>();
    int[] safe = {4, 3, 5, 4, 2, 3, 4, 2, 5, 3};
    for (int i = 0; i < 10; i++) {
      Map<String, Object> answers = new LinkedHashMap<>(Map.of("safe", safe[i]));
      if (i < 5) {
        answers.put("extra", 2 + i % 3);
      } else if (i == 5) {
        answers.put("extra", 1); // the one mentee who answered it
      }
      people.add(new Person(i < 5 ? "mentor" : "mentee", answers));
    }
    Views views = Views.of(List.of(new Shown(Purpose.FEEDBACK, 5, CampaignAudience.EVERYONE, questions, people, true)));
    assertThat(views.attack()).isEmpty();
  }

  @Property(tries = 200)
  void noShownFigureLetsAnyoneWorkOutAGroupSmallerThanK(@ForAll long seed) {
    Random random = new Random(seed);
    int k = 3 + random.nextInt(4);
    List<Question> survey = scales(random, 1 + random.nextInt(3), false);
    List<Shown> campaigns = List.of(
        campaign(random, Purpose.FEEDBACK, k, scales(random, 1 + random.nextInt(4), true)),
        campaign(random, Purpose.PRE_SURVEY, k, survey),
        campaign(random, Purpose.POST_SURVEY, k, survey));
    Views views = Views.of(campaigns);
    assertThat(views.attack()).isEmpty();
    // the campaigns must reach the cases that need care, or the property proves little
    for (CampaignResults r : views.results()) {
      boolean optionalShown = r.questions().stream().anyMatch(q -> q.shown() && q.overall().answered() < r.campaign().responses());
      Statistics.label("shown by role").collect(r.byRoleShown());
      Statistics.label("an optional question shown with skips").collect(optionalShown);
      Statistics.label("a question withheld, though k answered it").collect(
          r.questions().stream().anyMatch(q -> q.withheld() == CampaignResults.Withheld.COULD_REVEAL));
      Statistics.label("a question withheld by role only").collect(
          r.questions().stream().anyMatch(q -> q.shown() && q.byRoleWithheld() != null));
    }
    Statistics.label("shown by role").coverage(c -> c.check(true).percentage(p -> p > 10));
    Statistics.label("an optional question shown with skips").coverage(c -> c.check(true).percentage(p -> p > 3));
    Statistics.label("a question withheld, though k answered it").coverage(c -> c.check(true).percentage(p -> p > 10));
    Statistics.label("a question withheld by role only").coverage(c -> c.check(true).percentage(p -> p > 3));
  }

  private static List<Question> scales(Random random, int n, boolean withText) {
    List<Question> questions = new ArrayList<>();
    int optional = 0;
    List<String> phrases = new ArrayList<>(List.of(PHRASES));
    java.util.Collections.shuffle(phrases, random);
    for (int i = 0; i < n; i++) {
      boolean skippable = optional < 2 && random.nextDouble() < 0.4;
      optional += skippable ? 1 : 0;
      questions.add(new Question.Scale("q" + i, phrases.get(i), "Low", "High", skippable));
    }
    if (withText && random.nextBoolean()) {
      questions.add(new Question.Text("comment", "Anything else", 200, true));
    }
    return questions;
  }

  /** A campaign whose groups are often near k, often skip, and often all agree: where suppression is needed. */
  private static Shown campaign(Random random, Purpose purpose, int k, List<Question> questions) {
    CampaignAudience audience = random.nextDouble() < 0.8 ? CampaignAudience.EVERYONE
        : random.nextBoolean() ? CampaignAudience.MENTORS : CampaignAudience.MENTEES;
    List<Person> people = new ArrayList<>();
    for (String role : List.of("mentor", "mentee")) {
      if (audience != CampaignAudience.EVERYONE && !audience.code().equals(role + "s")) {
        continue;
      }
      int n = random.nextInt(2 * k + 4);
      Map<String, double[]> how = new LinkedHashMap<>(); // per question: chance to answer, centre, spread
      for (Question q : questions) {
        double[] p = {0.05, 0.3, 0.7, 0.95, 1.0};
        how.put(q.id(), new double[] {q.optional() ? p[random.nextInt(p.length)] : 1.0, 1 + random.nextInt(5),
            random.nextDouble() < 0.25 ? 0 : 0.4 + random.nextDouble() * 1.6});
      }
      for (int i = 0; i < n; i++) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Question q : questions) {
          double[] h = how.get(q.id());
          if (random.nextDouble() >= h[0]) {
            continue;
          }
          if (q instanceof Question.Scale) {
            answers.put(q.id(), (int) Math.max(1, Math.min(5, Math.round(h[1] + random.nextGaussian() * h[2]))));
          } else {
            answers.put(q.id(), WORDS[random.nextInt(WORDS.length)]);
          }
        }
        people.add(new Person(role, answers));
      }
    }
    java.util.Collections.shuffle(people, random);
    return new Shown(purpose, k, audience, questions, people, random.nextBoolean());
  }

  /** One person's answers, with the role the attacker knows them by. */
  private record Person(String role, Map<String, Object> answers) {}

  /**
   * A closed campaign to show.
   *
   * @param rolesKept whether the ballots keep their role even where a role group is below k
   *     (the results must be safe either way, whatever the storage does)
   */
  private record Shown(Purpose purpose, int k, CampaignAudience audience, List<Question> questions, List<Person> people,
      boolean rolesKept) {

    CampaignResults results() {
      FeedbackForm form = new FeedbackForm("Form", questions);
      Instant at = Instant.parse("2026-03-02T10:00:00Z");
      Campaign campaign = new Campaign(purpose.ordinal() + 1, 1, purpose, "manual", audience, form, k, at.minusSeconds(86_400),
          at, at, true, people.size(), people.size() + 3);
      Map<String, Integer> perRole = new LinkedHashMap<>();
      people.forEach(p -> perRole.merge(p.role(), 1, Integer::sum));
      boolean roles = rolesKept || perRole.values().stream().allMatch(n -> n >= k);
      List<Ballot> ballots = people.stream().map(p -> new Ballot(roles ? p.role() : null, p.answers())).toList();
      return Tally.of(campaign, ballots, "the theme");
    }

    FigureAttacker.Campaign truth() {
      List<FigureAttacker.Question> scales = questions.stream().filter(Question.Scale.class::isInstance)
          .map(q -> new FigureAttacker.Question(q.id(), q.text(), q.optional())).toList();
      List<FigureAttacker.Respondent> respondents = people.stream().map(p -> {
        Map<String, Integer> scores = new LinkedHashMap<>();
        p.answers().forEach((id, v) -> {
          if (v instanceof Integer i) {
            scores.put(id, i);
          }
        });
        return new FigureAttacker.Respondent(p.role(), scores);
      }).toList();
      return new FigureAttacker.Campaign(purpose.label(), k, scales, respondents);
    }
  }

  /** Every view of the campaigns' figures, rendered, read back and attacked. */
  private record Views(List<Shown> campaigns, List<CampaignResults> results, List<Block> chat, List<Block> report,
      byte[] csv) {
    static Views of(List<Shown> campaigns) {
      List<Block> chat = new ArrayList<>();
      Map<Purpose, CampaignResults> results = new LinkedHashMap<>();
      for (Shown c : campaigns) {
        CampaignResults r = c.results();
        results.put(c.purpose(), r);
        chat.addAll(FeedbackResultsBlocks.campaign(r, java.time.ZoneOffset.UTC));
      }
      List<SurveyChange> changes = results.containsKey(Purpose.PRE_SURVEY) && results.containsKey(Purpose.POST_SURVEY)
          ? Tally.changes(results.get(Purpose.PRE_SURVEY), results.get(Purpose.POST_SURVEY)) : List.of();
      FeedbackResultsBlocks.change(changes).ifPresent(chat::add);
      ProgramReport report = report(Optional.ofNullable(results.get(Purpose.FEEDBACK)), changes);
      return new Views(campaigns, List.copyOf(results.values()), chat, ReportMessage.of(report).blocks(),
          ReportCsv.figures(report));
    }

    List<String> attack() {
      FigureAttacker.Campaign[] truths = campaigns.stream().map(Shown::truth).toArray(FigureAttacker.Campaign[]::new);
      FigureReader reader = new FigureReader(truths).chat(chat).report(report).csv(csv);
      List<String> found = new ArrayList<>();
      reader.unread().forEach(line -> found.add("a figure the reader cannot place: " + line));
      found.addAll(FigureAttacker.attack(List.of(truths), reader.figures()));
      return found;
    }

    /** A report with no program activity: only its anonymous figures matter here. */
    private static ProgramReport report(Optional<CampaignResults> feedback, List<SurveyChange> changes) {
      return new ProgramReport("Pilot", "the theme", "active", LocalDate.of(2026, 3, 2), Map.of(), 0, 0,
          org.rmbot.mentoring.report.ProgramActivity.NONE, Map.of(), 0, 0, List.of(), 0, 0, Map.of(), feedback, changes);
    }
  }
}
