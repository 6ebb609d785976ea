package org.rmbot.mentoring.conversation;

import org.rmbot.mentoring.matching.ProposalMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Form;
import org.rmbot.mentoring.command.Audience;
import org.rmbot.mentoring.command.HelpText;
import org.rmbot.mentoring.command.Invocation;
import org.rmbot.mentoring.matching.MatchProposal;
import org.rmbot.mentoring.matching.ProposedPair;
import org.rmbot.mentoring.matching.Side;
import org.rmbot.mentoring.matching.Unmatched;
import org.rmbot.mentoring.matching.UnmatchedReason;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.report.ProgramStatus;

/** Every reply and form of the desk that does not need a database, with long names and many items. */
public final class DeskSamples {
  private DeskSamples() {}

  public static List<ChatMessage> messages(String longName) {
    List<ChatMessage> out = new ArrayList<>();
    List<ProposedPair> pairs = new ArrayList<>();
    List<Unmatched> unmatched = new ArrayList<>();
    List<HelpRequests.Open> helpRequests = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      pairs.add(new ProposedPair(i, longName + i, 1000 + i, longName + "mentee " + i, 42, i % 7 == 0,
          "shared topics: " + longName + "; different departments; 3 h overlap in working hours"));
      unmatched.add(new Unmatched(5000 + i, longName + i, Side.MENTEE, new UnmatchedReason.CapacityTaken(3), "capacity: " + longName));
      helpRequests.add(new HelpRequests.Open(90_000 + i, 1, 2, longName + i, java.time.Instant.EPOCH,
          java.util.Optional.of(longName.repeat(2000 / Math.max(1, longName.length())))));
    }
    out.add(CoordinatorCommands.proposalMessage("Preview (nothing saved)", new MatchProposal(pairs, unmatched, 12_600)));
    out.add(CoordinatorCommands.statusMessage(new ProgramStatus(longName, "active", 4000, 4000,
        Map.of("active", 3900, "proposed", 50, "paused", 12, "ended", 3), 3000, 120, 7, 2)));
    out.add(HelpRequestCommands.listMessage(longName, helpRequests, java.time.ZoneId.of("Pacific/Chatham")));
    Program program = new Program(1, longName, longName, org.rmbot.mentoring.program.Direction.REVERSE,
        java.time.LocalDate.of(2026, 1, 5), java.time.LocalDate.of(2026, 7, 5), 14, 45,
        org.rmbot.mentoring.program.ProgramState.ACTIVE, org.rmbot.mentoring.program.ProgramSettings.defaults(),
        java.time.Instant.EPOCH);
    out.add(ReminderCommands.schedule(program, new org.rmbot.mentoring.nudge.NudgePolicy(
        java.util.Set.of(org.rmbot.mentoring.nudge.NudgeKind.MIDPOINT), java.time.Duration.ofMinutes(90),
        java.time.Duration.ofDays(1), java.util.Collections.nCopies(20, java.time.Duration.ofMinutes(1439)),
        java.time.Duration.ofHours(2), java.time.Duration.ofDays(2), 2, 3, true)));
    out.add(ProposalMessage.of(longName, true, 42, "shared topics: " + longName.repeat(20)));
    out.add(ProposalMessage.of(longName, false, 42, ""));
    for (Audience audience : Audience.values()) {
      String help = new HelpText(Invocation.SLASH_COMMAND).overview(audience);
      out.add(ChatMessage.of(help, new org.rmbot.mentoring.chat.Block.Section(help)));
    }
    out.add(Reply.say(longName.repeat(100)) instanceof Reply.Say say ? say.message() : null);
    return out;
  }

  public static List<Form> forms(Program program) {
    return List.of(JoinForm.form(program), ParticipantCommands.bookingForm(42), ParticipantCommands.reflectionForm(42));
  }
}
