package org.rmbot.mentoring.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Form;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * Renders the core's neutral messages and forms as Adaptive Cards 1.5 (the version Teams wants
 * for Universal Actions). Buttons are {@code Action.Execute} (answered synchronously, so the
 * card can be replaced at once) with an {@code Action.Submit} fallback for older clients; both
 * carry the core's action id and value in {@code data}, never any authority.
 *
 * <p>Text is never Markdown. A TextBlock reads Markdown (and Teams' {@code <at>} tags), and its
 * backslash escapes work differently on desktop and mobile; so every text, a person's name or
 * the bot's words, goes into {@code RichTextBlock}s of {@code TextRun}s, which Adaptive Cards
 * show exactly as written: a name like {@code **Pilot** [click](https://evil)} is text and links
 * nowhere. The core's bold is a bold run, a command a monospace run of what is typed in a Teams
 * chat ({@code join}). Each line of a text is its own RichTextBlock, so line breaks show.
 *
 * <p>Nothing is cut: a message longer than one card may be becomes several cards, in order
 * ({@value #MAX_ELEMENTS} body elements and {@value #MAX_CARD} characters of JSON a card, well
 * inside Teams' ~28 KB a message); a run is at most {@value #MAX_TEXT} characters, a longer line
 * several runs; a row of more than {@value #MAX_ACTIONS} buttons (Teams shows no more) several rows.
 */
public final class AdaptiveCardRenderer {
  private static final Catalogue WORDS = Catalogue.english();
  public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
  /** Keys in a button's or form's {@code data}; input ids never use them. */
  public static final String DATA_ACTION = "rmAction";
  public static final String DATA_VALUE = "rmValue";
  public static final String DATA_FORM = "rmForm";
  /** The verb of a form's submit button. */
  public static final String SUBMIT_VERB = "rm.submit";
  /** The value a ticked checkbox sends, and the one an unticked one sends. */
  static final String TOGGLE_OFF = "no";

  static final int MAX_ELEMENTS = 40;
  static final int MAX_TEXT = 2000;
  static final int MAX_ACTIONS = 6;
  static final int MAX_TITLE = 60;
  static final int MAX_VALUE = 1000;
  static final int MAX_CHOICES = 100;
  static final int MAX_FALLBACK = 1000;
  /** Bytes of JSON a card's body may carry, well inside Teams' ~28 KB message limit. */
  static final int MAX_CARD = 20_000;
  /** Bytes of JSON one body element may carry: a long text or many fields take several. */
  static final int MAX_ELEMENT = 8_000;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private enum Tone { NORMAL, SUBTLE }

  /** The cards that together show the whole message, in order (one, almost always). */
  public List<ObjectNode> render(ChatMessage message) {
    List<ObjectNode> elements = new ArrayList<>();
    boolean separate = false;
    List<Block> blocks = message.blocks().isEmpty() ? List.of(new Block.Section(message.fallbackText())) : message.blocks();
    for (Block block : blocks) {
      if (block instanceof Block.Divider) {
        separate = true;
        continue;
      }
      List<ObjectNode> rendered = elements(block);
      if (separate && !rendered.isEmpty()) {
        rendered.get(0).put("separator", true);
        separate = false;
      }
      elements.addAll(rendered);
    }
    List<List<ObjectNode>> cards = new ArrayList<>();
    List<ObjectNode> card = new ArrayList<>();
    int size = 0;
    for (ObjectNode element : elements) {
      int length = bytes(element);
      if (!card.isEmpty() && (card.size() == MAX_ELEMENTS || size + length > MAX_CARD)) {
        cards.add(card);
        card = new ArrayList<>();
        size = 0;
      }
      if (card.isEmpty()) {
        element.remove("separator");
      }
      card.add(element);
      size += length;
    }
    cards.add(card);
    List<ObjectNode> out = new ArrayList<>();
    // for clients that cannot show cards; the body carries every word
    String fallback = clip(plain(message.fallbackText()), MAX_FALLBACK);
    for (int i = 0; i < cards.size(); i++) {
      ObjectNode node = card(cards.size() == 1 ? fallback : WORDS.phrase("teams.page.numbered", "text", fallback,
          "page", String.valueOf(i + 1), "pages", String.valueOf(cards.size())));
      node.putArray("body").addAll(cards.get(i));
      out.add(node);
    }
    return out;
  }

  /** A card for a form: its title, the inputs, and one submit button carrying the form's id. */
  public ObjectNode render(Form form) {
    return render(form, List.of());
  }

  /** A form card with intro blocks first (for example a privacy notice). */
  public ObjectNode render(Form form, List<Block> intro) {
    ObjectNode card = card(clip(plain(form.title()), MAX_FALLBACK));
    ArrayNode body = card.putArray("body");
    body.addAll(lines(Markup.bold(form.title()), Tone.NORMAL));
    for (Block block : intro) {
      if (!(block instanceof Block.Divider)) {
        body.addAll(elements(block));
      }
    }
    for (Form.FormInput input : form.inputs()) {
      body.add(input(input));
    }
    ObjectNode data = JSON.objectNode().put(DATA_FORM, clip(form.callbackId(), MAX_VALUE));
    ObjectNode submit = action("Action.Execute", SUBMIT_VERB, label(form.submitLabel(), MAX_TITLE), data, "positive");
    submit.set("fallback", action("Action.Submit", null, label(form.submitLabel(), MAX_TITLE), data, "positive"));
    body.addObject().put("type", "ActionSet").putArray("actions").add(submit);
    return card;
  }

  /** A small card that replaces an answered form, so it cannot be submitted twice. */
  public ObjectNode closedForm(String title, String outcome) {
    return render(ChatMessage.of(outcome, new Block.Section(Markup.bold(title)), new Block.Context(outcome))).get(0);
  }

  private static ObjectNode card(String fallbackText) {
    ObjectNode card = JSON.objectNode();
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("type", "AdaptiveCard");
    card.put("version", "1.5");
    card.put("fallbackText", fallbackText.isBlank() ? " " : fallbackText);
    return card;
  }

  private static List<ObjectNode> elements(Block block) {
    if (block instanceof Block.Section s) {
      return lines(s.text(), Tone.NORMAL);
    }
    if (block instanceof Block.Context c) {
      return lines(c.text(), Tone.SUBTLE);
    }
    if (block instanceof Block.Fields f) {
      return fields(f.fields());
    }
    // rows of at most MAX_ACTIONS buttons, and of at most MAX_ELEMENT bytes
    List<ObjectNode> sets = new ArrayList<>();
    ArrayNode actions = null;
    int size = 0;
    for (Block.Button b : ((Block.Actions) block).buttons()) {
      ObjectNode data = JSON.objectNode().put(DATA_ACTION, clip(b.actionId(), MAX_VALUE)).put(DATA_VALUE, clip(b.value(), MAX_VALUE));
      String style = switch (b.style()) {
        case PRIMARY -> "positive";
        case DANGER -> "destructive";
        case DEFAULT -> "default";
      };
      ObjectNode execute = action("Action.Execute", clip(b.actionId(), MAX_VALUE), label(b.label(), MAX_TITLE), data, style);
      execute.set("fallback", action("Action.Submit", null, label(b.label(), MAX_TITLE), data, style));
      int length = bytes(execute);
      if (actions == null || actions.size() == MAX_ACTIONS || size + length > MAX_ELEMENT) {
        ObjectNode set = JSON.objectNode().put("type", "ActionSet");
        actions = set.putArray("actions");
        sets.add(set);
        size = 0;
      }
      actions.add(execute);
      size += length;
    }
    return sets;
  }

  /**
   * A neutral text as containers of lines, each line a RichTextBlock of runs (a line longer than
   * a run may be is several blocks); a long text takes several containers.
   */
  private static List<ObjectNode> lines(String neutral, Tone tone) {
    List<ObjectNode> lines = new ArrayList<>();
    boolean gap = false;
    for (List<Markup.Span> line : Markup.lines(neutral)) {
      if (line.isEmpty()) {
        gap = !lines.isEmpty();
        continue;
      }
      for (List<Markup.Span> piece : Markup.pieces(line, MAX_TEXT, AdaptiveCardRenderer::length)) {
        ObjectNode block = richText(piece, tone);
        if (!lines.isEmpty()) {
          block.put("spacing", gap ? "medium" : "none");
        }
        gap = false;
        lines.add(block);
      }
    }
    if (lines.isEmpty()) {
      lines.add(richText(List.of(new Markup.Span(" ", Markup.Style.PLAIN)), tone));
    }
    return containers(lines);
  }

  /** Items in containers of at most {@link #MAX_ELEMENT} bytes each, in order. */
  private static List<ObjectNode> containers(List<ObjectNode> items) {
    List<ObjectNode> out = new ArrayList<>();
    ArrayNode current = null;
    int size = 0;
    for (ObjectNode item : items) {
      int length = bytes(item);
      if (current == null || (!current.isEmpty() && size + length > MAX_ELEMENT)) {
        ObjectNode container = JSON.objectNode().put("type", "Container");
        current = container.putArray("items");
        out.add(container);
        size = 0;
        item.remove("spacing");
      }
      current.add(item);
      size += length;
    }
    return out;
  }

  private static int bytes(ObjectNode node) {
    return node.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  private static ObjectNode richText(List<Markup.Span> piece, Tone tone) {
    ObjectNode block = JSON.objectNode().put("type", "RichTextBlock");
    ArrayNode inlines = block.putArray("inlines");
    for (Markup.Span span : piece) {
      ObjectNode run = inlines.addObject().put("type", "TextRun").put("text", span.text());
      switch (span.style()) {
        case BOLD -> run.put("weight", "bolder");
        case COMMAND -> run.put("fontType", "monospace");
        default -> { }
      }
      if (tone == Tone.SUBTLE) {
        run.put("isSubtle", true).put("size", "small");
      }
    }
    return block;
  }

  private static int length(List<Markup.Span> spans) {
    return spans.stream().mapToInt(s -> s.text().length()).sum();
  }

  /** Label and value pairs as rows of two columns, the label in bold; exact text, like every other. */
  private static List<ObjectNode> fields(List<Block.Field> fields) {
    List<ObjectNode> rows = new ArrayList<>();
    for (Block.Field field : fields) {
      ObjectNode row = JSON.objectNode().put("type", "ColumnSet");
      if (!rows.isEmpty()) {
        row.put("spacing", "small");
      }
      ArrayNode columns = row.putArray("columns");
      columns.addObject().put("type", "Column").put("width", 2).putArray("items").addAll(lines(Markup.bold(field.label()), Tone.NORMAL));
      columns.addObject().put("type", "Column").put("width", 3).putArray("items").addAll(lines(field.value(), Tone.NORMAL));
      rows.add(row);
    }
    return containers(rows);
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
    node.put("label", label(input.label(), MAX_TEXT));
    boolean required = !input.optional() && !(input instanceof Form.FormInput.Checkbox);
    node.put("isRequired", required);
    if (required) {
      node.put("errorMessage", WORDS.phrase("teams.input.required"));
    }
    if (input instanceof Form.FormInput.ShortText t) {
      node.put("type", "Input.Text").put("maxLength", t.maxLength());
    } else if (input instanceof Form.FormInput.LongText t) {
      node.put("type", "Input.Text").put("isMultiline", true).put("maxLength", t.maxLength());
    } else if (input instanceof Form.FormInput.SingleChoice c) {
      node.put("type", "Input.ChoiceSet").put("style", c.choices().size() <= 10 ? "expanded" : "compact").put("wrap", true);
      ArrayNode choices = node.putArray("choices");
      c.choices().stream().limit(MAX_CHOICES).forEach(ch ->
          choices.addObject().put("title", label(ch.label(), 200)).put("value", ch.value()));
    } else if (input instanceof Form.FormInput.Scale s) {
      node.put("type", "Input.ChoiceSet").put("style", "expanded");
      ArrayNode choices = node.putArray("choices");
      for (int i = 1; i <= 5; i++) {
        String choice = i == 1 ? WORDS.phrase("teams.scale.low", "label", s.lowLabel())
            : i == 5 ? WORDS.phrase("teams.scale.high", "label", s.highLabel()) : String.valueOf(i);
        choices.addObject().put("title", label(choice, 200)).put("value", String.valueOf(i));
      }
    } else if (input instanceof Form.FormInput.DateInput) {
      node.put("type", "Input.Date");
    } else if (input instanceof Form.FormInput.TimeInput) {
      node.put("type", "Input.Time");
    } else if (input instanceof Form.FormInput.Checkbox c) {
      node.put("type", "Input.Toggle").put("title", label(c.text(), MAX_TEXT)).put("wrap", true)
          .put("valueOn", Form.FormInput.Checkbox.TICKED).put("valueOff", TOGGLE_OFF).put("value", TOGGLE_OFF);
    } else {
      // Adaptive Cards 1.5 has no people picker (Teams' dynamic typeahead is outside the schema):
      // ask for the work email, which is how the core finds people who never talked to the bot
      node.put("type", "Input.Text").put("style", "email").put("maxLength", 200)
          .put("label", label(WORDS.phrase("teams.input.work_email", "label", input.label()), MAX_TEXT));
    }
    return node;
  }

  /** Neutral text as plain words, commands as typed in a Teams chat: for summaries and fallback text. */
  public static String plain(String neutral) {
    return Markup.plain(neutral == null ? "" : neutral).replace("\r", "");
  }

  /**
   * Plain words for button titles, input labels and choices, cut to {@code max} (the bot writes
   * these short). Teams may read these as Markdown in some clients, so people's markup is made
   * inert as it used to be everywhere: angle brackets swapped for look-alikes, links broken up.
   */
  static String label(String neutral, int max) {
    String t = neutral == null || neutral.isBlank() ? " " : plain(neutral);
    return clip(t.replace('<', '‹').replace('>', '›').replace("](", "]\u200B("), max);
  }

  /** A summary for an activity (notifications, the chat list): plain words, at most {@code max}. */
  public static String summary(String neutral, int max) {
    return clip(plain(neutral), max);
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
