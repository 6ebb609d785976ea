package org.rmbot.mentoring.command;

/**
 * One line of help: how to type a command, an example, and what it is for in one plain
 * sentence. Examples write people as {@code @name} for readers; tests turn them into mentions.
 */
public record CommandHelp(
    Class<? extends Command> command, Audience audience, String usage, String example, String summary) {

  /** The first word of the usage, which is also the help topic: {@code match}. */
  public String verb() {
    int space = usage.indexOf(' ');
    return space < 0 ? usage : usage.substring(0, space);
  }
}
