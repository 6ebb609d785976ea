package org.rmbot.mentoring.slack;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.List;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;

/**
 * Renders the core's neutral messages as Block Kit, inside Slack's published limits
 * (docs: Block Kit limits): 50 blocks a message, 3000 characters a section, 10 fields of 2000,
 * 25 buttons a row, 75 characters a button label, 2000 a button value, 255 an action id.
 */
public final class BlockKitRenderer {
  static final int MAX_BLOCKS = 50;
  static final int MAX_SECTION = 3000;
  static final int MAX_FIELDS = 10;
  static final int MAX_FIELD = 2000;
  static final int MAX_BUTTONS = 25;
  static final int MAX_BUTTON_TEXT = 75;
  static final int MAX_BUTTON_VALUE = 2000;
  static final int MAX_ACTION_ID = 255;
  static final int MAX_FALLBACK = 3000;

  public List<LayoutBlock> render(ChatMessage message) {
    return render(message.blocks(), MAX_BLOCKS);
  }

  /** For views (modals, App Home), which may hold up to 100 blocks. */
  public List<LayoutBlock> render(List<Block> blocks, int maxBlocks) {
    List<LayoutBlock> out = new ArrayList<>();
    int index = 0;
    for (Block block : blocks) {
      if (out.size() == maxBlocks - 1 && blocks.size() > maxBlocks) {
        out.add(ContextBlock.builder().elements(List.of(
            markdownText("…and " + (blocks.size() - index) + " more not shown here."))).build());
        break;
      }
      out.add(render(block, index++));
    }
    return out;
  }

  /** The plain-text version Slack shows in notifications and to screen readers. */
  public String fallback(ChatMessage message) {
    return SlackText.fit(message.fallbackText(), MAX_FALLBACK);
  }

  private LayoutBlock render(Block block, int index) {
    if (block instanceof Block.Section s) {
      return SectionBlock.builder().text(markdownText(SlackText.fit(s.text(), MAX_SECTION))).build();
    }
    if (block instanceof Block.Fields f) {
      List<TextObject> fields = new ArrayList<>();
      for (Block.Field field : f.fields().subList(0, Math.min(MAX_FIELDS, f.fields().size()))) {
        fields.add(markdownText(SlackText.fit("*" + field.label() + "*\n" + field.value(), MAX_FIELD)));
      }
      return SectionBlock.builder().fields(fields).build();
    }
    if (block instanceof Block.Context c) {
      return ContextBlock.builder().elements(List.of(markdownText(SlackText.fit(c.text(), MAX_SECTION)))).build();
    }
    if (block instanceof Block.Divider) {
      return DividerBlock.builder().build();
    }
    Block.Actions actions = (Block.Actions) block;
    List<BlockElement> buttons = new ArrayList<>();
    for (Block.Button b : actions.buttons().subList(0, Math.min(MAX_BUTTONS, actions.buttons().size()))) {
      ButtonElement.ButtonElementBuilder button = ButtonElement.builder()
          .actionId(truncate(b.actionId(), MAX_ACTION_ID))
          .value(truncate(b.value(), MAX_BUTTON_VALUE))
          .text(plainText(SlackText.plain(b.label(), MAX_BUTTON_TEXT)));
      switch (b.style()) {
        case PRIMARY -> button.style("primary");
        case DANGER -> button.style("danger");
        default -> { }
      }
      buttons.add(button.build());
    }
    // action ids must be unique per block; block ids make repeated action ids across blocks safe
    return ActionsBlock.builder().blockId("actions-" + index).elements(buttons).build();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
