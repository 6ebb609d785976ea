package org.rmbot.mentoring.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.Form;
import org.rmbot.mentoring.chat.ActionIds;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.conversation.Reply;
import org.rmbot.mentoring.infra.render.PlatformChecks;
import org.rmbot.mentoring.slack.SlackForms;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * Forms as people fill them in: a meeting's date and time are picked, not typed (Slack's
 * datepicker and timepicker, Adaptive Cards' Input.Date and Input.Time), with the checks staying
 * in the core; a yes-or-no is a checkbox that can be left unticked; an answer that asks someone
 * to book comes with the button to do it; emoji are Unicode, which both platforms show.
 */
class FormsAndAnswersTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private DeskWorld w;
  private Scene scene;

  @BeforeEach
  void setUp() {
    w = new DeskWorld(db.database());
    scene = new Scene(w, 1, Map.of(), List.of());
  }

  @AfterEach
  void tearDown() {
    w.close();
  }

  @Test
  void aMeetingIsBookedWithADateAndATimePicker() {
    Caller mentee = scene.mentees.get(0);
    Reply shown = w.click(mentee, ActionIds.BOOK_MEETING, String.valueOf(scene.pairings.get(0).id()));
    Form form = ((Reply.ShowForm) shown).form();

    assertThat(slackElement(form, "date")).isEqualTo("datepicker");
    assertThat(slackElement(form, "time")).isEqualTo("timepicker");
    assertThat(teamsInput(form, "date").path("type").asText()).isEqualTo("Input.Date");
    assertThat(teamsInput(form, "time").path("type").asText()).isEqualTo("Input.Time");

    // what Slack sends back for the two pickers, read as any submission is
    Map<String, String> values = SlackForms.values(state("{\"date\":{\"date\":{\"type\":\"datepicker\",\"selected_date\":\"2026-01-08\"}},"
        + "\"time\":{\"time\":{\"type\":\"timepicker\",\"selected_time\":\"14:30\"}}}"));
    assertThat(values).containsEntry("date", "2026-01-08").containsEntry("time", "14:30");
    assertThat(DeskWorld.text(w.submit(mentee, form.callbackId(), values))).contains("Booked for Thu 8 Jan, 14:30 (your time)");

    // the checks stay in the core, whatever a client sends
    Reply wrong = w.submit(mentee, form.callbackId(), Map.of("date", "2026-01-09", "time", "25:61"));
    assertThat(wrong).isInstanceOfSatisfying(Reply.FormErrors.class, e -> assertThat(e.errors()).containsKey("time"));
  }

  @Test
  void sharingFocusAreasIsACheckboxThatCanBeLeftUnticked() {
    Caller newcomer = DeskWorld.caller("UNEW", "New Comer");
    w.core.programs().changeState(scene.program.id(), org.rmbot.mentoring.program.ProgramState.ENROLLING);
    Form form = ((Reply.ShowForm) w.say(newcomer, "join")).form();

    JsonObject share = slackInput(form, "focus_share").getAsJsonObject("element");
    assertThat(share.get("type").getAsString()).isEqualTo("checkboxes");
    assertThat(share.getAsJsonArray("options")).hasSize(1);
    assertThat(slackInput(form, "focus_share").get("optional").getAsBoolean()).isTrue();
    JsonNode toggle = teamsInput(form, "focus_share");
    assertThat(toggle.path("type").asText()).isEqualTo("Input.Toggle");
    assertThat(toggle.path("valueOn").asText()).isEqualTo("yes");
    assertThat(toggle.path("valueOff").asText()).isNotEqualTo("yes");
    assertThat(slackInput(form, "consent").getAsJsonObject("element").get("type").getAsString()).isEqualTo("checkboxes");

    // ticked, then left unticked: Slack sends the chosen options, or none
    assertThat(SlackForms.values(state("{\"focus_share\":{\"focus_share\":{\"type\":\"checkboxes\","
        + "\"selected_options\":[{\"value\":\"yes\",\"text\":{\"type\":\"plain_text\",\"text\":\"x\"}}]}}}")))
        .containsEntry("focus_share", "yes");
    assertThat(SlackForms.values(state("{\"focus_share\":{\"focus_share\":{\"type\":\"checkboxes\",\"selected_options\":[]}}}")))
        .doesNotContainKey("focus_share");
    assertThat(PlatformChecks.slackFormProblems("join", form)).isEmpty();
    assertThat(PlatformChecks.teamsFormProblems("join", form)).isEmpty();
  }

  @Test
  void notYetGivesTheMenteeTheButtonToBookAndAsksNothingOfTheMentor() {
    long pairing = scene.pairings.get(0).id();
    Reply menteeSaw = w.click(scene.mentees.get(0), ActionIds.CHECK_IN_NOT_YET, pairing + "|2026-01-05");
    Block.Button book = DeskWorld.button(menteeSaw);
    assertThat(DeskWorld.text(menteeSaw)).contains("book");
    assertThat(book.actionId()).isEqualTo(ActionIds.BOOK_MEETING);
    assertThat(w.click(scene.mentees.get(0), book.actionId(), book.value())).isInstanceOf(Reply.ShowForm.class);

    Reply mentorSaw = w.click(scene.mentors.get(0), ActionIds.CHECK_IN_NOT_YET, pairing + "|2026-01-05");
    assertThat(((Reply.Replace) mentorSaw).message().blocks()).noneMatch(Block.Actions.class::isInstance);
  }

  /** Slack's :tada: is text in Teams: the neutral model carries the emoji itself. */
  @Test
  void answersCarryEmojiNotAPlatformsShortcodes() {
    long pairing = scene.pairings.get(0).id();
    Reply met = w.click(scene.mentees.get(0), ActionIds.CHECK_IN_MET, pairing + "|2026-01-05");
    String text = DeskWorld.text(met);
    assertThat(text).contains("recorded that you met").doesNotContainPattern(":[a-z0-9_+-]+:");
    for (var card : PlatformChecks.teamsCards(((Reply.Replace) met).message())) {
      assertThat(card.toString()).doesNotContainPattern(":[a-z0-9_+-]+:");
    }
  }

  private static ViewState state(String values) {
    return GsonFactory.createSnakeCase().fromJson("{\"values\":" + values + "}", ViewState.class);
  }

  private static JsonObject slackInput(Form form, String id) {
    for (JsonElement block : PlatformChecks.slackModal(form).getAsJsonArray("blocks")) {
      if (block.getAsJsonObject().has("block_id") && block.getAsJsonObject().get("block_id").getAsString().equals(id)) {
        return block.getAsJsonObject();
      }
    }
    throw new AssertionError("no input " + id);
  }

  private static String slackElement(Form form, String id) {
    return slackInput(form, id).getAsJsonObject("element").get("type").getAsString();
  }

  private static JsonNode teamsInput(Form form, String id) {
    for (JsonNode element : PlatformChecks.teamsForm(form).path("body")) {
      if (element.path("id").asText().equals(id)) {
        return element;
      }
    }
    throw new AssertionError("no input " + id);
  }
}
