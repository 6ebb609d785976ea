package org.rmbot.mentoring.command;

import org.rmbot.mentoring.chat.Markup;

/**
 * How a person starts a command where they are typing: {@code /mentoring} in Slack, nothing in a
 * 1:1 Teams chat with the bot. The parser accepts either; what the bot says names a command
 * with a neutral command reference ({@link Markup#command}), which each adapter shows the way
 * it is typed there, so no message depends on where it is read.
 */
public record Invocation(String prefix) {
  public static final Invocation SLASH_COMMAND = new Invocation("/mentoring");
  public static final Invocation DIRECT_MESSAGE = new Invocation("");

  public Invocation {
    prefix = prefix == null ? "" : prefix.strip();
  }

  /** A usage or example as a command reference: Slack shows {@code /mentoring me}, Teams {@code me}. */
  public String show(String usage) {
    return Markup.command(usage);
  }
}
