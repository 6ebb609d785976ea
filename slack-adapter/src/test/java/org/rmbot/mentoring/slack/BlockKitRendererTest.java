package org.rmbot.mentoring.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Markup;

class BlockKitRendererTest {
  private static final String Z = "\u200B";
  private final BlockKitRenderer renderer = new BlockKitRenderer();

  private static String section(LayoutBlock block) {
    return ((SectionBlock) block).getText().getText();
  }

  @Test
  void markupPeopleTypeIsShownAsTextAndMentionsNobody() {
    ChatMessage message = ChatMessage.of("<!channel> hi", new Block.Section("Meet <!channel> & <@U123> <https://evil|click>"));
    List<LayoutBlock> blocks = renderer.pages(message).get(0).blocks();
    assertThat(GsonFactory.createSnakeCase().toJson(blocks)).doesNotContain("<!channel>").doesNotContain("<@U123>")
        .doesNotContain("<https://").contains("\"verbatim\":true");
    assertThat(section(blocks.get(0))).isEqualTo("Meet &lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|click&gt;");
    assertThat(renderer.pages(message).get(0).text()).isEqualTo("&lt;!channel&gt; hi");
  }

  /** A name's marks are text; the bot's own bold and commands are Slack's marks, and only they pair. */
  @Test
  void theBotsMarksAndPeoplesMarksNeverMeet() {
    String neutral = "Welcome to " + Markup.bold("Pilot & *2026*") + " with " + Markup.bold("_Sam_") + ". Type "
        + Markup.command("join") + " or " + Markup.bold("Ready?") + " :tada: > ~x~";
    assertThat(SlackText.mrkdwn(neutral)).isEqualTo("Welcome to *Pilot &amp; " + Z + "*" + Z + "2026" + Z + "*" + Z + Z + "*"
        + " with *" + Z + Z + "_" + Z + "Sam" + Z + "_" + Z + Z + "*. Type `/mentoring join` or *Ready?" + Z + "*"
        + " :" + Z + "tada: &gt; " + Z + "~" + Z + "x" + Z + "~" + Z);
    assertThat(SlackText.mrkdwn("> quoted")).as("no blockquote from people's text").startsWith(Z + "&gt;");
    assertThat(SlackText.plain("Type " + Markup.command("my-data"))).isEqualTo("Type /mentoring my-data");
  }

  @Test
  void aLongMessageIsSplitIntoBlocksAndMessagesWithNothingLeftOut() {
    String longName = "Ana Beatriz dos Santos Ferreira de Oliveira ".repeat(200);
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      blocks.add(new Block.Section(longName + "<>&".repeat(500) + " end" + i));
    }
    blocks.add(new Block.Fields(IntStream.range(0, 15).mapToObj(i -> new Block.Field("Label " + i, "value " + i)).toList()));
    blocks.add(new Block.Fields(List.of(new Block.Field("Long", longName))));
    blocks.add(new Block.Actions(IntStream.range(0, 30).mapToObj(i ->
        new Block.Button("a".repeat(300) + i, "v".repeat(3000), longName, Block.ButtonStyle.DEFAULT)).toList()));
    ChatMessage message = new ChatMessage(longName.repeat(5), blocks, null);

    List<BlockKitRenderer.Page> pages = renderer.pages(message);

    assertThat(pages).hasSizeGreaterThan(1);
    StringBuilder all = new StringBuilder();
    for (BlockKitRenderer.Page page : pages) {
      assertThat(page.blocks()).hasSizeLessThanOrEqualTo(50);
      assertThat(page.text()).hasSizeLessThanOrEqualTo(4000);
      int text = 0;
      for (LayoutBlock block : page.blocks()) {
        if (block instanceof SectionBlock s && s.getText() != null) {
          assertThat(s.getText().getText()).hasSizeBetween(1, 3000);
          text += s.getText().getText().length();
          all.append(s.getText().getText()).append('\n');
        } else if (block instanceof SectionBlock s) {
          assertThat(s.getFields()).hasSizeLessThanOrEqualTo(10).allSatisfy(f -> assertThat(f.getText()).hasSizeLessThanOrEqualTo(2000));
          s.getFields().forEach(f -> all.append(f.getText()).append('\n'));
        } else if (block instanceof ActionsBlock a) {
          assertThat(a.getElements()).hasSizeLessThanOrEqualTo(25).allSatisfy(e -> {
            ButtonElement button = (ButtonElement) e;
            assertThat(button.getText().getText()).hasSizeLessThanOrEqualTo(75);
            assertThat(button.getValue()).hasSizeLessThanOrEqualTo(2000);
            assertThat(button.getActionId()).hasSizeLessThanOrEqualTo(255);
          });
        }
      }
      assertThat(text).isLessThanOrEqualTo(BlockKitRenderer.MAX_PAGE_TEXT);
    }
    for (int i = 0; i < 80; i++) {
      assertThat(all).contains("end" + i);
    }
    assertThat(all).contains("Label 14").contains("value 14");
    assertThat(all.toString().replace(Z, "").replaceAll("\\s", "")).contains((longName + "<>&".repeat(500) + " end79")
        .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replaceAll("\\s", ""));
    long buttons = pages.stream().flatMap(p -> p.blocks().stream()).filter(ActionsBlock.class::isInstance)
        .mapToLong(b -> ((ActionsBlock) b).getElements().size()).sum();
    assertThat(buttons).as("every button, in rows of 25").isEqualTo(30);
    assertThat(pages.get(1).text()).endsWith("(2 of " + pages.size() + ")");
  }
}
