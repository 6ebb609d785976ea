package org.rmbot.mentoring.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every way the parser says no, word for word: these are what people read, shown here as Slack
 * shows them (a command reference as {@code `/mentoring help`}).
 */
class CommandParserMessagesTest {
  private static final String PICK =
      "Start typing @ and pick the person from the list, so I know exactly who you mean.";

  private final CommandParser parser = new CommandParser(Invocation.SLASH_COMMAND);

  private String refused(String text) {
    ParseResult result = parser.parse(text);
    assertThat(result).as(text).isInstanceOf(ParseResult.Unrecognised.class);
    return asInSlack(((ParseResult.Unrecognised) result).message());
  }

  /** A neutral text's command references the way Slack shows them, for comparing word for word. */
  static String asInSlack(String neutral) {
    return org.rmbot.mentoring.chat.Markup.plain(neutral, "/mentoring ", "`", "`");
  }

  @Nested
  class UnknownCommands {
    @Test
    void aTypoGetsTheClosestCommand() {
      assertThat(refused("stauts"))
          .isEqualTo("Unknown command 'stauts'. Did you mean 'status'? Type `/mentoring help` to see what you can do.");
      assertThat(refused("rematc")).contains("Did you mean 'rematch'?");
      assertThat(refused("jion")).contains("Did you mean 'join'?");
      assertThat(refused("nevr-pair <@U1> <@U2>")).contains("Did you mean 'never-pair'?");
    }

    @Test
    void aWordWithTheSameMeaningGetsOurs() {
      assertThat(refused("quit")).contains("Did you mean 'leave'?");
      assertThat(refused("stop")).contains("Did you mean 'pause'?");
      assertThat(refused("enrol")).contains("Did you mean 'join'?");
    }

    @Test
    void nothingCloseMeansNoGuess() {
      assertThat(refused("xyzzy"))
          .isEqualTo("Unknown command 'xyzzy'. Type `/mentoring help` to see what you can do.");
    }

    @Test
    void aHelpTopicThatIsNotACommand() {
      assertThat(refused("help stauts")).isEqualTo(
          "There's no command called 'stauts'. Did you mean 'status'? Type `/mentoring help` to see them all.");
    }

    @Test
    void onlyTheStartOfALongWordIsQuoted() {
      String word = "a".repeat(100);
      assertThat(refused(word)).contains("'" + "a".repeat(40) + "…'").doesNotContain("a".repeat(41));
    }

    @Test
    void markupIsNotQuotedBackAsMarkup() {
      assertThat(refused("<!channel>")).contains("'‹!channel›'").doesNotContain("<!channel>");
    }

    @Test
    void tooLong() {
      String expected = "That's longer than any command I know (over 1,000 characters). "
          + "Type `/mentoring help` to see what I understand.";
      assertThat(refused("status " + "x".repeat(1_000))).isEqualTo(expected);
      assertThat(refused("x".repeat(50_000))).isEqualTo(expected);
    }
  }

  @Nested
  class Snooze {
    @Test
    void needsADuration() {
      assertThat(refused("snooze")).isEqualTo("snooze needs a duration like 2w or 10d.");
    }

    @Test
    void somethingThatIsNotADuration() {
      assertThat(refused("snooze tomorrow"))
          .isEqualTo("I couldn't read 'tomorrow' as a length of time. snooze needs a duration like 2w or 10d.");
      assertThat(refused("snooze zillion weeks"))
          .isEqualTo("I couldn't read 'zillion weeks' as a length of time. snooze needs a duration like 2w or 10d.");
    }

    @Test
    void onlyDaysAndWeeks() {
      assertThat(refused("snooze 3h")).isEqualTo("snooze counts in days or weeks, like 2w or 10d.");
      assertThat(refused("snooze 2 months")).isEqualTo("snooze counts in days or weeks, like 2w or 10d.");
    }

    @Test
    void atLeastADay() {
      assertThat(refused("snooze 0d")).isEqualTo("snooze needs at least one day, like 1d.");
    }

    @Test
    void atMostTwelveWeeks() {
      String expected = "You can snooze for up to 12 weeks. For a longer break, use `/mentoring pause`.";
      assertThat(refused("snooze 13w")).isEqualTo(expected);
      assertThat(refused("snooze 85d")).isEqualTo(expected);
      assertThat(refused("snooze 99999999999999999999 weeks")).isEqualTo(expected);
    }
  }

  @Nested
  class People {
    @Test
    void pairNeedsTwoPeople() {
      String expected = "pair needs two people: `/mentoring pair @mentor @mentee`";
      assertThat(refused("pair")).isEqualTo(expected);
      assertThat(refused("pair <@U01ALEX>")).isEqualTo(expected);
      assertThat(refused("pair alex sam")).isEqualTo(expected);
    }

    @Test
    void pairNeedsTwoDifferentPeople() {
      assertThat(refused("pair <@U1> <@U1|alex>"))
          .isEqualTo("pair needs two different people: `/mentoring pair @mentor @mentee`");
    }

    @Test
    void neverPairNeedsTwoPeople() {
      assertThat(refused("never-pair <@U1>"))
          .isEqualTo("never-pair needs two people: `/mentoring never-pair @person @person`");
      assertThat(refused("never-pair <@U1> <@U1>"))
          .isEqualTo("never-pair needs two different people: `/mentoring never-pair @person @person`");
    }

    @Test
    void aNameWithoutAnIdIsNotGuessed() {
      assertThat(refused("pair @alex @sam")).isEqualTo("I can't tell exactly who '@alex' is. " + PICK);
      assertThat(refused("pair <@U1> @sam")).isEqualTo("I can't tell exactly who '@sam' is. " + PICK);
      assertThat(refused("nudge @Alex Smith")).isEqualTo("I can't tell exactly who '@Alex' is. " + PICK);
    }

    @Test
    void aChannelOrGroupIsNotAPerson() {
      assertThat(refused("nudge <!channel>")).isEqualTo("'‹!channel›' is a channel or group, not one person. " + PICK);
      assertThat(refused("forget <!subteam^S1|@leaders>")).startsWith("'‹!subteam^S1|@leaders›' is a channel or group");
      assertThat(refused("pair <#C123|general> <@U1>")).startsWith("'‹#C123|general›' is a channel or group");
    }

    @Test
    void aMentionWithoutAUsableId() {
      assertThat(refused("pair <@> <@U1>")).isEqualTo("I couldn't read that mention. " + PICK);
      assertThat(refused("nudge <@U 1>")).isEqualTo("I couldn't read that mention. " + PICK);
    }

    @Test
    void somethingAfterThePeople() {
      assertThat(refused("pair <@U1> <@U2> <@U3>")).isEqualTo("I didn't understand '‹@U3›' after the two people.");
      assertThat(refused("nudge <@U1> now")).isEqualTo("I didn't understand 'now' after the person.");
      assertThat(refused("forget <@U1> please")).isEqualTo("I didn't understand 'please' after the person.");
      assertThat(refused("unpair <@U1> <@U2>")).isEqualTo("I didn't understand '‹@U2›' after the pairing.");
    }

    @Test
    void unpairNeedsAPairing() {
      assertThat(refused("unpair")).isEqualTo("unpair needs a person in the pairing, like `/mentoring unpair @person`.");
      assertThat(refused("unpair everyone")).isEqualTo("unpair needs a person in the pairing, like `/mentoring unpair @person`.");
      assertThat(refused("unpair #0")).isEqualTo("Pairing numbers start at 1; you'll find them in status.");
    }

    @Test
    void pauseAndResumeOnTheirOwnAreForYourself() {
      assertThat(refused("pause please")).isEqualTo(
          "pause on its own puts your mentoring on hold. For a pairing, name one of its people: `/mentoring pause @person`");
      assertThat(refused("resume later")).isEqualTo(
          "resume on its own picks it up again. For a pairing, name one of its people: `/mentoring resume @person`");
    }

    @Test
    void nudgeNeedsSomeone() {
      String expected = "nudge needs a person or at-risk, like `/mentoring nudge @person` or `/mentoring nudge at-risk`.";
      assertThat(refused("nudge")).isEqualTo(expected);
      assertThat(refused("nudge at-rsik")).isEqualTo(expected + " Did you mean 'at-risk'?");
      assertThat(refused("nudge at-risk now")).isEqualTo("I didn't understand 'now' after at-risk.");
    }

    @Test
    void forgetNeedsSomeone() {
      assertThat(refused("forget")).isEqualTo("forget needs the person whose data to erase, like "
          + "`/mentoring forget @person`. To erase your own, use `/mentoring forget-me`.");
      assertThat(refused("forget me please"))
          .isEqualTo("forget me works on its own; I didn't understand 'please' after it.");
    }

    @Test
    void coordinatorAddNeedsAPerson() {
      assertThat(refused("coordinator add"))
          .isEqualTo("coordinator add needs a person, like `/mentoring coordinator add @person \"Pilot 2026\"`.");
    }
  }

  @Nested
  class Actions {
    @Test
    void programNeedsAnAction() {
      assertThat(refused("program"))
          .isEqualTo("program needs create, open, dates or close, like `/mentoring program create \"Pilot 2026\"`.");
      assertThat(refused("program crate Pilot"))
          .isEqualTo("program can create, open, dates or close, not 'crate'. Did you mean 'create'?");
    }

    @Test
    void matchNeedsAnAction() {
      assertThat(refused("match")).isEqualTo("match needs preview or commit, like `/mentoring match preview`.");
      assertThat(refused("match previw")).isEqualTo("match can preview or commit, not 'previw'. Did you mean 'preview'?");
    }

    @Test
    void feedbackNeedsAnAction() {
      assertThat(refused("feedback"))
          .isEqualTo("feedback needs open, close or results, like `/mentoring feedback results`.");
      assertThat(refused("feedback reslts")).endsWith("Did you mean 'results'?");
    }

    @Test
    void coordinatorNeedsAdd() {
      assertThat(refused("coordinator")).isEqualTo("coordinator needs add, like `/mentoring coordinator add @person`.");
      assertThat(refused("coordinator remove <@U1>")).isEqualTo("coordinator can add, not 'remove'.");
    }

    @Test
    void commandsThatTakeNothingSaySo() {
      assertThat(refused("me now")).isEqualTo("me works on its own; I didn't understand 'now' after it.");
      assertThat(refused("leave \"Pilot 2026\"")).isEqualTo("leave works on its own; I didn't understand '\"Pilot 2026\"' after it.");
      assertThat(refused("journal x")).startsWith("journal works on its own");
      assertThat(refused("my-data x")).startsWith("my-data works on its own");
      assertThat(refused("forget-me x")).startsWith("forget-me works on its own");
    }
  }

  @Nested
  class ProgramNames {
    @Test
    void programCommandsNeedAName() {
      assertThat(refused("program create"))
          .isEqualTo("program create needs the program's name, like `/mentoring program create \"Pilot 2026\"`.");
      assertThat(refused("program open"))
          .isEqualTo("program open needs the program's name, like `/mentoring program open \"Pilot 2026\"`.");
      assertThat(refused("program close"))
          .isEqualTo("program close needs the program's name, like `/mentoring program close \"Pilot 2026\"`.");
    }

    @Test
    void anUnclosedQuote() {
      assertThat(refused("program open \"Pilot 2026"))
          .isEqualTo("A name starts with a quote mark but doesn't end with one.");
    }

    @Test
    void somethingAfterAQuotedName() {
      assertThat(refused("status \"Pilot 2026\" now")).isEqualTo("I didn't understand 'now' after the program name.");
    }

    @Test
    void anEmptyName() {
      assertThat(refused("status \"\"")).isEqualTo("A program name can't be empty.");
    }

    @Test
    void aPersonWhereAProgramBelongs() {
      assertThat(refused("status <@U1>")).isEqualTo("I expected a program name there, not a person.");
      assertThat(refused("join @alex")).isEqualTo("I expected a program name there, not a person.");
    }

    @Test
    void markupInANameOrTheme() {
      assertThat(refused("status Pilot <!channel>")).isEqualTo("A program name can't contain < or >.");
      assertThat(refused("program create Pilot <b>bold</b>")).isEqualTo("A theme can't contain < or >.");
    }

    @Test
    void hiddenCharacters() {
      assertThat(refused("status Pilot\u202E6202"))
          .isEqualTo("A program name has hidden or unreadable characters in it. Please type it again.");
      assertThat(refused("program create Pilot caf\uD800e"))
          .isEqualTo("A theme has hidden or unreadable characters in it. Please type it again.");
    }

    @Test
    void tooLong() {
      assertThat(refused("status " + "n".repeat(81)))
          .isEqualTo("That program name is too long: names can have up to 80 characters.");
      assertThat(refused("program create Pilot " + "t".repeat(201)))
          .isEqualTo("That theme is too long: keep it under 200 characters.");
    }

    @Test
    void aThemeHalfInQuotes() {
      assertThat(refused("program create Pilot \"LGBTQ+\" inclusion"))
          .isEqualTo("Put the theme after the program name, without quotes, or all in quotes.");
    }
  }

  /** The core names a command the same for every platform; each adapter shows it as it is typed there. */
  @Test
  void examplesAreCommandReferencesThatNoPlatformPrefixes() {
    String neutral = ((ParseResult.Unrecognised) new CommandParser(Invocation.DIRECT_MESSAGE).parse("pair")).message();
    assertThat(((ParseResult.Unrecognised) parser.parse("pair")).message()).isEqualTo(neutral);
    assertThat(neutral).doesNotContain("/mentoring")
        .isEqualTo("pair needs two people: " + org.rmbot.mentoring.chat.Markup.command("pair @mentor @mentee"));
  }
}
