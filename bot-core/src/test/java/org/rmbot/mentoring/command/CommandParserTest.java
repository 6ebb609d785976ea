package org.rmbot.mentoring.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.command.Command.*;

class CommandParserTest {
  private static final Mention ALEX = new Mention("U01ALEX");
  private static final Mention SAM = new Mention("U02SAM");
  private static final Optional<String> NO_PROGRAM = Optional.empty();
  private static final Optional<String> PILOT = Optional.of("Pilot 2026");

  private final CommandParser parser = new CommandParser(Invocation.SLASH_COMMAND);

  private Command parsed(String text) {
    ParseResult result = parser.parse(text);
    assertThat(result).as(text).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) result).command();
  }

  private String refused(String text) {
    ParseResult result = parser.parse(text);
    assertThat(result).as(text).isInstanceOf(ParseResult.Unrecognised.class);
    return CommandParserMessagesTest.asInSlack(((ParseResult.Unrecognised) result).message());
  }

  @Nested
  class ForEveryone {
    @Test
    void help() {
      assertThat(parsed("help")).isEqualTo(new Help(Optional.empty()));
      assertThat(parsed("help match")).isEqualTo(new Help(Optional.of("match")));
      assertThat(parsed("HELP Match preview")).isEqualTo(new Help(Optional.of("match")));
      assertThat(parsed("help my data")).isEqualTo(new Help(Optional.of("my-data")));
      assertThat(parsed("help request")).isEqualTo(new Help(Optional.of("help-request")));
      assertThat(parsed("?")).isEqualTo(new Help(Optional.empty()));
    }

    @Test
    void nothingTypedAsksForHelp() {
      assertThat(parsed("")).isEqualTo(new Help(Optional.empty()));
      assertThat(parsed(" \t\n ")).isEqualTo(new Help(Optional.empty()));
      assertThat(parsed("/mentoring")).isEqualTo(new Help(Optional.empty()));
      assertThat(parsed(null)).isEqualTo(new Help(Optional.empty()));
    }

    @Test
    void join() {
      assertThat(parsed("join")).isEqualTo(new Join(NO_PROGRAM));
      assertThat(parsed("join \"Pilot 2026\"")).isEqualTo(new Join(PILOT));
      assertThat(parsed("join Pilot 2026")).isEqualTo(new Join(PILOT));
      assertThat(parsed("join “Pilot 2026”")).as("typographic quotes").isEqualTo(new Join(PILOT));
    }

    @Test
    void commandsThatTakeNothing() {
      assertThat(parsed("me")).isEqualTo(new Me());
      assertThat(parsed("pause")).isEqualTo(new Pause());
      assertThat(parsed("resume")).isEqualTo(new Resume());
      assertThat(parsed("leave")).isEqualTo(new Leave());
      assertThat(parsed("journal")).isEqualTo(new Journal());
      assertThat(parsed("my-data")).isEqualTo(new MyData());
      assertThat(parsed("forget-me")).isEqualTo(new ForgetMe());
    }

    @Test
    void commandWordsIgnoreCaseHyphensAndUnderscores() {
      assertThat(parsed("ME")).isEqualTo(new Me());
      assertThat(parsed("My_Data")).isEqualTo(new MyData());
      assertThat(parsed("mydata")).isEqualTo(new MyData());
      assertThat(parsed("my data")).isEqualTo(new MyData());
      assertThat(parsed("Forget-Me")).isEqualTo(new ForgetMe());
      assertThat(parsed("forget me")).isEqualTo(new ForgetMe());
      assertThat(parsed("HelpRequest")).isEqualTo(new HelpRequest(Optional.empty()));
    }

    @Test
    void snoozeInDaysOrWeeks() {
      assertThat(parsed("snooze 2w")).isEqualTo(new Snooze(Period.ofDays(14)));
      assertThat(parsed("snooze 10d")).isEqualTo(new Snooze(Period.ofDays(10)));
      assertThat(parsed("snooze 3 days")).isEqualTo(new Snooze(Period.ofDays(3)));
      assertThat(parsed("snooze 2 weeks")).isEqualTo(new Snooze(Period.ofDays(14)));
      assertThat(parsed("Snooze 1 WEEK")).isEqualTo(new Snooze(Period.ofDays(7)));
      assertThat(parsed("snooze a week")).isEqualTo(new Snooze(Period.ofDays(7)));
      assertThat(parsed("snooze two weeks")).isEqualTo(new Snooze(Period.ofDays(14)));
      assertThat(parsed("snooze 12w")).as("the longest").isEqualTo(new Snooze(Period.ofDays(84)));
      assertThat(parsed("snooze 84d")).isEqualTo(new Snooze(Period.ofDays(84)));
      assertThat(parsed("snooze 1d")).as("the shortest").isEqualTo(new Snooze(Period.ofDays(1)));
    }

    @Test
    void helpRequestKeepsWhatWasTyped() {
      assertThat(parsed("help-request")).isEqualTo(new HelpRequest(Optional.empty()));
      assertThat(parsed("help-request   we keep missing each other"))
          .isEqualTo(new HelpRequest(Optional.of("we keep missing each other")));
    }
  }

  @Nested
  class ForCoordinators {
    @Test
    void programCreateTakesOneWordOrAQuotedName() {
      assertThat(parsed("program create Pilot")).isEqualTo(new CreateProgram("Pilot", Optional.empty()));
      assertThat(parsed("program create \"Pilot 2026\" LGBTQ+ inclusion"))
          .isEqualTo(new CreateProgram("Pilot 2026", Optional.of("LGBTQ+ inclusion")));
      assertThat(parsed("program create \"Pilot 2026\" \"Race and ethnicity\""))
          .isEqualTo(new CreateProgram("Pilot 2026", Optional.of("Race and ethnicity")));
      assertThat(parsed("program create Pilot Generations and technology"))
          .isEqualTo(new CreateProgram("Pilot", Optional.of("Generations and technology")));
    }

    @Test
    void programOpenAndClose() {
      assertThat(parsed("program open \"Pilot 2026\"")).isEqualTo(new OpenProgram("Pilot 2026"));
      assertThat(parsed("program close Pilot 2026")).isEqualTo(new CloseProgram("Pilot 2026"));
      assertThat(parsed("PROGRAM Open Women's network")).isEqualTo(new OpenProgram("Women's network"));
    }

    @Test
    void commandsWithAnOptionalProgram() {
      assertThat(parsed("status")).isEqualTo(new Status(NO_PROGRAM));
      assertThat(parsed("status Pilot 2026")).isEqualTo(new Status(PILOT));
      assertThat(parsed("status \"Pilot 2026\"")).isEqualTo(new Status(PILOT));
      assertThat(parsed("match preview")).isEqualTo(new MatchPreview(NO_PROGRAM));
      assertThat(parsed("match commit \"Pilot 2026\"")).isEqualTo(new MatchCommit(PILOT));
      assertThat(parsed("rematch")).isEqualTo(new Rematch(NO_PROGRAM));
      assertThat(parsed("rematch Pilot 2026")).isEqualTo(new Rematch(PILOT));
      assertThat(parsed("feedback open")).isEqualTo(new OpenFeedback(NO_PROGRAM));
      assertThat(parsed("feedback close Pilot 2026")).isEqualTo(new CloseFeedback(PILOT));
      assertThat(parsed("feedback results \"Pilot 2026\"")).isEqualTo(new FeedbackResults(PILOT));
      assertThat(parsed("report")).isEqualTo(new Report(NO_PROGRAM));
      assertThat(parsed("export Pilot 2026")).isEqualTo(new Export(PILOT));
    }

    @Test
    void programDatesTakeANameAndTwoDays() {
      LocalDate feb2 = LocalDate.of(2026, 2, 2);
      LocalDate jul31 = LocalDate.of(2026, 7, 31);
      assertThat(parsed("program dates Pilot 2026-02-02 2026-07-31")).isEqualTo(new ProgramDates("Pilot", feb2, jul31));
      assertThat(parsed("program dates \"Pilot 2026\" 2026-02-02 2026-07-31"))
          .isEqualTo(new ProgramDates("Pilot 2026", feb2, jul31));
    }

    @Test
    void programDatesRefuseWhatIsNotAProgramsLength() {
      assertThat(refused("program dates")).contains("program dates needs the program's name");
      assertThat(refused("program dates Pilot 2026 2026-02-02 2026-07-31")).as("a name with spaces, unquoted")
          .contains("'2026' isn't a date").contains("\"Pilot\"");
      assertThat(refused("program dates Pilot 2026-02-02")).contains("needs the first and the last day")
          .contains("put a name with spaces in quotes");
      assertThat(refused("program dates Pilot 2026-02-30 2026-07-31")).contains("'2026-02-30' isn't a date I can read");
      assertThat(refused("program dates Pilot 2026-07-31 2026-02-02")).contains("its last day comes after its first");
      assertThat(refused("program dates Pilot 2026-02-02 2026-02-10")).contains("at least two weeks");
      assertThat(parsed("program dates Pilot 2026-02-02 2026-02-16")).isInstanceOf(ProgramDates.class);
      assertThat(refused("program dates Pilot 2026-02-02 2028-02-03")).contains("at most two years");
      assertThat(refused("program dates Pilot 2026-02-02 2026-07-31 extra")).contains("after the two dates");
    }

    @Test
    void remindersListOrSwitchOneKindByItsCode() {
      assertThat(parsed("reminders")).isEqualTo(new Reminders(NO_PROGRAM));
      assertThat(parsed("reminders Pilot 2026")).isEqualTo(new Reminders(PILOT));
      assertThat(parsed("reminders off midpoint")).isEqualTo(new SwitchReminder("midpoint", false, NO_PROGRAM));
      assertThat(parsed("Reminders ON Check-In \"Pilot 2026\"")).isEqualTo(new SwitchReminder("check_in", true, PILOT));
      assertThat(parsed("reminders off feedback-campaign Pilot 2026"))
          .isEqualTo(new SwitchReminder("feedback_campaign", false, PILOT));
      assertThat(parsed("reminders \"On track\"")).as("a quoted program name is not a switch")
          .isEqualTo(new Reminders(Optional.of("On track")));
    }

    @Test
    void remindersRefuseWhatCannotBeSwitched() {
      assertThat(refused("reminders off")).contains("reminders off needs the kind of message, like `/mentoring reminders off midpoint`");
      assertThat(refused("reminders off midpont")).contains("'midpont' isn't a kind of scheduled message")
          .contains("Did you mean 'midpoint'?").contains("`/mentoring reminders`");
      assertThat(refused("reminders off proposal")).as("consent proposals are never a program's choice")
          .contains("isn't a kind of scheduled message");
    }

    @Test
    void pairTheMentorFirst() {
      assertThat(parsed("pair <@U01ALEX> <@U02SAM>")).isEqualTo(new Pair(ALEX, SAM));
      assertThat(parsed("pair <@U02SAM> <@U01ALEX>")).isEqualTo(new Pair(SAM, ALEX));
    }

    @Test
    void mentionsInSlackAndNeutralForms() {
      assertThat(parsed("pair <@U01ALEX|alex> <@U02SAM|sam.jones>")).isEqualTo(new Pair(ALEX, SAM));
      assertThat(parsed("pair <@U01ALEX|Alex Smith> <@U02SAM>")).as("a label with a space").isEqualTo(new Pair(ALEX, SAM));
      assertThat(parsed("pair <@U01ALEX><@U02SAM>")).as("no space between").isEqualTo(new Pair(ALEX, SAM));
      assertThat(parsed("nudge <@29:1GcS4EyB_oSI8A-88XmW>"))
          .as("a Teams channel account id").isEqualTo(new NudgePerson(new Mention("29:1GcS4EyB_oSI8A-88XmW")));
      assertThat(parsed("nudge <@8f0c2d1e-5b7a-4a4b-9c9c-1234567890ab>"))
          .as("an Entra object id").isEqualTo(new NudgePerson(new Mention("8f0c2d1e-5b7a-4a4b-9c9c-1234567890ab")));
    }

    @Test
    void helpRequestsAreListedAndMarkedDoneByNumber() {
      assertThat(parsed("help-requests")).isEqualTo(new HelpRequests(Optional.empty()));
      assertThat(parsed("help-requests \"Pilot 2026\"")).isEqualTo(new HelpRequests(Optional.of("Pilot 2026")));
      assertThat(parsed("help-requests done 12")).isEqualTo(new ResolveHelpRequest(12));
      assertThat(parsed("help-requests DONE #12")).isEqualTo(new ResolveHelpRequest(12));
      assertThat(refused("help-requests done")).contains("needs the request's number");
      assertThat(refused("help-requests done twelve")).contains("isn't a help request's number");
      assertThat(refused("help-requests done 0")).contains("isn't a help request's number");
      assertThat(refused("help-requests done 12 13")).contains("isn't a help request's number");
    }

    @Test
    void neverPair() {
      assertThat(parsed("never-pair <@U01ALEX> <@U02SAM>")).isEqualTo(new NeverPair(ALEX, SAM));
      assertThat(parsed("never pair <@U01ALEX> <@U02SAM>")).isEqualTo(new NeverPair(ALEX, SAM));
    }

    @Test
    void aPairingIsNamedByOneOfItsPeopleOrItsNumber() {
      assertThat(parsed("unpair <@U01ALEX>")).isEqualTo(new Unpair(new PairingRef.WithPerson(ALEX)));
      assertThat(parsed("unpair #42")).isEqualTo(new Unpair(new PairingRef.Numbered(42)));
      assertThat(parsed("unpair 42")).isEqualTo(new Unpair(new PairingRef.Numbered(42)));
      assertThat(parsed("pause <@U02SAM>")).isEqualTo(new PausePairing(new PairingRef.WithPerson(SAM)));
      assertThat(parsed("resume #7")).isEqualTo(new ResumePairing(new PairingRef.Numbered(7)));
    }

    @Test
    void nudge() {
      assertThat(parsed("nudge <@U01ALEX>")).isEqualTo(new NudgePerson(ALEX));
      assertThat(parsed("nudge at-risk")).isEqualTo(new NudgeAtRisk());
      assertThat(parsed("nudge at risk")).isEqualTo(new NudgeAtRisk());
      assertThat(parsed("nudge AT_RISK")).isEqualTo(new NudgeAtRisk());
    }

    @Test
    void forgetSomeoneElse() {
      assertThat(parsed("forget <@U01ALEX>")).isEqualTo(new Forget(ALEX));
    }
  }

  @Nested
  class ForAdmins {
    @Test
    void coordinatorAdd() {
      assertThat(parsed("coordinator add <@U01ALEX>")).isEqualTo(new AddCoordinator(ALEX, NO_PROGRAM));
      assertThat(parsed("coordinator add <@U01ALEX> \"Pilot 2026\"")).isEqualTo(new AddCoordinator(ALEX, PILOT));
      assertThat(parsed("coordinator add <@U01ALEX> Pilot 2026")).isEqualTo(new AddCoordinator(ALEX, PILOT));
    }
  }

  @Nested
  class HowPeopleType {
    @Test
    void aLeadingSlashCommandIsFine() {
      assertThat(parsed("/mentoring status")).isEqualTo(new Status(NO_PROGRAM));
      assertThat(parsed("/MENTORING   match   preview")).isEqualTo(new MatchPreview(NO_PROGRAM));
    }

    @Test
    void extraSpacesTabsAndLineBreaksAreOneSpace() {
      assertThat(parsed("  match\t\tpreview \n Pilot \u00A0 2026 ")).isEqualTo(new MatchPreview(PILOT));
      assertThat(parsed("\u200Bstatus")).as("a zero-width space from a paste").isEqualTo(new Status(NO_PROGRAM));
    }
  }
}
