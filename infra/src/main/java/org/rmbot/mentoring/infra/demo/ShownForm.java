package org.rmbot.mentoring.infra.demo;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A modal the bot opened (views.open), read back: its callback id, title and inputs. */
record ShownForm(String callbackId, String title, String submitLabel, List<Input> inputs) {

  /** One input: its id (the block and action id), label and Block Kit element type. */
  record Input(String id, String label, String elementType) {}

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
