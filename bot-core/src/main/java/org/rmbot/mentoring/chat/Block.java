package org.rmbot.mentoring.chat;

import java.util.List;

/** One piece of a {@link ChatMessage}: the small set of layouts both platforms can show. */
public sealed interface Block {

  /** A paragraph of text; {@code *bold*} and {@code _italic_} are the only markup. */
  record Section(String text) implements Block {}

  /** Label and value pairs shown as a small table (e.g. "When" / "Tue 14 Jan, 10:00"). */
  record Fields(List<Field> fields) implements Block {
    public Fields {
      fields = List.copyOf(fields);
    }
  }

  /** A quiet line of secondary text under the main content. */
  record Context(String text) implements Block {}

  /** A horizontal rule. */
  record Divider() implements Block {}

  /** A row of buttons. */
  record Actions(List<Button> buttons) implements Block {
    public Actions {
      if (buttons.isEmpty()) {
        throw new IllegalArgumentException("an actions row needs at least one button");
      }
      buttons = List.copyOf(buttons);
    }
  }

  record Field(String label, String value) {}

  /**
   * A button. Clicking it sends {@code actionId} and {@code value} back to the core; the value
   * is a reference (e.g. a pairing id and a window), never proof of who may do what: the core
   * re-checks the clicking person's rights on every call.
   */
  record Button(String actionId, String value, String label, ButtonStyle style) {}

  enum ButtonStyle {
    DEFAULT,
    PRIMARY,
    DANGER
  }
}
