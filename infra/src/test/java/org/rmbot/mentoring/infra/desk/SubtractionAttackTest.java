package org.rmbot.mentoring.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.conversation.Reply;
import org.rmbot.mentoring.feedback.FeedbackForm;
import org.rmbot.mentoring.feedback.FeedbackFormsInDatabase;
import org.rmbot.mentoring.feedback.FeedbackInvitation;
import org.rmbot.mentoring.feedback.Purpose;
import org.rmbot.mentoring.feedback.Question;
import org.rmbot.mentoring.testing.FakeChatPlatform;
import org.rmbot.mentoring.testing.FigureAttacker;
import org.rmbot.mentoring.testing.FigureReader;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * Issue 14's finding 3, end to end: 5 mentors and 5 mentees answer through the invitation's
 * form; every mentor and one mentee answer an optional question. The coordinator reads
 * {@code feedback results}, gets the report (message and CSV) and {@code export}s; the attacker
 * reads every figure out of those and solves them, and must find no group smaller than k.
 */
class SubtractionAttackTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private DeskWorld w;

  @AfterEach
  void tearDown() {
    w.close();
  }

  @Test
  void theOneMenteeWhoAnsweredTheOptionalQuestionCannotBeWorkedOutFromAnyView() throws Exception {
    w = new DeskWorld(db.database());
    Scene scene = new Scene(w, 5, Map.of(), List.of());
    Question.Scale safe = new Question.Scale("safe", "I felt safe to speak candidly", "Not at all", "Completely", false);
    Question.Scale career = new Question.Scale("career", "The program helped my career", "Not at all", "Very much", true);
    new FeedbackFormsInDatabase(w.world.jdbi, w.world.clock).save(scene.program.id(), Purpose.FEEDBACK,
        new FeedbackForm("Program feedback", List.of(safe, career)));
    Reply form = w.say(scene.coordinator, "feedback open");
    w.submit(scene.coordinator, ((Reply.ShowForm) form).form().callbackId(),
        Map.of("purpose", "feedback", "audience", "everyone", "closes", "2026-01-16"));
    w.deliver();
    long campaign = w.nudges.feedback().campaigns(scene.program.id()).get(0).id();

    int[] safeAnswers = {4, 3, 5, 4, 2, 3, 4, 2, 5, 3};
    List<FigureAttacker.Respondent> truth = new ArrayList<>();
    List<Caller> everyone = scene.everyone(); // the 5 mentors, then the 5 mentees
    for (int i = 0; i < everyone.size(); i++) {
      Map<String, Integer> answers = new LinkedHashMap<>(Map.of("safe", safeAnswers[i]));
      if (i < 5) {
        answers.put("career", 2 + i % 3);
      } else if (i == 5) {
        answers.put("career", 1); // the one mentee who answered it
      }
      Map<String, String> values = new HashMap<>();
      answers.forEach((id, v) -> values.put(id, String.valueOf(v)));
      Reply opened = w.click(everyone.get(i), FeedbackInvitation.OPEN_FORM, w.token(everyone.get(i), campaign));
      assertThat(DeskWorld.text(w.submit(everyone.get(i), ((Reply.ShowForm) opened).form().callbackId(), values)))
          .contains("nothing links them to you");
      truth.add(new FigureAttacker.Respondent(i < 5 ? "mentor" : "mentee", answers));
    }
    w.say(scene.coordinator, "feedback close");

    ChatMessage results = ((Reply.Say) w.say(scene.coordinator, "feedback results")).message();
    int before = w.slack.deliveries().size();
    w.say(scene.coordinator, "report");
    ChatMessage report = w.slack.deliveries().get(before).message();
    w.say(scene.coordinator, "export");
    List<FakeChatPlatform.Upload> files = w.slack.uploads().stream().filter(u -> u.fileName().endsWith("-figures.csv")).toList();
    assertThat(files).hasSize(2); // the report's CSV and the export's

    FigureAttacker.Campaign attacked = new FigureAttacker.Campaign("feedback", 5, List.of(
        new FigureAttacker.Question("safe", safe.text(), false), new FigureAttacker.Question("career", career.text(), true)),
        truth);
    FigureReader reader = new FigureReader(attacked).chat(results.blocks()).report(report.blocks());
    files.forEach(f -> reader.csv(f.content()));
    List<String> found = new ArrayList<>(FigureAttacker.attack(List.of(attacked), reader.figures()));
    reader.unread().forEach(line -> found.add("a figure the reader cannot place: " + line));
    assertThat(found).isEmpty();
    assertThat(reader.figures()).as("the figures that are shown are read")
        .anyMatch(f -> f.role() != null && f.kind() == FigureAttacker.Kind.MEAN && f.where().startsWith("chat"))
        .anyMatch(f -> f.kind() == FigureAttacker.Kind.CHOSE && f.where().startsWith("csv"));

    String text = DeskWorld.text(results);
    assertThat(text).contains("• I felt safe to speak candidly: 3.5 / 5 (1: 0 · 2: 2 · 3: 3 · 4: 3 · 5: 2)")
        .contains("*By role* (5 mentors and 5 mentees answered)")
        .contains("• I felt safe to speak candidly: mentors 3.6 / 5, mentees 3.4 / 5")
        .contains("• The program helped my career: hidden, so that no one's answer can be worked out from the figures");
  }
}
