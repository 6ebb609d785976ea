package org.rmbot.mentoring.infra.desk;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.ChatPlatforms;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.conversation.ChatDesk;
import org.rmbot.mentoring.conversation.Reply;
import org.rmbot.mentoring.infra.Wiring;
import org.rmbot.mentoring.nudge.DeliveringNudges;
import org.rmbot.mentoring.nudge.DeliveryLimits;
import org.rmbot.mentoring.nudge.LedgerNotifications;
import org.rmbot.mentoring.nudge.RetryPolicy;
import org.rmbot.mentoring.nudge.schedule.NudgeScheduler;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.persistence.Database;
import org.rmbot.mentoring.privacy.SealedBox;
import org.rmbot.mentoring.privacy.SecretKey;
import org.rmbot.mentoring.testing.FakeChatPlatform;
import org.rmbot.mentoring.testing.World;

/**
 * The chat desk as the application wires it ({@link Wiring}), on a test database, a movable
 * clock and a fake Slack: people talk to it as callers, and the nudge schedule's deliveries
 * land on the fake platform. {@code UADMIN} is a workspace admin from configuration.
 */
final class DeskWorld implements AutoCloseable {
  static final String WORKSPACE = "T-ACME";
  static final SecretKey SECRET = SecretKey.of("a-desk-test-secret-that-is-long-enough-1234567");

  final World world;
  final Wiring.Core core;
  final Wiring.Nudges nudges;
  final FakeChatPlatform slack;
  final ChatDesk desk;

  DeskWorld(Database database) {
    world = new World(database.jdbi());
    // a Monday, 10:00 in London: inside everyone's working hours
    world.clock.moveTo(Instant.parse("2026-01-05T10:00:00Z"));
    core = Wiring.core(database, world.clock, Set.of(new PlatformIdentity(Platform.SLACK, WORKSPACE, "UADMIN")));
    slack = FakeChatPlatform.slack(world.clock);
    ChatPlatforms platforms = new ChatPlatforms(slack);
    nudges = Wiring.nudges(core, database, world.clock, SECRET, platforms, new DeliveryLimits(world.clock),
        new DeliveringNudges.Settings("desk-test", Duration.ofMinutes(2), 100, 1, RetryPolicy.defaults()),
        NudgeScheduler.Settings.defaults("desk-test"));
    LedgerNotifications notifications = new LedgerNotifications(nudges.ledger(), nudges.planning(), core.participants(),
        core.programs(), world.clock);
    desk = Wiring.desk(core, database, world.clock, new SealedBox(SECRET), notifications,
        org.rmbot.mentoring.conversation.Directory.NONE, nudges.feedback(), platforms);
  }

  /** Someone in the workspace whose profile gives their name and email; known to the bot once they speak. */
  static Caller caller(String userId, String name) {
    return new Caller(new PlatformIdentity(Platform.SLACK, WORKSPACE, userId), name,
        Optional.of(name.toLowerCase().replace(' ', '.') + "@example.com"), Optional.of(ZoneId.of("Europe/London")));
  }

  Reply say(Caller caller, String text) {
    return desk.command(caller, text);
  }

  Reply click(Caller caller, String actionId, String value) {
    return desk.action(caller, actionId, value);
  }

  Reply submit(Caller caller, String formId, Map<String, String> values) {
    return desk.submit(caller, formId, values);
  }

  /** All the words of a reply's message, readable: bold as {@code *bold*}, commands as {@code `join`}. */
  static String text(Reply reply) {
    if (reply instanceof Reply.Say say) {
      return text(say.message());
    }
    if (reply instanceof Reply.Replace replace) {
      return text(replace.message());
    }
    return reply.toString();
  }

  static String text(ChatMessage message) {
    List<String> parts = new ArrayList<>(List.of(message.fallbackText()));
    for (Block b : message.blocks()) {
      if (b instanceof Block.Section s) {
        parts.add(s.text());
      } else if (b instanceof Block.Context c) {
        parts.add(c.text());
      } else if (b instanceof Block.Fields f) {
        f.fields().forEach(x -> parts.add(x.label() + ": " + x.value()));
      }
    }
    return org.rmbot.mentoring.chat.Markup.readable(String.join("\n", parts));
  }

  /** The first button of a reply's message. */
  static Block.Button button(Reply reply) {
    ChatMessage message = reply instanceof Reply.Say say ? say.message() : ((Reply.Replace) reply).message();
    return message.blocks().stream().filter(Block.Actions.class::isInstance).map(Block.Actions.class::cast)
        .findFirst().orElseThrow(() -> new AssertionError("no button in " + text(reply))).buttons().get(0);
  }

  /** Delivers everything due, letting the clock move past short rate-limit waits as it would. */
  void deliver() {
    for (int pass = 0; pass < 50; pass++) {
      nudges.campaigns().runDue();
      nudges.delivering().dispatchAllDue();
      Instant now = world.clock.instant();
      var next = nextDueAt().filter(t -> t.isBefore(now.plus(Duration.ofMinutes(1))));
      if (next.isEmpty()) {
        return;
      }
      world.clock.moveTo(next.get().isAfter(now) ? next.get() : now);
    }
  }

  /** When the next nudge or campaign milestone is due. */
  Optional<Instant> nextDueAt() {
    return java.util.stream.Stream.of(nudges.ledger().nextAttemptAt(), nudges.milestones().nextDueAt())
        .flatMap(Optional::stream).min(Instant::compareTo);
  }

  int count(String sql) {
    return world.jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }

  /**
   * The ballot token in the latest invitation to this campaign the person received (deliver
   * first): what their "Answer anonymously" button carries.
   */
  String token(Caller who, long campaignId) {
    String found = tokenOrNull(who, campaignId);
    if (found == null) {
      throw new AssertionError("no invitation to campaign " + campaignId + " for " + who.identity().userId());
    }
    return found;
  }

  /** As {@link #token}, or null when no invitation to that campaign reached them. */
  String tokenOrNull(Caller who, long campaignId) {
    List<FakeChatPlatform.Delivery> received = slack.to(who.identity().userId());
    for (int i = received.size() - 1; i >= 0; i--) {
      FakeChatPlatform.Delivery d = received.get(i);
      for (org.rmbot.mentoring.chat.Block b : d.message().blocks()) {
        if (b instanceof org.rmbot.mentoring.chat.Block.Actions actions) {
          for (org.rmbot.mentoring.chat.Block.Button button : actions.buttons()) {
            if (button.actionId().equals(org.rmbot.mentoring.feedback.FeedbackInvitation.OPEN_FORM)
                && button.value().startsWith("b2." + campaignId + ".")) {
              return button.value();
            }
          }
        }
      }
    }
    return null;
  }

  @Override
  public void close() {
    nudges.close();
  }
}
