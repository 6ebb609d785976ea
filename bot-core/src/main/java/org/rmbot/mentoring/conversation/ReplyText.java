package org.rmbot.mentoring.conversation;

import java.util.List;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;

/** Small helpers for composing replies. */
final class ReplyText {
  private ReplyText() {}

  static String clip(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  static ChatMessage message(String title, List<Block> blocks) {
    java.util.ArrayList<Block> all = new java.util.ArrayList<>();
    all.add(new Block.Section(title));
    all.addAll(blocks);
    return new ChatMessage(title, all, null);
  }

  static String plural(int n, String one, String many) {
    return org.rmbot.mentoring.common.Phrases.plural(n, one, many);
  }
}
