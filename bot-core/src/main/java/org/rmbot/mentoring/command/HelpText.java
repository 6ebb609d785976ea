package org.rmbot.mentoring.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Markup;

/**
 * The help a person sees: only the commands their audience may use, one line each, written for
 * junior mentors and senior leaders alike. Commands are command references ({@link
 * Markup#command}), which each platform shows as they are typed there. The overview is one
 * section per group of commands, so no section comes near a platform's limit.
 */
public final class HelpText {
  private static final String OPTIONAL_WORDS = "Words in [brackets] can be left out.";
  private static final String PROGRAM_LEFT_OUT = "If you leave out the program, I'll use the one that fits, or ask you which.";

  private final Invocation invocation;

  public HelpText(Invocation invocation) {
    this.invocation = Objects.requireNonNull(invocation);
  }

  /** The answer as a message: a section for each paragraph. */
  public ChatMessage message(Command.Help help, Audience audience) {
    String[] paragraphs = answer(help, audience).split("\n\n");
    List<Block> sections = new ArrayList<>();
    for (String paragraph : paragraphs) {
      sections.add(new Block.Section(paragraph));
    }
    return new ChatMessage(paragraphs[0], sections, null);
  }

  /** What the {@link Command.Help} command shows this audience. */
  public String answer(Command.Help help, Audience audience) {
    return help.topic().map(topic -> about(topic, audience)).orElseGet(() -> overview(audience));
  }

  /** Every command this audience may use, in sections: everyone, coordinators, admins. */
  public String overview(Audience audience) {
    StringJoiner text = new StringJoiner("\n");
    text.add("Here's what you can do. For more about one command, type " + invocation.show("help snooze") + ".");
    for (Audience section : Audience.values()) {
      if (!audience.sees(section)) {
        continue;
      }
      text.add("");
      text.add(Markup.bold(title(section)));
      for (CommandHelp entry : CommandCatalogue.all()) {
        if (entry.audience() == section) {
          text.add(invocation.show(entry.usage()) + " – " + entry.summary());
        }
      }
    }
    text.add("");
    text.add(OPTIONAL_WORDS + " " + PROGRAM_LEFT_OUT);
    return text.toString();
  }

  /** More about one command word ({@code match}), limited to what this audience may use. */
  public String about(String verb, Audience audience) {
    List<CommandHelp> entries = CommandCatalogue.about(verb);
    if (entries.isEmpty()) {
      return overview(audience);
    }
    List<CommandHelp> visible = entries.stream().filter(e -> audience.sees(e.audience())).toList();
    if (visible.isEmpty()) {
      return invocation.show(verb) + " is for " + whoElse(entries.get(0).audience()) + ". Type "
          + invocation.show("help") + " to see what you can do.";
    }
    StringJoiner text = new StringJoiner("\n");
    for (CommandHelp entry : visible) {
      if (text.length() > 0) {
        text.add("");
      }
      text.add(invocation.show(entry.usage()));
      text.add(entry.summary());
      if (!entry.example().equals(entry.usage())) {
        text.add("For example: " + invocation.show(entry.example()));
      }
    }
    if (visible.stream().anyMatch(e -> e.usage().contains("["))) {
      text.add("");
      text.add(visible.stream().anyMatch(e -> e.usage().contains("[program]"))
          ? OPTIONAL_WORDS + " " + PROGRAM_LEFT_OUT
          : OPTIONAL_WORDS);
    }
    return text.toString();
  }

  private static String title(Audience section) {
    return switch (section) {
      case PARTICIPANT -> "For everyone:";
      case COORDINATOR -> "For program coordinators:";
      case ADMIN -> "For workspace admins:";
    };
  }

  private static String whoElse(Audience audience) {
    return switch (audience) {
      case PARTICIPANT -> "everyone";
      case COORDINATOR -> "program coordinators";
      case ADMIN -> "workspace admins";
    };
  }
}
