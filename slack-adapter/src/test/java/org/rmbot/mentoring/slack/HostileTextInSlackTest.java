package org.rmbot.mentoring.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.TextObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.testing.EveryMessage;
import org.rmbot.mentoring.testing.HostileText;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/**
 * Every message the bot can send, built with the hostile samples (nine at a time) as every name, topic,
 * department and reason: in Slack the sample shows as text (escaped), and no mrkdwn text holds a
 * {@code <} that could open a mention ({@code <!channel>}, {@code <@U123>}) or a link.
 */
class HostileTextInSlackTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private final BlockKitRenderer renderer = new BlockKitRenderer();

  @Test
  void typedMarkupShowsAsTextInEveryMessage() {
    World world = new World(db.jdbi());
    for (String sample : HostileText.storableInGroups()) {
      List<String> shown = new ArrayList<>();
      for (ChatMessage message : EveryMessage.build(world, sample).messages()) {
        shown.add(renderer.fallback(message));
        for (LayoutBlock block : renderer.render(message)) {
          shown.addAll(mrkdwn(block));
        }
      }
      assertThat(shown).as(sample).noneMatch(text -> text.contains("<"));
      assertThat(shown).as("the sample is shown, escaped: %s", sample).anyMatch(text -> text.contains(SlackText.escape(sample)));
    }
  }

  private static List<String> mrkdwn(LayoutBlock block) {
    List<TextObject> texts = new ArrayList<>();
    if (block instanceof SectionBlock s) {
      if (s.getText() != null) {
        texts.add(s.getText());
      }
      if (s.getFields() != null) {
        texts.addAll(s.getFields());
      }
    } else if (block instanceof ContextBlock c) {
      c.getElements().stream().filter(TextObject.class::isInstance).map(TextObject.class::cast).forEach(texts::add);
    }
    return texts.stream().filter(MarkdownTextObject.class::isInstance).map(t -> ((MarkdownTextObject) t).getText()).toList();
  }
}
