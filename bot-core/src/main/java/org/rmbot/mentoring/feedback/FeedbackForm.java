package org.rmbot.mentoring.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A feedback or survey form as data: a title and its questions. Each program may have its own
 * form per {@link Purpose}; without one it uses {@link #defaultFor}. Stored as JSON:
 *
 * <pre>{@code
 * {"title": "Program feedback",
 *  "questions": [
 *    {"id": "safe", "type": "scale", "text": "I felt safe to speak candidly", "low": "Not at all", "high": "Completely"},
 *    {"id": "comment", "type": "text", "text": "Anything else?", "maxLength": 2000, "optional": true}]}
 * }</pre>
 */
public record FeedbackForm(String title, List<Question> questions) {
  public static final int MAX_QUESTIONS = 12;
  public static final int MAX_TEXT_ANSWER = 2000;
  /** The input that carries the anonymity notice on the shown form; no question may use it. */
  public static final String NOTICE_INPUT = "about";

  private static final ObjectMapper JSON = new ObjectMapper();

  public FeedbackForm {
    if (title == null || title.isBlank() || title.length() > 60) {
      throw new IllegalArgumentException("a form needs a title of 1 to 60 characters");
    }
    questions = List.copyOf(questions);
    if (questions.isEmpty() || questions.size() > MAX_QUESTIONS) {
      throw new IllegalArgumentException("a form has 1 to " + MAX_QUESTIONS + " questions");
    }
    Set<String> ids = new HashSet<>();
    for (Question q : questions) {
      if (!ids.add(q.id()) || q.id().equals(NOTICE_INPUT)) {
        throw new IllegalArgumentException("question ids must be unique and not \"" + NOTICE_INPUT + "\": " + q.id());
      }
    }
  }

  public List<Question.Scale> scales() {
    return questions.stream().filter(Question.Scale.class::isInstance).map(Question.Scale.class::cast).toList();
  }

  public List<Question.Text> texts() {
    return questions.stream().filter(Question.Text.class::isInstance).map(Question.Text.class::cast).toList();
  }

  /** The forms every program starts with. */
  public static FeedbackForm defaultFor(Purpose purpose) {
    return switch (purpose) {
      case FEEDBACK -> new FeedbackForm("Program feedback", List.of(
          new Question.Scale("safe", "I felt safe to speak candidly", "Not at all", "Completely", false),
          new Question.Scale("working", "The pairing is working for me", "Not at all", "Very well", false),
          new Question.Scale("learned", "I learned something I will act on", "Nothing yet", "Very much", false),
          new Question.Text("comment", "Anything else you would like the coordinators to know? Please leave out"
              + " names and details that would identify you or your partner.", MAX_TEXT_ANSWER, true)));
      case PRE_SURVEY -> survey("Before we start");
      case POST_SURVEY -> survey("Looking back");
    };
  }

  /** The same four questions before and after, so the change between them can be reported. */
  private static FeedbackForm survey(String title) {
    return new FeedbackForm(title, List.of(
        new Question.Scale("confidence_theme", "How confident do you feel talking about {theme}?", "Not at all", "Very", false),
        new Question.Scale("understanding", "How well do you understand the issues people face around {theme}?",
            "Not at all", "Very well", false),
        new Question.Scale("ask_questions", "How confident do you feel asking questions about {theme}?", "Not at all", "Very", false),
        new Question.Scale("share_knowledge", "How confident do you feel sharing what you know about {theme} with others?",
            "Not at all", "Very", false)));
  }

  public String toJson() {
    ObjectNode root = JSON.createObjectNode().put("title", title);
    ArrayNode list = root.putArray("questions");
    for (Question q : questions) {
      ObjectNode node = list.addObject().put("id", q.id());
      if (q instanceof Question.Scale s) {
        node.put("type", "scale").put("text", s.text()).put("low", s.low()).put("high", s.high());
      } else {
        Question.Text t = (Question.Text) q;
        node.put("type", "text").put("text", t.text()).put("maxLength", t.maxLength());
      }
      node.put("optional", q.optional());
    }
    return root.toString();
  }

  /** Reads a form; anything missing or out of range is refused with a message that names it. */
  public static FeedbackForm fromJson(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a form is a JSON object with a title and questions (line "
          + e.getLocation().getLineNr() + ": not valid JSON)");
    }
    if (root == null || !root.isObject() || !root.path("questions").isArray()) {
      throw new IllegalArgumentException("a form is a JSON object with a title and questions");
    }
    List<Question> questions = new ArrayList<>();
    for (JsonNode q : root.get("questions")) {
      String id = q.path("id").asText(null);
      String text = q.path("text").asText(null);
      boolean optional = q.path("optional").asBoolean(false);
      String type = q.path("type").asText("");
      switch (type) {
        case "scale" -> questions.add(new Question.Scale(id, text, q.path("low").asText("Not at all"),
            q.path("high").asText("Very much"), optional));
        case "text" -> questions.add(new Question.Text(id, text, q.path("maxLength").asInt(MAX_TEXT_ANSWER), optional));
        default -> throw new IllegalArgumentException("question " + id + ": type must be \"scale\" or \"text\"");
      }
    }
    return new FeedbackForm(root.path("title").asText(null), questions);
  }
}
