package org.rmbot.mentoring.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedbackFormTest {
  @Test
  void formJsonIsCheckedAndNamesTheProblem() {
    assertThatThrownBy(() -> FeedbackForm.fromJson("{\"title\": \"x\", \"questions\": []}"))
        .hasMessage("a form has 1 to 12 questions");
    assertThatThrownBy(() -> FeedbackForm.fromJson(
            "{\"title\": \"x\", \"questions\": [{\"id\": \"a\", \"type\": \"text\", \"text\": \"q\", \"maxLength\": 5000}]}"))
        .hasMessage("question a: a text answer may be 1 to 2000 characters long");
    assertThatThrownBy(() -> FeedbackForm.fromJson(
            "{\"title\": \"x\", \"questions\": [{\"id\": \"about\", \"type\": \"scale\", \"text\": \"q\"}]}"))
        .hasMessage("question ids must be unique and not \"about\": about");
    assertThatThrownBy(() -> FeedbackForm.fromJson("not json")).hasMessageStartingWith("a form is a JSON object");
    for (Purpose purpose : Purpose.values()) {
      FeedbackForm form = FeedbackForm.defaultFor(purpose);
      assertThat(FeedbackForm.fromJson(form.toJson())).isEqualTo(form);
    }
  }

  @Test
  void controlCharactersAreDroppedAndTheLimitIsCountedAfter() {
    FeedbackForm form = FeedbackForm.defaultFor(Purpose.FEEDBACK);
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    Map<String, Object> answers = AnonymousFeedback.read(form, Map.of("safe", " 3 ", "working", "5", "learned", "1",
        "comment", "line one\nline\u0000 two\u0007"), errors);
    assertThat(errors).isEmpty();
    assertThat(answers).containsEntry("safe", 3).containsEntry("comment", "line one\nline two");
    AnonymousFeedback.read(form, Map.of("safe", "3.0", "working", "-1", "learned", "five"), errors);
    assertThat(errors).containsOnlyKeys("safe", "working", "learned");
  }

  @Test
  void everyBallotTakesTheSameRoomWhateverItsText() {
    FeedbackForm form = FeedbackForm.defaultFor(Purpose.FEEDBACK);
    int size = BallotBox.recordSize(form);
    for (String worst : new String[] {"\"".repeat(2000), "\\".repeat(2000), "\u20ac".repeat(2000), "\uD83D\uDE00".repeat(1000)}) {
      Ballot ballot = new Ballot("mentee", Map.of("safe", 5, "working", 5, "learned", 5, "comment", worst));
      assertThat(ballot.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(size);
    }
  }
}
