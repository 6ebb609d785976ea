package org.rmbot.mentoring.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Form;
import org.rmbot.mentoring.testing.EveryMessage;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/** Every message and view the bot can send, rendered for Slack and held to Block Kit's limits. */
class EveryMessageInSlackTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private final BlockKitRenderer renderer = new BlockKitRenderer();

  @Test
  void everyMessageStaysInsideBlockKitLimitsAndMentionsNobody() {
    EveryMessage.Catalogue catalogue = EveryMessage.build(new World(db.jdbi()));
    assertThat(catalogue.messages()).hasSizeGreaterThan(20);
    for (ChatMessage message : catalogue.messages()) {
      List<LayoutBlock> blocks = renderer.render(message);
      String json = GsonFactory.createSnakeCase().toJson(blocks);
      assertThat(blocks).as(message.fallbackText()).hasSizeLessThanOrEqualTo(50);
      assertThat(renderer.fallback(message)).hasSizeLessThanOrEqualTo(3000).doesNotContain("<!channel>");
      assertThat(json).doesNotContain("<!channel>");
      for (LayoutBlock block : blocks) {
        if (block instanceof SectionBlock s) {
          if (s.getText() != null) {
            assertThat(s.getText().getText()).hasSizeBetween(1, 3000);
          }
          if (s.getFields() != null) {
            assertThat(s.getFields()).hasSizeLessThanOrEqualTo(10)
                .allSatisfy(f -> assertThat(f.getText()).hasSizeBetween(1, 2000));
          }
        } else if (block instanceof ContextBlock c) {
          assertThat(c.getElements()).hasSizeLessThanOrEqualTo(10)
              .allSatisfy(e -> assertThat(((MarkdownTextObject) e).getText()).hasSizeBetween(1, 3000));
        } else if (block instanceof ActionsBlock a) {
          assertThat(a.getElements()).hasSizeLessThanOrEqualTo(25).allSatisfy(e -> {
            ButtonElement b = (ButtonElement) e;
            assertThat(b.getText().getText()).hasSizeBetween(1, 75);
            assertThat(b.getValue()).hasSizeLessThanOrEqualTo(2000);
            assertThat(b.getActionId()).hasSizeBetween(1, 255);
          });
        }
      }
    }
  }

  @Test
  void everyFormFitsAModal() {
    EveryMessage.Catalogue catalogue = EveryMessage.build(new World(db.jdbi()));
    SlackForms forms = new SlackForms(renderer);
    for (Form form : catalogue.forms()) {
      View modal = forms.modal(form, List.of());
      assertThat(modal.getTitle().getText()).hasSizeBetween(1, 24);
      assertThat(modal.getSubmit().getText()).hasSizeBetween(1, 24);
      assertThat(modal.getCallbackId()).hasSizeBetween(1, 255);
      assertThat(modal.getBlocks()).hasSizeLessThanOrEqualTo(100).allSatisfy(b -> {
        InputBlock input = (InputBlock) b;
        assertThat(input.getLabel().getText()).hasSizeBetween(1, 2000);
        assertThat(input.getBlockId()).hasSizeBetween(1, 255);
      });
      assertThat(GsonFactory.createSnakeCase().toJson(modal).length()).isLessThan(250_000);
    }
  }
}
