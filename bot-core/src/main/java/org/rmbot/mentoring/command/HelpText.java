package org.rmbot.mentoring.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * The help a person sees: only the commands their audience may use, one line each, written for
 * junior mentors and senior leaders alike. Commands are command references ({@link
 * Markup#command}), which each platform shows as they are typed there. The overview is one
 * section per group of commands, so no section comes near a platform's limit.
 */
public final class HelpText {
  private static final Catalogue WORDS = Catalogue.english();
  private static final String OPTIONAL_WORDS = WORDS.phrase("help.optional_words");
  private static final String PROGRAM_LEFT_OUT = WORDS.phrase("help.program_left_out");

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
    text.add(WORDS.phrase("help.overview.intro", "example", invocation.show("help snooze")));
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
      return WORDS.phrase("help.not_for_you", "command", invocation.show(verb),
          "audience", entries.get(0).audience().name().toLowerCase(java.util.Locale.ROOT), "help", invocation.show("help"));
    }
    StringJoiner text = new StringJoiner("\n");
    for (CommandHelp entry : visible) {
      if (text.length() > 0) {
        text.add("");
      }
      text.add(invocation.show(entry.usage()));
      text.add(entry.summary());
      if (!entry.example().equals(entry.usage())) {
        text.add(WORDS.phrase("help.for_example", "example", invocation.show(entry.example())));
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
      case PARTICIPANT -> WORDS.phrase("help.section.participant");
      case COORDINATOR -> WORDS.phrase("help.section.coordinator");
      case ADMIN -> WORDS.phrase("help.section.admin");
    };
  }
}
