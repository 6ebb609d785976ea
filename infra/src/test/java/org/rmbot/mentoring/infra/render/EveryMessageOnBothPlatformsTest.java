package org.rmbot.mentoring.infra.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Form;
import org.rmbot.mentoring.testing.EveryMessage;
import org.rmbot.mentoring.testing.HostileText;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/**
 * Every message the bot can send on its own (every nudge kind) and the desk's long answers,
 * rendered by both adapters: inside every limit of the reference files, nothing of the text
 * lost, every instruction naming the command as it works on that platform, no platform's emoji
 * shortcodes, and people's names shown exactly as they wrote them.
 */
class EveryMessageOnBothPlatformsTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  /** A Slack or Teams emoji shortcode such as :tada:, which the other platform shows as it is. */
  private static final Pattern SHORTCODE = Pattern.compile(":[a-z0-9_+-]+:");

  @Test
  void everyMessageFitsBothPlatformsWholeWithCommandsAsTheyWork() {
    EveryMessage.Catalogue catalogue = EveryMessage.build(new World(db.jdbi()));
    assertThat(catalogue.messages()).hasSizeGreaterThan(20);
    List<String> problems = new ArrayList<>();
    for (ChatMessage message : catalogue.messages()) {
      String what = message.fallbackText().substring(0, Math.min(50, message.fallbackText().length()));
      problems.addAll(PlatformChecks.problems(what, message));
      if (SHORTCODE.matcher(PlatformChecks.expected(message) + message.fallbackText()).find()) {
        problems.add(what + ": an emoji shortcode, which Teams shows as text");
      }
    }
    for (Form form : catalogue.forms()) {
      problems.addAll(PlatformChecks.slackFormProblems(form.callbackId(), form));
      problems.addAll(PlatformChecks.teamsFormProblems(form.callbackId(), form));
    }
    assertThat(problems).isEmpty();
  }

  /**
   * Each hostile sample as every name, topic and department. In Slack, whose mrkdwn has no
   * escape, every markup character of people's text sits between zero-width spaces so it can
   * pair with nothing, and what is left once the bot's own bold and code marks are read is the
   * name as written. In Teams, people's text is only ever in TextRuns, which have no Markdown.
   * Neither platform gets a {@code <} that could open a mention or a link in Slack.
   */
  @Test
  void namesShowExactlyAsWrittenOnBothPlatforms() {
    World world = new World(db.jdbi());
    for (String sample : HostileText.storable()) {
      String written = sample.replace("\r", "");
      StringBuilder slack = new StringBuilder();
      StringBuilder teams = new StringBuilder();
      StringBuilder teamsMarkdown = new StringBuilder();
      for (ChatMessage message : EveryMessage.build(world, sample).messages()) {
        for (JsonArray page : PlatformChecks.slackPages(message)) {
          for (String mrkdwn : mrkdwn(page)) {
            assertThat(mrkdwn).as(sample).doesNotContain("<");
            slack.append(asRead(mrkdwn, sample)).append('\n');
          }
        }
        for (ObjectNode card : PlatformChecks.teamsCards(message)) {
          runs(card.path("body"), teams, teamsMarkdown);
        }
      }
      assertThat(slack.toString()).as("Slack shows %s as written", sample).contains(written);
      assertThat(teams.toString()).as("Teams shows %s as written, in plain TextRuns", sample).contains(written);
      assertThat(teamsMarkdown.toString()).as("no Markdown text in Teams holds %s", sample).doesNotContain(written);
    }
  }

  /** The mrkdwn texts of a page: sections, fields and context lines. */
  private static List<String> mrkdwn(JsonArray blocks) {
    List<String> out = new ArrayList<>();
    for (JsonElement e : blocks) {
      JsonObject block = e.getAsJsonObject();
      if (block.has("text") && block.get("text").isJsonObject()) {
        out.add(block.getAsJsonObject("text").get("text").getAsString());
      }
      for (String key : List.of("fields", "elements")) {
        if (block.has(key)) {
          for (JsonElement f : block.getAsJsonArray(key)) {
            if (f.getAsJsonObject().has("text") && f.getAsJsonObject().get("text").isJsonPrimitive()) {
              out.add(f.getAsJsonObject().get("text").getAsString());
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Reads mrkdwn as Slack does, for the characters that matter: a {@code *}, {@code _}, {@code ~} or
   * backtick next to a zero-width space on both sides is text; every other one is the bot's own
   * mark (it must pair up) and is not shown; the zero-width space that keeps a {@code :word:}
   * from becoming an emoji goes; entities are undone.
   */
  private static String asRead(String rendered, String sample) {
    String mrkdwn = rendered.replace(":\u200B", ":");
    String guarded = "\u200B([*_~`])\u200B";
    String marks = mrkdwn.replaceAll(guarded, "");
    for (char mark : new char[] {'*', '`'}) {
      long count = marks.chars().filter(c -> c == mark).count();
      assertThat(count % 2).as("the bot's %s marks pair up in %s (sample %s)", mark, mrkdwn, sample).isZero();
    }
    assertThat(marks).as("no italic or strike-through mark outside people's text: %s", mrkdwn).doesNotContain("_", "~");
    Matcher m = Pattern.compile(guarded + "|[*`]").matcher(mrkdwn);
    StringBuilder read = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(read, m.group(1) == null ? "" : Matcher.quoteReplacement(m.group(1)));
    }
    m.appendTail(read);
    return read.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  /** TextRun texts (lines joined as shown) and, apart, the texts Teams reads as Markdown. */
  private static void runs(JsonNode element, StringBuilder runs, StringBuilder markdown) {
    if (element.isArray()) {
      element.forEach(e -> runs(e, runs, markdown));
      return;
    }
    switch (element.path("type").asText()) {
      case "TextRun" -> runs.append(element.path("text").asText());
      case "RichTextBlock" -> {
        element.path("inlines").forEach(i -> runs.append(i.isTextual() ? i.asText() : ""));
        element.path("inlines").forEach(i -> runs(i, runs, markdown));
        runs.append('\n');
      }
      case "TextBlock" -> markdown.append(element.path("text").asText()).append('\n');
      case "FactSet" -> element.path("facts").forEach(f -> markdown.append(f.path("title").asText()).append(' ')
          .append(f.path("value").asText()).append('\n'));
      case "Container" -> runs(element.path("items"), runs, markdown);
      case "ColumnSet" -> element.path("columns").forEach(c -> runs(c.path("items"), runs, markdown));
      default -> { }
    }
  }
}
