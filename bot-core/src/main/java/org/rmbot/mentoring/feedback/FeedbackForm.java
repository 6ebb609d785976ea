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
import org.rmbot.mentoring.wording.Catalogue;

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
  private static final Catalogue WORDS = Catalogue.english();
  private static final String THEME = "{theme}";

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
      case FEEDBACK -> new FeedbackForm(WORDS.phrase("feedback.form.feedback.title"), List.of(
          new Question.Scale("safe", WORDS.phrase("feedback.form.feedback.safe"), notAtAll(),
              WORDS.phrase("feedback.form.scale.completely"), false),
          new Question.Scale("working", WORDS.phrase("feedback.form.feedback.working"), notAtAll(),
              WORDS.phrase("feedback.form.scale.very_well"), false),
          new Question.Scale("learned", WORDS.phrase("feedback.form.feedback.learned"),
              WORDS.phrase("feedback.form.scale.nothing_yet"), WORDS.phrase("feedback.form.scale.very_much"), false),
          new Question.Text("comment", WORDS.phrase("feedback.form.feedback.comment"), MAX_TEXT_ANSWER, true)));
      case PRE_SURVEY -> survey(WORDS.phrase("feedback.form.pre_survey.title"));
      case POST_SURVEY -> survey(WORDS.phrase("feedback.form.post_survey.title"));
    };
  }

  /**
   * The same four questions before and after, so the change between them can be reported. The
   * stored text keeps the placeholder {@code {theme}}; it becomes the program's theme when shown.
   */
  private static FeedbackForm survey(String title) {
    String very = WORDS.phrase("feedback.form.scale.very");
    return new FeedbackForm(title, List.of(
        new Question.Scale("confidence_theme", WORDS.phrase("feedback.form.survey.confidence_theme", "theme", THEME),
            notAtAll(), very, false),
        new Question.Scale("understanding", WORDS.phrase("feedback.form.survey.understanding", "theme", THEME),
            notAtAll(), WORDS.phrase("feedback.form.scale.very_well"), false),
        new Question.Scale("ask_questions", WORDS.phrase("feedback.form.survey.ask_questions", "theme", THEME),
            notAtAll(), very, false),
        new Question.Scale("share_knowledge", WORDS.phrase("feedback.form.survey.share_knowledge", "theme", THEME),
            notAtAll(), very, false)));
  }

  private static String notAtAll() {
    return WORDS.phrase("feedback.form.scale.not_at_all");
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
        case "scale" -> questions.add(new Question.Scale(id, text, q.path("low").asText(notAtAll()),
            q.path("high").asText(WORDS.phrase("feedback.form.scale.very_much")), optional));
        case "text" -> questions.add(new Question.Text(id, text, q.path("maxLength").asInt(MAX_TEXT_ANSWER), optional));
        default -> throw new IllegalArgumentException("question " + id + ": type must be \"scale\" or \"text\"");
      }
    }
    return new FeedbackForm(root.path("title").asText(null), questions);
  }
}
