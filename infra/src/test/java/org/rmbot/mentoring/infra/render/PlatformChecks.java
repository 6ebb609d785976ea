package org.rmbot.mentoring.infra.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Form;
import org.rmbot.mentoring.command.CommandCatalogue;
import org.rmbot.mentoring.command.CommandHelp;
import org.rmbot.mentoring.slack.BlockKitRenderer;
import org.rmbot.mentoring.slack.SlackForms;
import org.rmbot.mentoring.teams.AdaptiveCardRenderer;
import org.rmbot.mentoring.testing.SharedReference;

/**
 * Renders a neutral message or form the way each adapter sends it (every Slack message page,
 * every Teams card) and lists what breaks a limit of the reference files (Block Kit limits,
 * the Adaptive Card 1.5 schema and Teams' message size), what of the neutral text did not make
 * it into what people see, and instructions that name a command the way it does not work on that
 * platform.
 */
public final class PlatformChecks {
  private static final BlockKitRenderer SLACK = new BlockKitRenderer();
  private static final SlackForms SLACK_FORMS = new SlackForms(SLACK);
  private static final AdaptiveCardRenderer TEAMS = new AdaptiveCardRenderer();
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final JsonSchema ADAPTIVE_CARD_SCHEMA = schema();
  /** The marks of the neutral text model (bold, command), which no platform shows as such. */
  private static final Pattern NEUTRAL_MARKS = Pattern.compile("[\\u0002\\u0003\\u0011\\u0012]");
  private static final String VERBS = CommandCatalogue.all().stream().map(CommandHelp::verb).distinct()
      .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).collect(Collectors.joining("|"));
  /** "type join", "Type *join*", "run rematch": an instruction to type a command word as it is. */
  private static final Pattern BARE = Pattern.compile("(?i)\\b(?:type|typing|run)\\s+[\"'“*_]*(?:" + VERBS + ")(?![\\w-])");
  /** Command words that can only be commands: wherever they appear bare, they are an instruction. */
  private static final Pattern HYPHENATED = Pattern.compile("(?<![\\w/-])(?:" + CommandCatalogue.all().stream()
      .map(CommandHelp::verb).filter(v -> v.contains("-")).distinct().map(Pattern::quote).collect(Collectors.joining("|"))
      + ")(?![\\w-]|\\.\\w)");

  /** Words of the code, not of the people reading: "groups of at least k people", "several cadence windows". */
  private static final Pattern JARGON = Pattern.compile("(?i)cadence windows?|at least k\\b|\\bk people|\\bk answers");

  private PlatformChecks() {}

  // ---- how each adapter sends a message

  /** The Block Kit blocks of every Slack message a neutral message becomes. */
  public static List<JsonArray> slackPages(ChatMessage message) {
    return SLACK.pages(message).stream()
        .map(page -> GsonFactory.createSnakeCase().toJsonTree(page.blocks()).getAsJsonArray()).toList();
  }

  /** The notification texts of those Slack messages. */
  public static List<String> slackTexts(ChatMessage message) {
    return SLACK.pages(message).stream().map(BlockKitRenderer.Page::text).toList();
  }

  /** Every Adaptive Card a neutral message becomes. */
  public static List<ObjectNode> teamsCards(ChatMessage message) {
    return TEAMS.render(message);
  }

  public static JsonObject slackModal(Form form) {
    View modal = SLACK_FORMS.modal(form, List.of());
    return GsonFactory.createSnakeCase().toJsonTree(modal).getAsJsonObject();
  }

  public static ObjectNode teamsForm(Form form) {
    return TEAMS.render(form);
  }

  // ---- the checks

  /** Everything wrong with a message on both platforms; empty when it is fine. */
  public static List<String> problems(String what, ChatMessage message) {
    List<String> problems = new ArrayList<>();
    Matcher jargon = JARGON.matcher(expected(message));
    while (jargon.find()) {
      problems.add(what + ": jargon where plain words would do: '" + jargon.group() + "'");
    }
    problems.addAll(slackProblems(what, message));
    problems.addAll(teamsProblems(what, message));
    return problems;
  }

  public static List<String> slackProblems(String what, ChatMessage message) {
    List<String> problems = new ArrayList<>();
    List<JsonArray> pages = slackPages(message);
    StringBuilder shown = new StringBuilder();
    for (String text : slackTexts(message)) {
      limit(problems, what + " notification text", text, 1, 4000);
    }
    for (JsonArray blocks : pages) {
      if (blocks.size() > 50) {
        problems.add(what + ": " + blocks.size() + " blocks in one message (Slack allows 50)");
      }
      int text = slackBlocks(problems, what, blocks, shown);
      if (text > 12_000) {
        problems.add(what + ": " + text + " characters in one message (Slack refuses long block payloads with msg_blocks_too_long)");
      }
    }
    if (pages.stream().allMatch(JsonArray::isEmpty)) {
      slackTexts(message).forEach(shown::append);
    }
    whole(problems, what + " in Slack", expected(message), slackShown(shown.toString()));
    bare(problems, what + " in Slack", slackShown(shown.toString()));
    return problems;
  }

  /** Checks one list of blocks (a message page or a view); returns how many characters of text it holds. */
  static int slackBlocks(List<String> problems, String what, JsonArray blocks, StringBuilder shown) {
    int text = 0;
    Set<String> blockIds = new HashSet<>();
    for (JsonElement element : blocks) {
      JsonObject block = element.getAsJsonObject();
      String type = string(block, "type");
      if (block.has("block_id")) {
        limit(problems, what + " block_id", string(block, "block_id"), 1, 255);
        if (!blockIds.add(string(block, "block_id"))) {
          problems.add(what + ": block_id " + string(block, "block_id") + " twice");
        }
      }
      switch (type) {
        case "section" -> {
          if (block.has("text")) {
            text += textObject(problems, what + " section", block.getAsJsonObject("text"), 3000, shown);
          }
          if (block.has("fields")) {
            JsonArray fields = block.getAsJsonArray("fields");
            if (fields.size() > 10) {
              problems.add(what + ": " + fields.size() + " fields in a section (Slack allows 10)");
            }
            for (JsonElement f : fields) {
              text += textObject(problems, what + " field", f.getAsJsonObject(), 2000, shown);
            }
          }
        }
        case "context" -> {
          JsonArray elements = block.getAsJsonArray("elements");
          if (elements.size() > 10) {
            problems.add(what + ": " + elements.size() + " context elements (Slack allows 10)");
          }
          for (JsonElement e : elements) {
            text += textObject(problems, what + " context", e.getAsJsonObject(), 3000, shown);
          }
        }
        case "header" -> text += textObject(problems, what + " header", block.getAsJsonObject("text"), 150, shown);
        case "actions" -> {
          JsonArray elements = block.getAsJsonArray("elements");
          if (elements.size() > 25) {
            problems.add(what + ": " + elements.size() + " elements in an actions block (Slack allows 25)");
          }
          Set<String> actionIds = new HashSet<>();
          for (JsonElement e : elements) {
            element(problems, what, e.getAsJsonObject(), actionIds);
          }
        }
        case "input" -> {
          limit(problems, what + " input label", string(block.getAsJsonObject("label"), "text"), 1, 2000);
          if (block.has("hint")) {
            limit(problems, what + " input hint", string(block.getAsJsonObject("hint"), "text"), 1, 2000);
          }
          shown.append(string(block.getAsJsonObject("label"), "text"));
          element(problems, what, block.getAsJsonObject("element"), new HashSet<>());
        }
        case "divider" -> { }
        default -> problems.add(what + ": a block of type " + type + " the checks do not know");
      }
    }
    return text;
  }

  private static int textObject(List<String> problems, String what, JsonObject text, int max, StringBuilder shown) {
    String t = string(text, "text");
    limit(problems, what, t, 1, max);
    shown.append(t).append('\n');
    return t.length();
  }

  private static void element(List<String> problems, String what, JsonObject element, Set<String> actionIds) {
    String type = string(element, "type");
    if (element.has("action_id")) {
      limit(problems, what + " action_id", string(element, "action_id"), 1, 255);
      if (!actionIds.add(string(element, "action_id"))) {
        problems.add(what + ": action_id " + string(element, "action_id") + " twice in a block");
      }
    }
    if (element.has("placeholder")) {
      limit(problems, what + " placeholder", string(element.getAsJsonObject("placeholder"), "text"), 1, 150);
    }
    switch (type) {
      case "button" -> {
        limit(problems, what + " button text", string(element.getAsJsonObject("text"), "text"), 1, 75);
        limit(problems, what + " button value", string(element, "value"), 0, 2000);
        limit(problems, what + " button url", string(element, "url"), 0, 3000);
      }
      case "plain_text_input" -> {
        if (element.has("max_length")) {
          int max = element.get("max_length").getAsInt();
          if (max < 1 || max > 3000) {
            problems.add(what + ": max_length " + max + " (Slack allows 1 to 3000)");
          }
        }
      }
      case "radio_buttons", "checkboxes" -> options(problems, what + " " + type, element, 10);
      case "static_select" -> options(problems, what + " select", element, 100);
      case "datepicker", "timepicker", "users_select" -> { }
      default -> problems.add(what + ": an element of type " + type + " the checks do not know");
    }
  }

  private static void options(List<String> problems, String what, JsonObject element, int max) {
    JsonArray options = element.getAsJsonArray("options");
    if (options.size() > max) {
      problems.add(what + ": " + options.size() + " options (Slack allows " + max + ")");
    }
    for (JsonElement o : options) {
      limit(problems, what + " option text", string(o.getAsJsonObject().getAsJsonObject("text"), "text"), 1, 75);
      limit(problems, what + " option value", string(o.getAsJsonObject(), "value"), 1, 75);
    }
  }

  /** A modal, checked against Slack's view limits. */
  public static List<String> slackFormProblems(String what, Form form) {
    List<String> problems = new ArrayList<>();
    JsonObject modal = slackModal(form);
    limit(problems, what + " title", string(modal.getAsJsonObject("title"), "text"), 1, 24);
    limit(problems, what + " submit", string(modal.getAsJsonObject("submit"), "text"), 1, 24);
    limit(problems, what + " close", string(modal.getAsJsonObject("close"), "text"), 1, 24);
    limit(problems, what + " callback_id", string(modal, "callback_id"), 1, 255);
    limit(problems, what + " private_metadata", string(modal, "private_metadata"), 0, 3000);
    JsonArray blocks = modal.getAsJsonArray("blocks");
    if (blocks.size() > 100) {
      problems.add(what + ": " + blocks.size() + " blocks in a modal (Slack allows 100)");
    }
    slackBlocks(problems, what, blocks, new StringBuilder());
    if (modal.toString().getBytes(StandardCharsets.UTF_8).length >= 250_000) {
      problems.add(what + ": larger than a view may be");
    }
    return problems;
  }

  /** A Home tab, checked against Slack's view limits, with nothing of its text lost. */
  public static List<String> slackHomeProblems(String what, ChatMessage home) {
    List<String> problems = new ArrayList<>();
    JsonArray blocks = GsonFactory.createSnakeCase().toJsonTree(SLACK.render(home.blocks(), 100)).getAsJsonArray();
    if (blocks.size() > 100) {
      problems.add(what + ": " + blocks.size() + " blocks in a Home tab (Slack allows 100)");
    }
    StringBuilder shown = new StringBuilder();
    slackBlocks(problems, what, blocks, shown);
    whole(problems, what + " in Slack", expected(new ChatMessage(home.fallbackText(), home.blocks(), null)), slackShown(shown.toString()));
    bare(problems, what + " in Slack", slackShown(shown.toString()));
    return problems;
  }

  public static List<String> teamsProblems(String what, ChatMessage message) {
    List<String> problems = new ArrayList<>();
    StringBuilder shown = new StringBuilder();
    for (ObjectNode card : teamsCards(message)) {
      card(problems, what, card);
      for (JsonNode element : card.path("body")) {
        teamsText(element, shown);
      }
    }
    whole(problems, what + " in Teams", expected(message), shown.toString());
    return problems;
  }

  public static List<String> teamsFormProblems(String what, Form form) {
    List<String> problems = new ArrayList<>();
    card(problems, what, teamsForm(form));
    return problems;
  }

  private static void card(List<String> problems, String what, ObjectNode card) {
    var messages = ADAPTIVE_CARD_SCHEMA.validate(card);
    if (!messages.isEmpty()) {
      problems.add(what + ": not a valid Adaptive Card 1.5: " + messages);
    }
    int bytes = card.toString().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > 28_000) {
      problems.add(what + ": a card of " + bytes + " bytes (Teams takes messages up to about 28 KB)");
    }
  }

  /** Every text of a card element in order: TextBlocks, TextRuns, facts, and what containers hold. */
  static void teamsText(JsonNode element, StringBuilder shown) {
    if (element.isTextual()) {
      shown.append(element.asText());
      return;
    }
    switch (element.path("type").asText()) {
      case "TextBlock" -> shown.append(element.path("text").asText()).append('\n');
      case "TextRun" -> shown.append(element.path("text").asText());
      case "RichTextBlock" -> {
        element.path("inlines").forEach(i -> teamsText(i, shown));
        shown.append('\n');
      }
      case "FactSet" -> element.path("facts").forEach(f -> shown.append(f.path("title").asText()).append(' ')
          .append(f.path("value").asText()).append('\n'));
      case "Container" -> element.path("items").forEach(i -> teamsText(i, shown));
      case "ColumnSet" -> element.path("columns").forEach(c -> c.path("items").forEach(i -> teamsText(i, shown)));
      default -> { }
    }
  }

  // ---- text

  /** What people are meant to read: the words of every block (the fallback when there are none). */
  static String expected(ChatMessage message) {
    StringBuilder text = new StringBuilder();
    for (Block block : message.blocks()) {
      if (block instanceof Block.Section s) {
        text.append(s.text()).append('\n');
      } else if (block instanceof Block.Context c) {
        text.append(c.text()).append('\n');
      } else if (block instanceof Block.Fields f) {
        f.fields().forEach(field -> text.append(field.label()).append(' ').append(field.value()).append('\n'));
      }
    }
    return text.length() == 0 ? message.fallbackText() : text.toString();
  }

  /** Slack mrkdwn as a reader sees it: entities undone, the zero-width spaces that keep markup literal gone. */
  static String slackShown(String mrkdwn) {
    return mrkdwn.replace("\u200B", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  /**
   * Every character of the neutral text shows, in order (markup and whitespace aside): a
   * platform may add (a command's {@code /mentoring}, a line break where a long text is split)
   * but never leave anything out.
   */
  static void whole(List<String> problems, String what, String expected, String shown) {
    String want = letters(NEUTRAL_MARKS.matcher(expected).replaceAll(""));
    String got = letters(shown);
    int at = 0;
    for (int i = 0; i < want.length(); i++) {
      at = got.indexOf(want.charAt(i), at);
      if (at < 0) {
        String lost = want.substring(i, Math.min(want.length(), i + 60));
        problems.add(what + ": text lost from '" + lost + "' on (" + (want.length() - i) + " of " + want.length() + " characters)");
        return;
      }
      at++;
    }
  }

  private static String letters(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().filter(c -> !Character.isWhitespace(c) && c != '*' && c != '`' && c != '\u200B' && c != '…')
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  /** An instruction naming a command as a bare word, which does not work in Slack. */
  static void bare(List<String> problems, String what, String shown) {
    String text = shown.replace("*", "");
    Matcher m = BARE.matcher(text);
    while (m.find()) {
      problems.add(what + ": a bare instruction: '" + around(text, m.start(), m.end()) + "'");
    }
    Matcher h = HYPHENATED.matcher(text.replace("/mentoring ", "/mentoring/"));
    while (h.find()) {
      problems.add(what + ": a command named bare: '" + around(text, h.start(), h.end()) + "'");
    }
  }

  private static String around(String text, int start, int end) {
    return text.substring(Math.max(0, start - 30), Math.min(text.length(), end + 30)).replace('\n', ' ');
  }

  private static void limit(List<String> problems, String what, String text, int min, int max) {
    int length = text == null ? 0 : text.length();
    if (length < min || length > max) {
      problems.add(what + ": " + length + " characters (Slack allows " + min + " to " + max + ")"
          + (text == null ? "" : ": '" + text.substring(0, Math.min(60, text.length())) + "'"));
    }
  }

  private static String string(JsonObject o, String name) {
    return o != null && o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsString() : "";
  }

  private static JsonSchema schema() {
    // the schema declares draft-06 but names itself with draft-04's "id": read that as an annotation
    com.networknt.schema.JsonMetaSchema draft6 = com.networknt.schema.JsonMetaSchema
        .builder(com.networknt.schema.JsonMetaSchema.getV6())
        .keyword(new com.networknt.schema.NonValidationKeyword("id")).build();
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V6, b -> b.metaSchema(draft6))
        .getSchema(SharedReference.read("adaptive-cards", "adaptive-card.1.5.0.schema.json"));
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static JsonObject gson(String json) {
    return JsonParser.parseString(json).getAsJsonObject();
  }
}
