package org.rmbot.mentoring.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One person's answers, with nothing about the person but their role in the program.
 *
 * @param role {@code mentor} or {@code mentee}; null once suppressed because a role group was below k
 * @param answers by question id: an Integer (1 to 5) for a scale, a String for text
 */
record Ballot(String role, Map<String, Object> answers) {
  private static final ObjectMapper JSON = new ObjectMapper();

  Ballot {
    answers = Map.copyOf(answers);
  }

  Ballot withoutRole() {
    return new Ballot(null, answers);
  }

  /** The answers alone, as stored in {@code feedback_response.answers}. */
  String answersJson() {
    ObjectNode node = JSON.createObjectNode();
    answers.forEach((id, value) -> {
      if (value instanceof Integer i) {
        node.put(id, i);
      } else {
        node.put(id, (String) value);
      }
    });
    return node.toString();
  }

  String toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("role", role);
    try {
      node.set("answers", JSON.readTree(answersJson()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return node.toString();
  }

  static Ballot fromJson(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return new Ballot(node.path("role").isTextual() ? node.get("role").asText() : null, answers(node.get("answers")));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a ballot in the box is not readable", e);
    }
  }

  static Map<String, Object> answers(JsonNode node) {
    Map<String, Object> answers = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> answers.put(e.getKey(),
        e.getValue().isInt() ? (Object) e.getValue().asInt() : e.getValue().asText()));
    return answers;
  }

  static Map<String, Object> answersFromJson(String json) {
    try {
      return answers(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored answers are not readable", e);
    }
  }
}
