package org.rmbot.mentoring.nudge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.chat.ChatMessage;

/** Every nudge the bot can send, rendered for one pairing: for adapters' limit and schema tests. */
public final class NudgeSamples {
  private NudgeSamples() {}

  public static List<ChatMessage> render(Jdbi jdbi, long programId, long pairingId, long recipientPersonId,
      long helpRequestId, Instant now) {
    // feedback invitations are rendered by the feedback package and checked by its own tests
    NudgeMessages messages = new NudgeMessages(new DeliveryContexts(jdbi), (program, kind) -> { });
    DeliveryContexts contexts = new DeliveryContexts(jdbi);
    List<ChatMessage> out = new ArrayList<>();
    long id = 1;
    for (NudgeKind kind : NudgeKind.values()) {
      if (kind == NudgeKind.FEEDBACK_INVITATION) {
        continue;
      }
      boolean pairLevel = kind == NudgeKind.INTRODUCTION;
      boolean programLevel = kind == NudgeKind.HELP_REQUEST || kind == NudgeKind.COORDINATOR_NUDGE
          || kind == NudgeKind.KICKOFF || kind == NudgeKind.MIDPOINT || kind == NudgeKind.CLOSING;
      // each kind with a window of the form it is planned with (a reminder both a day and an hour ahead)
      List<String> windows = switch (kind) {
        case HELP_REQUEST -> List.of("help:" + helpRequestId);
        case MEETING_REMINDER -> List.of("meeting:0@" + now.plusSeconds(86_400).getEpochSecond() + "/PT24H",
            "meeting:0@" + now.plusSeconds(86_400).getEpochSecond() + "/PT1H");
        case UNMATCHED -> List.of("pool:0:rules", "pool:0:full");
        default -> List.of("window:2026-01-19");
      };
      for (String window : windows) {
        Nudge nudge = new Nudge(id++, "sample/" + kind + "/" + window, programId, programLevel ? null : pairingId,
            pairLevel ? null : recipientPersonId, pairLevel ? Audience.PAIR : Audience.PERSON, kind, window, now, null,
            NudgeState.PLANNED, 0, now, null, null, null, null, null, now, null);
        DeliveryContext ctx = contexts.load(nudge).orElseThrow();
        out.add(messages.render(ctx, now.plusSeconds(86_400)));
      }
    }
    return out;
  }
}
