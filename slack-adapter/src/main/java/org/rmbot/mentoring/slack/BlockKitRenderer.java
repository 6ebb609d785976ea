package org.rmbot.mentoring.slack;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.List;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * Renders the core's neutral messages as Block Kit, inside Slack's published limits (docs:
 * Block Kit limits), with nothing cut: a text longer than a block takes is split between lines
 * (or words) into several blocks, and a message with more blocks than Slack takes becomes
 * several messages, its {@link Page pages}. Limits: 50 blocks a message, 3000 characters a
 * section or context text, 10 fields of 2000 a section, 25 buttons a row, 75 characters a button
 * label, 2000 a button value, 255 an action id; and at most {@value #MAX_PAGE_TEXT} characters of
 * text a message, under the point where Slack refuses the blocks as too long
 * ({@code msg_blocks_too_long}, seen at about 13,200).
 */
public final class BlockKitRenderer {
  private static final Catalogue WORDS = Catalogue.english();
  static final int MAX_BLOCKS = 50;
  static final int MAX_SECTION = 3000;
  static final int MAX_FIELDS = 10;
  static final int MAX_FIELD = 2000;
  static final int MAX_BUTTONS = 25;
  static final int MAX_BUTTON_TEXT = 75;
  static final int MAX_BUTTON_VALUE = 2000;
  static final int MAX_ACTION_ID = 255;
  /** Notification text: Slack refuses more than 4000 (msg_too_long); the blocks carry the words. */
  static final int MAX_FALLBACK = 3000;
  static final int MAX_PAGE_TEXT = 12_000;

  /** One Slack message of a neutral message: its notification text and its blocks. */
  public record Page(String text, List<LayoutBlock> blocks) {
    public Page {
      blocks = List.copyOf(blocks);
    }
  }

  /** A rendered block and how many characters of text it holds. */
  private record Rendered(LayoutBlock block, int text) {}

  /** The Slack messages that together show the whole message, in order (one, almost always). */
  public List<Page> pages(ChatMessage message) {
    List<Block> blocks = message.blocks().isEmpty() ? List.of(new Block.Section(message.fallbackText())) : message.blocks();
    List<List<LayoutBlock>> pages = new ArrayList<>();
    List<LayoutBlock> page = new ArrayList<>();
    int text = 0;
    for (Rendered r : renderAll(blocks)) {
      if (!page.isEmpty() && (page.size() == MAX_BLOCKS || text + r.text() > MAX_PAGE_TEXT)) {
        pages.add(page);
        page = new ArrayList<>();
        text = 0;
      }
      if (page.isEmpty() && r.block() instanceof DividerBlock) {
        continue; // a page does not start with a rule
      }
      page.add(r.block());
      text += r.text();
    }
    if (!page.isEmpty() || pages.isEmpty()) {
      pages.add(page);
    }
    String fallback = fallback(message);
    List<Page> out = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      out.add(new Page(pages.size() == 1 ? fallback : WORDS.phrase("slack.page.numbered", "text", fallback,
          "page", String.valueOf(i + 1), "pages", String.valueOf(pages.size())), pages.get(i)));
    }
    return out;
  }

  /**
   * For views (modals, App Home), which cannot be paged and may hold up to 100 blocks: long texts
   * are split as in messages; past {@code maxBlocks} a last line says how many more there were.
   */
  public List<LayoutBlock> render(List<Block> blocks, int maxBlocks) {
    List<Rendered> all = renderAll(blocks);
    List<LayoutBlock> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (out.size() == maxBlocks - 1 && all.size() > maxBlocks) {
        out.add(ContextBlock.builder().elements(List.of(verbatim(WORDS.phrase("slack.more_not_shown", "count", String.valueOf(all.size() - i))))).build());
        break;
      }
      out.add(all.get(i).block());
    }
    return out;
  }

  /** The plain-text version Slack shows in notifications and to screen readers. */
  public String fallback(ChatMessage message) {
    return SlackText.notification(message.fallbackText(), MAX_FALLBACK);
  }

  private List<Rendered> renderAll(List<Block> blocks) {
    List<Rendered> out = new ArrayList<>();
    for (Block block : blocks) {
      render(block, out);
    }
    return out;
  }

  private void render(Block block, List<Rendered> out) {
    if (block instanceof Block.Section s) {
      for (String chunk : chunks(s.text(), MAX_SECTION)) {
        out.add(new Rendered(SectionBlock.builder().text(verbatim(chunk)).build(), chunk.length()));
      }
    } else if (block instanceof Block.Fields f) {
      fields(f.fields(), out);
    } else if (block instanceof Block.Context c) {
      for (String chunk : chunks(c.text(), MAX_SECTION)) {
        out.add(new Rendered(ContextBlock.builder().elements(List.of(verbatim(chunk))).build(), chunk.length()));
      }
    } else if (block instanceof Block.Divider) {
      out.add(new Rendered(DividerBlock.builder().build(), 0));
    } else {
      List<Block.Button> buttons = ((Block.Actions) block).buttons();
      for (int from = 0; from < buttons.size(); from += MAX_BUTTONS) {
        List<BlockElement> row = new ArrayList<>();
        for (Block.Button b : buttons.subList(from, Math.min(buttons.size(), from + MAX_BUTTONS))) {
          row.add(button(b));
        }
        // action ids must be unique per block; block ids make repeated action ids across blocks safe
        out.add(new Rendered(ActionsBlock.builder().blockId("actions-" + out.size()).elements(row).build(), 0));
      }
    }
  }

  /** Label and value pairs as a section's fields, ten at a time; a pair too long for a field is a section of its own. */
  private static void fields(List<Block.Field> fields, List<Rendered> out) {
    List<TextObject> group = new ArrayList<>();
    int text = 0;
    for (Block.Field field : fields) {
      String rendered = SlackText.mrkdwn(Markup.bold(field.label()) + "\n" + field.value());
      if (rendered.length() > MAX_FIELD) {
        text = flush(group, text, out);
        for (String chunk : chunks(Markup.bold(field.label()) + "\n" + field.value(), MAX_SECTION)) {
          out.add(new Rendered(SectionBlock.builder().text(verbatim(chunk)).build(), chunk.length()));
        }
        continue;
      }
      if (group.size() == MAX_FIELDS) {
        text = flush(group, text, out);
      }
      group.add(verbatim(rendered));
      text += rendered.length();
    }
    flush(group, text, out);
  }

  private static int flush(List<TextObject> group, int text, List<Rendered> out) {
    if (!group.isEmpty()) {
      out.add(new Rendered(SectionBlock.builder().fields(new ArrayList<>(group)).build(), text));
      group.clear();
    }
    return 0;
  }

  private static ButtonElement button(Block.Button b) {
    ButtonElement.ButtonElementBuilder button = ButtonElement.builder()
        .actionId(truncate(b.actionId(), MAX_ACTION_ID))
        .value(truncate(b.value(), MAX_BUTTON_VALUE))
        .text(plainText(SlackText.plain(b.label(), MAX_BUTTON_TEXT)));
    switch (b.style()) {
      case PRIMARY -> button.style("primary");
      case DANGER -> button.style("danger");
      default -> { }
    }
    return button.build();
  }

  /**
   * A neutral text as mrkdwn pieces of at most {@code max} characters: whole lines where they
   * fit, a line longer than that cut between words. Nothing is left out.
   */
  static List<String> chunks(String neutral, int max) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean open = false;
    for (List<Markup.Span> line : Markup.lines(neutral)) {
      String rendered = SlackText.mrkdwn(line);
      if (rendered.length() > max) {
        if (open) {
          out.add(current.toString());
          current.setLength(0);
          open = false;
        }
        for (List<Markup.Span> piece : Markup.pieces(line, max, spans -> SlackText.mrkdwn(spans).length())) {
          out.add(SlackText.mrkdwn(piece));
        }
        continue;
      }
      if (open && current.length() + 1 + rendered.length() > max) {
        out.add(current.toString());
        current.setLength(0);
        open = false;
      }
      if (open) {
        current.append('\n');
      }
      current.append(rendered);
      open = true;
    }
    if (open) {
      out.add(current.toString());
    }
    out.replaceAll(chunk -> chunk.isBlank() ? " " : chunk);
    return out.isEmpty() ? List.of(" ") : out;
  }

  /** Slack links and mentions nothing in it: what people wrote stays text. */
  private static MarkdownTextObject verbatim(String rendered) {
    return MarkdownTextObject.builder().text(rendered).verbatim(true).build();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
