package org.rmbot.mentoring.command;

/**
 * What the parser made of a line of text: a command, or a message for the person explaining
 * what it did not understand and what to type instead. Not understanding is a result, never an
 * exception.
 */
public sealed interface ParseResult {

  record Parsed(Command command) implements ParseResult {
    public Parsed {
      if (command == null) {
        throw new IllegalArgumentException("a parsed result needs a command");
      }
    }
  }

  /** {@code message} is short, plain and safe to show: at most a few words of the input are quoted. */
  record Unrecognised(String message) implements ParseResult {
    public Unrecognised {
      if (message == null || message.isBlank()) {
        throw new IllegalArgumentException("say what was not understood");
      }
    }
  }
}
