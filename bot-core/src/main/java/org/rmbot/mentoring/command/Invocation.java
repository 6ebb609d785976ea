package org.rmbot.mentoring.command;

/**
 * How a person starts a command where they are typing: {@code /mentoring} in Slack, nothing in a
 * 1:1 Teams chat with the bot, {@code @Mentoring} in a Teams channel. Help and error messages
 * show examples the way the person would type them.
 */
public record Invocation(String prefix) {
  public static final Invocation SLASH_COMMAND = new Invocation("/mentoring");
  public static final Invocation DIRECT_MESSAGE = new Invocation("");

  public Invocation {
    prefix = prefix == null ? "" : prefix.strip();
  }

  /** A usage or example as the person would type it, in code style: {@code `/mentoring me`}. */
  public String show(String usage) {
    return "`" + (prefix.isEmpty() ? usage : prefix + " " + usage) + "`";
  }
}
