package org.rmbot.mentoring.nudge.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.chat.ChatFailure;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.ChatPlatform;
import org.rmbot.mentoring.chat.ChatPlatforms;
import org.rmbot.mentoring.chat.Conversation;
import org.rmbot.mentoring.feedback.FeedbackCampaignsInAuditLog;
import org.rmbot.mentoring.nudge.Audience;
import org.rmbot.mentoring.nudge.DeliveringNudges;
import org.rmbot.mentoring.nudge.DeliveryLimits;
import org.rmbot.mentoring.nudge.NudgeKind;
import org.rmbot.mentoring.nudge.NudgeLedger;
import org.rmbot.mentoring.nudge.NudgeLedgerInDatabase;
import org.rmbot.mentoring.nudge.NudgeState;
import org.rmbot.mentoring.nudge.OpeningAndClosingCampaigns;
import org.rmbot.mentoring.nudge.PlannedNudge;
import org.rmbot.mentoring.nudge.PlanningNudges;
import org.rmbot.mentoring.nudge.RetryPolicy;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.testing.FakeChatPlatform;
import org.rmbot.mentoring.testing.NudgeWorld;
import org.rmbot.mentoring.testing.Poll;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/**
 * Two bot instances in one JVM, each with its own Quartz scheduler (same cluster name,
 * different instance ids) on the JDBC JobStore of one test database: every due nudge is
 * delivered exactly once between them.
 */
class ClusteredSchedulersTest {
  @RegisterExtension final TestDatabase db = new TestDatabase(12);

  private static final int NUDGES = 240;

  @Test
  void twoClusteredSchedulersDeliverEveryNudgeExactlyOnce() throws Exception {
    World world = new World(db.jdbi());
    world.clock.moveTo(Instant.parse("2026-01-05T10:00:00Z"));
    NudgeWorld setup = NudgeWorld.onFakeSlack(world);
    Program program = world.aReverseProgram();
    world.programs.changeState(program.id(), ProgramState.ACTIVE);
    List<PlannedNudge> due = new ArrayList<>();
    for (int i = 0; i < NUDGES; i++) {
      Person person = setup.aPersonIn("Person " + i, "Europe/London");
      due.add(new PlannedNudge(program.id(), null, person.id(), Audience.PERSON, NudgeKind.KICKOFF, "kickoff",
          world.clock.instant(), null));
    }
    NudgeLedger ledger = new NudgeLedgerInDatabase(db.jdbi(), world.clock);
    assertThat(ledger.plan(due)).isEqualTo(NUDGES);

    FakeChatPlatform slack = FakeChatPlatform.slack(world.clock);
    List<NudgeScheduler> schedulers = new ArrayList<>();
    List<DeliveringNudges> deliveries = new ArrayList<>();
    Map<String, AtomicInteger> sentBy = new java.util.concurrent.ConcurrentHashMap<>();
    try {
      for (String instance : List.of("node-a", "node-b")) {
        AtomicInteger count = sentBy.computeIfAbsent(instance, k -> new AtomicInteger());
        DeliveringNudges delivering = new DeliveringNudges(db.jdbi(), ledger, world.meetings,
            new ChatPlatforms(new Counting(slack, count)),
            // the movable clock stands still here, so give the buckets room for every message
            new DeliveryLimits(world.clock, Map.of(Platform.SLACK, new DeliveryLimits.PlatformLimits(
                List.of(new DeliveryLimits.Band(1000, 1000, Duration.ofSeconds(1))),
                List.of(new DeliveryLimits.Band(1, 1, Duration.ofSeconds(1))))), 1000),
            new FeedbackCampaignsInAuditLog(world.audit), world.clock,
            new DeliveringNudges.Settings(instance, Duration.ofMinutes(2), 10, 2, RetryPolicy.defaults()));
        deliveries.add(delivering);
        NudgeScheduler scheduler = NudgeScheduler.create(db.database().dataSource(),
            new PlanningNudges(db.jdbi(), ledger, world.clock), delivering,
            new OpeningAndClosingCampaigns(db.jdbi(), new FeedbackCampaignsInAuditLog(world.audit), world.clock),
            new NudgeScheduler.Settings(instance, Duration.ofSeconds(1), Duration.ofMillis(50), 3, Duration.ofSeconds(2)));
        schedulers.add(scheduler);
      }
      schedulers.forEach(NudgeScheduler::start);

      // the planner also plans the program's kickoff campaign (a milestone, not a message), which both instances' job may run
      assertThat(Poll.until(Duration.ofSeconds(60),
          () -> ledger.countByState().getOrDefault(NudgeState.SENT, 0) == NUDGES
              && setup.milestones.nextDueAt().isEmpty())).as("all sent in time").isTrue();
    } finally {
      schedulers.forEach(s -> s.shutdown(true));
      deliveries.forEach(DeliveringNudges::close);
      setup.close();
    }

    assertThat(ledger.countByState()).containsExactly(Map.entry(NudgeState.SENT, NUDGES));
    assertThat(world.audit.ofProgram(program.id())).as("the campaign opened once between them")
        .filteredOn(e -> e.action().equals("open feedback campaign")).extracting(e -> e.subject())
        .containsExactly("campaign:kickoff");
    Map<String, Long> perKey = slack.deliveries().stream()
        .collect(Collectors.groupingBy(d -> d.message().deliveryKey(), Collectors.counting()));
    assertThat(perKey).hasSize(NUDGES).allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1L));
    assertThat(sentBy.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(NUDGES);
    System.out.println("deliveries per instance: " + sentBy);
  }

  /** Counts what one instance sent, passing everything through to the shared fake platform. */
  private record Counting(ChatPlatform inner, AtomicInteger sent) implements ChatPlatform {
    @Override
    public Platform platform() {
      return inner.platform();
    }

    @Override
    public Conversation openDirect(PlatformIdentity person) throws ChatFailure {
      return inner.openDirect(person);
    }

    @Override
    public Conversation openGroup(List<PlatformIdentity> people) throws ChatFailure {
      return inner.openGroup(people);
    }

    @Override
    public String send(Conversation conversation, ChatMessage message) throws ChatFailure {
      String id = inner.send(conversation, message);
      sent.incrementAndGet();
      return id;
    }

    @Override
    public void update(Conversation conversation, String messageId, ChatMessage message) throws ChatFailure {
      inner.update(conversation, messageId, message);
    }

    @Override
    public String upload(Conversation conversation, byte[] content, String fileName, String title) throws ChatFailure {
      return inner.upload(conversation, content, fileName, title);
    }
  }

}
