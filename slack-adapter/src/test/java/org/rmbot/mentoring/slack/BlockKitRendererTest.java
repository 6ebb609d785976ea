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

class BlockKitRendererTest {
  private final BlockKitRenderer renderer = new BlockKitRenderer();

  @Test
  void markupPeopleTypeIsShownAsTextAndMentionsNobody() {
    ChatMessage message = ChatMessage.of("<!channel> hi", new Block.Section("Meet <!channel> & <@U123> <https://evil|click>"));
    String json = GsonFactory.createSnakeCase().toJson(renderer.render(message));
    assertThat(json).doesNotContain("<!channel>").doesNotContain("<@U123>").doesNotContain("<https://");
    assertThat(((SectionBlock) renderer.render(message).get(0)).getText().getText())
        .isEqualTo("Meet &lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|click&gt;");
    assertThat(renderer.fallback(message)).isEqualTo("&lt;!channel&gt; hi");
  }

  @Test
  void everythingStaysInsideBlockKitLimits() {
    String longName = "Ana Beatriz dos Santos Ferreira de Oliveira ".repeat(200);
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      blocks.add(new Block.Section(longName + "<>&".repeat(500)));
    }
    blocks.add(new Block.Fields(IntStream.range(0, 15).mapToObj(i -> new Block.Field(longName, longName)).toList()));
    blocks.add(new Block.Actions(IntStream.range(0, 30).mapToObj(i ->
        new Block.Button("a".repeat(300) + i, "v".repeat(3000), longName, Block.ButtonStyle.DEFAULT)).toList()));
    ChatMessage message = new ChatMessage(longName.repeat(5), blocks, null);

    List<LayoutBlock> rendered = renderer.render(message);

    assertThat(rendered).hasSize(50);
    assertThat(rendered).filteredOn(b -> b instanceof SectionBlock s && s.getText() != null)
        .allSatisfy(b -> assertThat(((SectionBlock) b).getText().getText()).hasSizeLessThanOrEqualTo(3000)
            .doesNotEndWith("&amp").doesNotEndWith("&lt"));
    assertThat(renderer.fallback(message)).hasSizeLessThanOrEqualTo(3000);

    List<LayoutBlock> tail = renderer.render(blocks.subList(78, blocks.size()), 50);
    SectionBlock fields = (SectionBlock) tail.get(2);
    assertThat(fields.getFields()).hasSize(10).allSatisfy(f -> assertThat(f.getText()).hasSizeLessThanOrEqualTo(2000));
    ActionsBlock actions = (ActionsBlock) tail.get(3);
    assertThat(actions.getElements()).hasSize(25).allSatisfy(e -> {
      ButtonElement button = (ButtonElement) e;
      assertThat(button.getText().getText()).hasSizeLessThanOrEqualTo(75);
      assertThat(button.getValue()).hasSizeLessThanOrEqualTo(2000);
      assertThat(button.getActionId()).hasSizeLessThanOrEqualTo(255);
    });
  }
}
