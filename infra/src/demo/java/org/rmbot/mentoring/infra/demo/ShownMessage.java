package org.rmbot.mentoring.infra.demo;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A message as a person sees it, read back from what the bot sent: the fallback text, then the
 * sections, fields, context lines and buttons of its Block Kit blocks (Slack) or its Adaptive
 * Card (Teams). {@code deliveryKey} is the ledger's key the message came with (empty for replies).
 */
record ShownMessage(String text, List<String> sections, List<String> fields, List<String> contexts, List<Button> buttons,
    String deliveryKey) {

  /** The nudge's kind, the first part of its delivery key ({@code check_in}); empty for replies. */
  String kind() {
    return deliveryKey.contains("/") ? deliveryKey.substring(0, deliveryKey.indexOf('/')) : deliveryKey;
  }

  record Button(String actionId, String value, String label) {}

  /** The Allow button of a Teams file-consent card; its value is the card's accept context, which Teams echoes back. */
  static final String ALLOW_FILE = "fileConsent/accept";
  static final String DECLINE_FILE = "fileConsent/decline";
  private static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";
  private static final String FILE_CONSENT_CARD = "application/vnd.microsoft.teams.card.file.consent";
  private static final String FILE_INFO_CARD = "application/vnd.microsoft.teams.card.file.info";

  /** A message posted with chat.postMessage. */
  static ShownMessage posted(SlackCall call) {
    String kind = "";
    String metadata = call.param("metadata");
    if (metadata != null && !metadata.isBlank()) {
      JsonObject meta = JsonParser.parseString(metadata).getAsJsonObject();
      if (meta.has("event_payload") && meta.getAsJsonObject("event_payload").has("key")) {
        kind = meta.getAsJsonObject("event_payload").get("key").getAsString();
      }
    }
    String blocks = call.param("blocks");
    return read(call.param("text"), blocks == null || blocks.isBlank() ? new JsonArray()
        : JsonParser.parseString(blocks).getAsJsonArray(), kind);
  }

  /** A JSON message: a slash command's immediate answer or a post to a response URL. */
  static ShownMessage json(String body) {
    JsonObject message = JsonParser.parseString(body).getAsJsonObject();
    JsonArray blocks = message.has("blocks") && message.get("blocks").isJsonArray()
        ? message.getAsJsonArray("blocks") : new JsonArray();
    return read(message.has("text") ? message.get("text").getAsString() : "", blocks, "");
  }

  /**
   * A Teams message: its Adaptive Card (containers of text lines are sections, subtle ones
   * context lines, containers of two-column rows fields, Action.Execute buttons), a file-consent card (its Allow and Decline buttons
   * carry the card's accept and decline context), a file-info card, an inline image, or its
   * plain text when it has no attachment.
   */
  static ShownMessage card(JsonObject activityOrCard, String kind) {
    if ("AdaptiveCard".equals(string(activityOrCard, "type"))) {
      return adaptiveCard(activityOrCard, kind);
    }
    String text = plain(string(activityOrCard, "text"));
    if (!activityOrCard.has("attachments") || activityOrCard.getAsJsonArray("attachments").isEmpty()) {
      return new ShownMessage(text, List.of(), List.of(), List.of(), List.of(), kind);
    }
    JsonObject attachment = activityOrCard.getAsJsonArray("attachments").get(0).getAsJsonObject();
    JsonObject content = attachment.has("content") && attachment.get("content").isJsonObject()
        ? attachment.getAsJsonObject("content") : new JsonObject();
    String type = string(attachment, "contentType");
    String name = string(attachment, "name");
    return switch (type) {
      case ADAPTIVE_CARD -> adaptiveCard(content, kind);
      case FILE_CONSENT_CARD -> new ShownMessage("[file-consent card] " + name + " (" + kilobytes(
              content.has("sizeInBytes") ? content.get("sizeInBytes").getAsLong() : 0) + "): "
              + plain(string(content, "description")), List.of(), List.of(), List.of(),
          List.of(new Button(ALLOW_FILE, String.valueOf(content.get("acceptContext")), "Allow"),
              new Button(DECLINE_FILE, String.valueOf(content.get("declineContext")), "Decline")), kind);
      case FILE_INFO_CARD -> new ShownMessage("[file card] " + name + " (" + string(content, "fileType")
          + "), opens from the person's OneDrive", List.of(), List.of(), List.of(), List.of(), kind);
      default -> new ShownMessage((type.startsWith("image/") ? "[image, inline] " : "[" + type + "] ") + name
          + (text.isEmpty() ? "" : ": " + text), List.of(), List.of(), List.of(), List.of(), kind);
    };
  }

  /** "12.3 KB". */
  static String kilobytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
  }

  private static ShownMessage adaptiveCard(JsonObject card, String kind) {
    List<String> sections = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    List<String> contexts = new ArrayList<>();
    List<Button> buttons = new ArrayList<>();
    for (JsonElement element : card.has("body") ? card.getAsJsonArray("body") : new JsonArray()) {
      JsonObject item = element.getAsJsonObject();
      switch (string(item, "type")) {
        case "TextBlock" -> (item.has("isSubtle") && item.get("isSubtle").getAsBoolean() ? contexts : sections)
            .add(plain(string(item, "text")));
        case "Container" -> {
          JsonArray items = item.getAsJsonArray("items");
          if (!items.isEmpty() && "ColumnSet".equals(string(items.get(0).getAsJsonObject(), "type"))) {
            for (JsonElement row : items) {
              JsonArray columns = row.getAsJsonObject().getAsJsonArray("columns");
              fields.add(lines(columns.get(0).getAsJsonObject()) + ": " + lines(columns.get(1).getAsJsonObject()).replace('\n', ' '));
            }
          } else {
            (subtle(item) ? contexts : sections).add(lines(item));
          }
        }
        case "ActionSet" -> {
          for (JsonElement part : item.getAsJsonArray("actions")) {
            JsonObject action = part.getAsJsonObject();
            JsonObject data = action.has("data") ? action.getAsJsonObject("data") : new JsonObject();
            if (data.has("rmAction")) {
              buttons.add(new Button(string(data, "rmAction"), string(data, "rmValue"), string(action, "title")));
            }
          }
        }
        default -> { }
      }
    }
    // Teams texts are plain (TextRuns and a plain fallback): nothing to undo
    return new ShownMessage(string(card, "fallbackText").strip(), sections, fields, contexts, buttons, kind);
  }

  /** The text lines of a card element: its RichTextBlocks' runs, one line each, wherever they are nested. */
  private static String lines(JsonObject element) {
    List<String> lines = new ArrayList<>();
    collect(element, lines);
    return String.join("\n", lines).strip();
  }

  private static void collect(JsonObject element, List<String> lines) {
    if ("RichTextBlock".equals(string(element, "type"))) {
      StringBuilder line = new StringBuilder();
      for (JsonElement inline : element.getAsJsonArray("inlines")) {
        if (inline.isJsonPrimitive()) {
          line.append(inline.getAsString());
        } else {
          // a command is a monospace run: shown in backticks, as the Slack transcript shows it
          String text = string(inline.getAsJsonObject(), "text");
          line.append("monospace".equals(string(inline.getAsJsonObject(), "fontType")) ? "`" + text + "`" : text);
        }
      }
      lines.add(line.toString());
      return;
    }
    for (String key : List.of("items", "columns")) {
      if (element.has(key)) {
        element.getAsJsonArray(key).forEach(e -> collect(e.getAsJsonObject(), lines));
      }
    }
  }

  /** Whether a container's runs are subtle: a context line. */
  private static boolean subtle(JsonObject container) {
    return container.toString().contains("\"isSubtle\":true");
  }

  private static ShownMessage read(String text, JsonArray blocks, String kind) {
    List<String> sections = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    List<String> contexts = new ArrayList<>();
    List<Button> buttons = new ArrayList<>();
    for (JsonElement element : blocks) {
      JsonObject block = element.getAsJsonObject();
      switch (string(block, "type")) {
        case "section" -> {
          if (block.has("text")) {
            sections.add(plain(string(block.getAsJsonObject("text"), "text")));
          }
          if (block.has("fields")) {
            for (JsonElement field : block.getAsJsonArray("fields")) {
              String[] parts = plain(string(field.getAsJsonObject(), "text")).split("\n", 2);
              fields.add(parts.length == 2 ? parts[0] + ": " + parts[1].replace('\n', ' ') : parts[0]);
            }
          }
        }
        case "context" -> {
          for (JsonElement part : block.getAsJsonArray("elements")) {
            contexts.add(plain(string(part.getAsJsonObject(), "text")));
          }
        }
        case "actions" -> {
          for (JsonElement part : block.getAsJsonArray("elements")) {
            JsonObject button = part.getAsJsonObject();
            buttons.add(new Button(string(button, "action_id"), string(button, "value"),
                string(button.getAsJsonObject("text"), "text")));
          }
        }
        default -> { }
      }
    }
    return new ShownMessage(plain(text), sections, fields, contexts, buttons, kind);
  }

  Optional<Button> button(String actionId) {
    return buttons.stream().filter(b -> b.actionId().equals(actionId)).findFirst();
  }

  /** Everything a person can read in it: the text, sections, fields, context lines and button labels. */
  String allText() {
    List<String> all = new ArrayList<>();
    all.add(text);
    all.addAll(sections);
    all.addAll(fields);
    all.addAll(contexts);
    buttons.forEach(b -> all.add(b.label()));
    return String.join("\n", all);
  }

  /** The buttons as a person sees them: {@code [Accept] [Decline]}. */
  String buttonRow() {
    return String.join(" ", buttons.stream().map(b -> "[" + b.label() + "]").toList());
  }

  /** The first section when it says more than the fallback (a title with figures), else the fallback. */
  String headline() {
    if (!sections.isEmpty() && sameWords(sections.get(0)).startsWith(sameWords(stripEnd(text)))) {
      return sections.get(0).replace('\n', ' ');
    }
    return text.replace('\n', ' ');
  }

  /** Sections after the headline, with newlines kept as separate lines. */
  List<String> moreSections() {
    List<String> more = new ArrayList<>();
    boolean headlineIsSection = !sections.isEmpty() && sameWords(sections.get(0)).startsWith(sameWords(stripEnd(text)));
    for (int i = headlineIsSection ? 1 : 0; i < sections.size(); i++) {
      String section = sections.get(i);
      if (!sameWords(section).equals(sameWords(text))) {
        more.add(section);
      }
    }
    return more;
  }

  /** The words as read: a Teams card shows commands in monospace (`join`) where its plain fallback has none. */
  private static String sameWords(String s) {
    return s.replace("`", "");
  }

  private static String stripEnd(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * Slack mrkdwn back to what a reader sees: the zero-width spaces that keep people's markup
   * literal gone (the character stays), the bot's bold marks dropped, entities undone.
   */
  static String plain(String mrkdwn) {
    if (mrkdwn == null) {
      return "";
    }
    java.util.regex.Matcher m = GUARDED.matcher(mrkdwn);
    StringBuilder read = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(read, m.group(1) == null ? "" : java.util.regex.Matcher.quoteReplacement(m.group(1)));
    }
    m.appendTail(read);
    return read.toString().replace("\u200B", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
  }

  /** A mark character people typed (between zero-width spaces), or one of the bot's bold marks. */
  private static final java.util.regex.Pattern GUARDED = java.util.regex.Pattern.compile("\u200B([*_~`])\u200B|\\*");

  private static String string(JsonObject o, String name) {
    return o != null && o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsString() : "";
  }
}
