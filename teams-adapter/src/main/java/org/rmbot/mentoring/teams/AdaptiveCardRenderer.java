package org.rmbot.mentoring.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Form;

/**
 * Renders the core's neutral messages and forms as Adaptive Cards 1.5 (the version Teams wants
 * for Universal Actions). Buttons are {@code Action.Execute} (answered synchronously, so the
 * card can be replaced at once) with an {@code Action.Submit} fallback for older clients; both
 * carry the core's action id and value in {@code data}, never any authority.
 *
 * <p>Text people typed (names, topics, reflections) may contain markup. Teams renders a subset
 * of Markdown and {@code <at>} mention tags in TextBlocks, so angle brackets are swapped for
 * look-alike quotation marks and Markdown links are broken up: a name like
 * {@code [click](https://evil)} shows as text and links nowhere. The core's own {@code *bold*}
 * becomes Markdown bold.
 *
 * <p>Limits (Teams caps a message at about 28 KB): at most {@value #MAX_ELEMENTS} body
 * elements, {@value #MAX_TEXT} characters a text, {@value #MAX_FACTS} facts,
 * {@value #MAX_ACTIONS} buttons a row (Teams shows no more), {@value #MAX_TITLE} a button title.
 */
public final class AdaptiveCardRenderer {
  public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
  /** Keys in a button's or form's {@code data}; input ids never use them. */
  public static final String DATA_ACTION = "rmAction";
  public static final String DATA_VALUE = "rmValue";
  public static final String DATA_FORM = "rmForm";
  /** The verb of a form's submit button. */
  public static final String SUBMIT_VERB = "rm.submit";

  static final int MAX_ELEMENTS = 40;
  static final int MAX_TEXT = 2000;
  static final int MAX_FACTS = 10;
  static final int MAX_FACT = 500;
  static final int MAX_ACTIONS = 6;
  static final int MAX_TITLE = 60;
  static final int MAX_VALUE = 1000;
  static final int MAX_CHOICES = 100;
  /** Characters of content a card may carry, well inside Teams' ~28 KB message limit. */
  static final int MAX_CARD = 20_000;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern BOLD = Pattern.compile("(?<![*\\w])\\*([^*\\n]+)\\*(?![*\\w])");

  /** A card for a message. */
  public ObjectNode render(ChatMessage message) {
    ObjectNode card = card(message.fallbackText());
    ArrayNode body = card.putArray("body");
    addBlocks(body, message.blocks());
    if (body.isEmpty()) {
      body.add(textBlock(message.fallbackText()));
    }
    return card;
  }

  /** A card for a form: its title, the inputs, and one submit button carrying the form's id. */
  public ObjectNode render(Form form) {
    return render(form, List.of());
  }

  /** A form card with intro blocks first (for example a privacy notice). */
  public ObjectNode render(Form form, List<Block> intro) {
    ObjectNode card = card(form.title());
    ArrayNode body = card.putArray("body");
    body.add(textBlock("**" + text(form.title(), 200) + "**").put("size", "medium"));
    addBlocks(body, intro);
    for (Form.FormInput input : form.inputs()) {
      body.add(input(input));
    }
    ObjectNode data = JSON.objectNode().put(DATA_FORM, clip(form.callbackId(), MAX_VALUE));
    ObjectNode submit = action("Action.Execute", SUBMIT_VERB, plain(form.submitLabel(), MAX_TITLE), data, "positive");
    submit.set("fallback", action("Action.Submit", null, plain(form.submitLabel(), MAX_TITLE), data, "positive"));
    body.addObject().put("type", "ActionSet").putArray("actions").add(submit);
    return card;
  }

  /** A small card that replaces an answered form, so it cannot be submitted twice. */
  public ObjectNode closedForm(String title, String outcome) {
    return render(ChatMessage.of(outcome, new Block.Section("*" + title + "*"), new Block.Context(outcome)));
  }

  private static ObjectNode card(String fallbackText) {
    ObjectNode card = JSON.objectNode();
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("type", "AdaptiveCard");
    card.put("version", "1.5");
    card.put("fallbackText", plain(fallbackText, MAX_TEXT));
    return card;
  }

  private void addBlocks(ArrayNode body, List<Block> blocks) {
    boolean separate = false;
    int shown = 0;
    int size = body.toString().length();
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      if (block instanceof Block.Divider) {
        separate = true;
        continue;
      }
      ObjectNode element = element(block);
      size += element.toString().length();
      if ((shown == MAX_ELEMENTS - 1 && blocks.size() - i > 1) || size > MAX_CARD) {
        body.add(textBlock("…and " + (blocks.size() - i) + " more not shown here.").put("isSubtle", true));
        return;
      }
      if (separate) {
        element.put("separator", true);
        separate = false;
      }
      body.add(element);
      shown++;
    }
  }

  private static ObjectNode element(Block block) {
    if (block instanceof Block.Section s) {
      return textBlock(text(s.text(), MAX_TEXT));
    }
    if (block instanceof Block.Context c) {
      return textBlock(text(c.text(), MAX_TEXT)).put("isSubtle", true).put("size", "small");
    }
    if (block instanceof Block.Fields f) {
      ObjectNode set = JSON.objectNode().put("type", "FactSet");
      ArrayNode facts = set.putArray("facts");
      for (Block.Field field : f.fields().subList(0, Math.min(MAX_FACTS, f.fields().size()))) {
        facts.addObject().put("title", text(field.label(), MAX_FACT)).put("value", text(field.value(), MAX_FACT));
      }
      return set;
    }
    Block.Actions row = (Block.Actions) block;
    ObjectNode set = JSON.objectNode().put("type", "ActionSet");
    ArrayNode actions = set.putArray("actions");
    for (Block.Button b : row.buttons().subList(0, Math.min(MAX_ACTIONS, row.buttons().size()))) {
      ObjectNode data = JSON.objectNode().put(DATA_ACTION, clip(b.actionId(), MAX_VALUE)).put(DATA_VALUE, clip(b.value(), MAX_VALUE));
      String style = switch (b.style()) {
        case PRIMARY -> "positive";
        case DANGER -> "destructive";
        case DEFAULT -> "default";
      };
      ObjectNode execute = action("Action.Execute", clip(b.actionId(), MAX_VALUE), plain(b.label(), MAX_TITLE), data, style);
      execute.set("fallback", action("Action.Submit", null, plain(b.label(), MAX_TITLE), data, style));
      actions.add(execute);
    }
    return set;
  }

  private static ObjectNode action(String type, String verb, String title, ObjectNode data, String style) {
    ObjectNode action = JSON.objectNode().put("type", type);
    if (verb != null) {
      action.put("verb", verb);
    }
    action.put("title", title);
    action.set("data", data.deepCopy());
    action.put("style", style);
    return action;
  }

  private static ObjectNode input(Form.FormInput input) {
    ObjectNode node = JSON.objectNode();
    node.put("id", input.id());
    node.put("label", plain(input.label(), MAX_TEXT));
    node.put("isRequired", !input.optional());
    if (!input.optional()) {
      node.put("errorMessage", "Please fill this in.");
    }
    if (input instanceof Form.FormInput.ShortText t) {
      node.put("type", "Input.Text").put("maxLength", t.maxLength());
    } else if (input instanceof Form.FormInput.LongText t) {
      node.put("type", "Input.Text").put("isMultiline", true).put("maxLength", t.maxLength());
    } else if (input instanceof Form.FormInput.SingleChoice c) {
      node.put("type", "Input.ChoiceSet").put("style", c.choices().size() <= 10 ? "expanded" : "compact").put("wrap", true);
      ArrayNode choices = node.putArray("choices");
      c.choices().stream().limit(MAX_CHOICES).forEach(ch ->
          choices.addObject().put("title", plain(ch.label(), 200)).put("value", ch.value()));
    } else if (input instanceof Form.FormInput.Scale s) {
      node.put("type", "Input.ChoiceSet").put("style", "expanded");
      ArrayNode choices = node.putArray("choices");
      for (int i = 1; i <= 5; i++) {
        String label = i == 1 ? "1 – " + s.lowLabel() : i == 5 ? "5 – " + s.highLabel() : String.valueOf(i);
        choices.addObject().put("title", plain(label, 200)).put("value", String.valueOf(i));
      }
    } else if (input instanceof Form.FormInput.DateInput) {
      node.put("type", "Input.Date");
    } else {
      // Adaptive Cards 1.5 has no people picker (Teams' dynamic typeahead is outside the schema):
      // ask for the work email, which is how the core finds people who never talked to the bot
      node.put("type", "Input.Text").put("style", "email").put("maxLength", 200)
          .put("label", plain(input.label() + " (work email)", MAX_TEXT));
    }
    return node;
  }

  private static ObjectNode textBlock(String text) {
    return JSON.objectNode().put("type", "TextBlock").put("text", text.isEmpty() ? " " : text).put("wrap", true);
  }

  /** Neutral text as TextBlock Markdown: markup people typed is neutralised, the core's bold kept. */
  static String text(String neutral, int max) {
    String safe = neutralise(neutral == null ? "" : neutral);
    return clip(BOLD.matcher(safe).replaceAll("**$1**"), max);
  }

  /** Plain text for titles, labels and choices (not Markdown), still without tags. */
  static String plain(String text, int max) {
    String t = text == null || text.isBlank() ? " " : neutralise(text);
    return clip(t, max);
  }

  private static String neutralise(String text) {
    return text.replace('<', '‹').replace('>', '›')
        // "[label](url)" would be a link: a zero-width space between the parts keeps it text
        .replace("](", "]\u200B(")
        .replace("\r", "");
  }

  static String clip(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = max - 1;
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut) + "…";
  }
}
