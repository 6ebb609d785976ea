package org.rmbot.mentoring.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HelpTextTest {
  /** Help as Slack shows it: command references as {@code `/mentoring ...`}, bold marks left out. */
  private final Shown help = new Shown(new HelpText(Invocation.SLASH_COMMAND));

  private record Shown(HelpText text) {
    String overview(Audience audience) {
      return CommandParserMessagesTest.asInSlack(text.overview(audience));
    }

    String about(String verb, Audience audience) {
      return CommandParserMessagesTest.asInSlack(text.about(verb, audience));
    }

    String answer(Command.Help topic, Audience audience) {
      return CommandParserMessagesTest.asInSlack(text.answer(topic, audience));
    }
  }
  private final CommandParser parser = new CommandParser(Invocation.SLASH_COMMAND);

  private static List<CommandHelp> entriesFor(Audience audience) {
    return CommandCatalogue.all().stream().filter(e -> e.audience() == audience).toList();
  }

  private static String line(CommandHelp entry) {
    return "`/mentoring " + entry.usage() + "` – " + CommandParserMessagesTest.asInSlack(entry.summary());
  }

  /** Help examples name people as @sam for readers; the parser sees them as adapters hand them over. */
  static String asAdaptersSendIt(String example) {
    return example.replaceAll("@([a-z]+)", "<@U$1>");
  }

  @Test
  void everyCommandHasHelp() {
    List<Class<?>> commands = Arrays.asList(Command.class.getPermittedSubclasses());
    List<Class<?>> helped = CommandCatalogue.all().stream().<Class<?>>map(CommandHelp::command).toList();
    assertThat(commands).hasSizeGreaterThanOrEqualTo(32);
    assertThat(helped).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(commands);
  }

  @Test
  void everyCommandAppearsInTheHelpForAdmins() {
    String text = help.overview(Audience.ADMIN);
    for (Class<?> command : Command.class.getPermittedSubclasses()) {
      CommandHelp entry = CommandCatalogue.all().stream().filter(e -> e.command() == command).findFirst().orElseThrow();
      assertThat(text).as(command.getSimpleName()).contains(line(entry));
    }
  }

  @Test
  void everyExampleParsesToItsCommand() {
    for (CommandHelp entry : CommandCatalogue.all()) {
      ParseResult result = parser.parse(asAdaptersSendIt(entry.example()));
      assertThat(result).as(entry.example()).isInstanceOf(ParseResult.Parsed.class);
      assertThat(((ParseResult.Parsed) result).command()).as(entry.example()).isInstanceOf(entry.command());
    }
  }

  @Test
  void everyCommandWordHasAHelpTopic() {
    for (String verb : CommandCatalogue.verbs()) {
      assertThat(parser.parse("help " + verb)).as(verb).isEqualTo(new ParseResult.Parsed(new Command.Help(Optional.of(verb))));
    }
  }

  @Test
  void participantsSeeOnlyWhatTheyCanDo() {
    String text = help.overview(Audience.PARTICIPANT);
    entriesFor(Audience.PARTICIPANT).forEach(e -> assertThat(text).contains(line(e)));
    entriesFor(Audience.COORDINATOR).forEach(e -> assertThat(text).doesNotContain(e.usage()));
    entriesFor(Audience.ADMIN).forEach(e -> assertThat(text).doesNotContain(e.usage()));
    assertThat(text).contains("For everyone:").doesNotContain("coordinators:").doesNotContain("admins:");
  }

  @Test
  void coordinatorsSeeBothSections() {
    String text = help.overview(Audience.COORDINATOR);
    entriesFor(Audience.PARTICIPANT).forEach(e -> assertThat(text).contains(line(e)));
    entriesFor(Audience.COORDINATOR).forEach(e -> assertThat(text).contains(line(e)));
    entriesFor(Audience.ADMIN).forEach(e -> assertThat(text).doesNotContain(e.usage()));
    assertThat(text.indexOf("For everyone:")).isLessThan(text.indexOf("For program coordinators:"));
  }

  @Test
  void adminsAlsoSeeAdminCommands() {
    String text = help.overview(Audience.ADMIN);
    assertThat(text).contains("For workspace admins:", line(entriesFor(Audience.ADMIN).get(0)));
  }

  @Test
  void helpRequestIsPrivateAndNoFault() {
    String text = help.overview(Audience.PARTICIPANT);
    String line = text.lines().filter(l -> l.startsWith("`/mentoring help-request")).findFirst().orElseThrow();
    assertThat(line).contains("private").contains("no-fault").contains("Only coordinators see it");
  }

  @Test
  void eachLineIsAUsageAndOneShortSentence() {
    for (CommandHelp entry : CommandCatalogue.all()) {
      assertThat(entry.summary()).as(entry.usage()).endsWith(".").hasSizeLessThanOrEqualTo(120);
      assertThat(entry.usage()).startsWith(entry.verb());
    }
  }

  @Test
  void helpForOneCommandShowsAllItsForms() {
    String text = help.answer(new Command.Help(Optional.of("match")), Audience.COORDINATOR);
    assertThat(text).isEqualTo("""
        `/mentoring match preview [program]`
        See the suggested pairs and the reason for each, before anyone is told.
        For example: `/mentoring match preview`

        `/mentoring match commit [program]`
        Send out the suggested pairs. Each person privately accepts or declines.
        For example: `/mentoring match commit`

        Words in [brackets] can be left out. If you leave out the program, I'll use the one that fits, or ask you which.""");
  }

  @Test
  void helpForOneCommandKeepsToTheAudience() {
    String forParticipant = help.about("pause", Audience.PARTICIPANT);
    String forCoordinator = help.about("pause", Audience.COORDINATOR);
    assertThat(forParticipant).contains("`/mentoring pause`").doesNotContain("@person");
    assertThat(forCoordinator).contains("`/mentoring pause`", "`/mentoring pause @person`");
  }

  @Test
  void onlyProgramsAreExplainedAsChosenForYou() {
    assertThat(help.about("help-request", Audience.PARTICIPANT)).isEqualTo("""
        `/mentoring help-request [note]`
        Ask for support or a new partner, in private. Only coordinators see it, and it's no-fault: no one is blamed.
        For example: `/mentoring help-request We haven't managed to meet yet`

        Words in [brackets] can be left out.""");
  }

  @Test
  void helpForACommandSomeoneElseUses() {
    assertThat(help.about("match", Audience.PARTICIPANT))
        .isEqualTo("`/mentoring match` is for program coordinators. Type `/mentoring help` to see what you can do.");
    assertThat(help.about("coordinator", Audience.COORDINATOR))
        .isEqualTo("`/mentoring coordinator` is for workspace admins. Type `/mentoring help` to see what you can do.");
  }

  @Test
  void noTopicOrAnUnknownOneShowsTheOverview() {
    assertThat(help.answer(new Command.Help(Optional.empty()), Audience.PARTICIPANT))
        .isEqualTo(help.overview(Audience.PARTICIPANT));
    assertThat(help.about("nonsense", Audience.COORDINATOR)).isEqualTo(help.overview(Audience.COORDINATOR));
  }

  /** The core knows no platform's prefix: the same help for every chat, its commands as references. */
  @Test
  void helpNamesCommandsTheSameForEveryPlatform() {
    String neutral = new HelpText(Invocation.DIRECT_MESSAGE).overview(Audience.PARTICIPANT);
    assertThat(neutral).isEqualTo(new HelpText(Invocation.SLASH_COMMAND).overview(Audience.PARTICIPANT))
        .doesNotContain("/mentoring").contains(org.rmbot.mentoring.chat.Markup.command("snooze <time>") + " – ");
  }

  /** The overview is one section per group of commands, so no section comes near a platform's limit. */
  @Test
  void theOverviewIsASectionPerGroup() {
    var message = new HelpText(Invocation.SLASH_COMMAND).message(new Command.Help(Optional.empty()), Audience.ADMIN);
    assertThat(message.blocks()).hasSize(5);
    assertThat(message.blocks()).allSatisfy(b -> assertThat(((org.rmbot.mentoring.chat.Block.Section) b).text())
        .hasSizeLessThan(3000));
  }

  @Test
  void theOverviewReadsWell() {
    String text = help.overview(Audience.PARTICIPANT);
    assertThat(text.lines().findFirst().orElseThrow())
        .isEqualTo("Here's what you can do. For more about one command, type `/mentoring help snooze`.");
    assertThat(text).endsWith("Words in [brackets] can be left out. "
        + "If you leave out the program, I'll use the one that fits, or ask you which.");
    assertThat(text.lines().filter(l -> l.startsWith("`")).collect(Collectors.toList()))
        .hasSize(entriesFor(Audience.PARTICIPANT).size());
  }
}
