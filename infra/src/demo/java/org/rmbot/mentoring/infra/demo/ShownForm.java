package org.rmbot.mentoring.infra.demo;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form the bot showed, read back: a Slack modal (views.open) or a Teams Adaptive Card with
 * inputs. {@code callbackId} is what a submission names the form by.
 */
record ShownForm(String callbackId, String title, String submitLabel, List<Input> inputs) {

  /** One input: its id (the block and action id), label and element type (Block Kit's, or the Adaptive Card's). */
  record Input(String id, String label, String elementType) {
    /** One of several choices: radio buttons, a select, a choice set. */
    boolean isChoice() {
      return elementType.equals("radio_buttons") || elementType.equals("static_select")
          || elementType.equals("Input.ChoiceSet");
    }

    /** Free text. */
    boolean isText() {
      return elementType.equals("plain_text_input") || elementType.equals("Input.Text");
    }
  }

  static ShownForm opened(SlackCall call) {
    JsonObject view = JsonParser.parseString(call.param("view")).getAsJsonObject();
    List<Input> inputs = new ArrayList<>();
    for (JsonElement element : view.getAsJsonArray("blocks")) {
      JsonObject block = element.getAsJsonObject();
      if ("input".equals(block.get("type").getAsString())) {
        inputs.add(new Input(block.get("block_id").getAsString(),
            ShownMessage.plain(block.getAsJsonObject("label").get("text").getAsString()),
            block.getAsJsonObject("element").get("type").getAsString()));
      }
    }
    return new ShownForm(view.get("callback_id").getAsString(), view.getAsJsonObject("title").get("text").getAsString(),
        view.has("submit") ? view.getAsJsonObject("submit").get("text").getAsString() : "Submit", inputs);
  }

  /** A Teams form: an Adaptive Card with inputs and a submit button carrying the form's id ({@code rmForm}). */
  static ShownForm card(JsonObject card) {
    List<Input> inputs = new ArrayList<>();
    String formId = null;
    String submit = "Submit";
    for (JsonElement element : card.getAsJsonArray("body")) {
      JsonObject item = element.getAsJsonObject();
      String type = item.get("type").getAsString();
      if (type.startsWith("Input.")) {
        inputs.add(new Input(item.get("id").getAsString(), ShownMessage.plain(item.get("label").getAsString()), type));
      } else if (type.equals("ActionSet")) {
        for (JsonElement action : item.getAsJsonArray("actions")) {
          JsonObject data = action.getAsJsonObject().getAsJsonObject("data");
          if (data != null && data.has("rmForm")) {
            formId = data.get("rmForm").getAsString();
            submit = action.getAsJsonObject().get("title").getAsString();
          }
        }
      }
    }
    if (formId == null) {
      throw new IllegalStateException("a card without a form's submit button: " + card.get("fallbackText"));
    }
    return new ShownForm(formId, card.get("fallbackText").getAsString(), submit, inputs);
  }

  /** Whether a Teams card is a form (its submit button carries a form id). */
  static boolean isForm(JsonObject card) {
    for (JsonElement element : card.getAsJsonArray("body")) {
      JsonObject item = element.getAsJsonObject();
      if (item.get("type").getAsString().equals("ActionSet")) {
        for (JsonElement action : item.getAsJsonArray("actions")) {
          JsonObject data = action.getAsJsonObject().getAsJsonObject("data");
          if (data != null && data.has("rmForm")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Input id to element type, to submit the form the way Slack would. */
  Map<String, String> elementTypes() {
    Map<String, String> types = new LinkedHashMap<>();
    inputs.forEach(i -> types.put(i.id(), i.elementType()));
    return types;
  }

  String label(String inputId) {
    return inputs.stream().filter(i -> i.id().equals(inputId)).map(Input::label).findFirst().orElse(inputId);
  }
}
