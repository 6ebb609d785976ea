package org.rmbot.mentoring.nudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.chat.ChatPlatforms;
import org.rmbot.mentoring.feedback.FeedbackCampaignsInAuditLog;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.testing.FakeChatPlatform;
import org.rmbot.mentoring.testing.NudgeWorld;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/**
 * A worker claims five nudges and dies after the platform accepted the third message but
 * before it recorded it. Once the lease expires another worker delivers the rest; the third
 * is found on the platform by its delivery key instead of being sent again. Where the
 * platform cannot look messages up, it is sent twice: the stated bound of one duplicate per
 * send in flight at the crash.
 */
class LeaseExpiryTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();

  private static final Duration LEASE = Duration.ofMinutes(2);

  @Test
  void aDeadWorkersNudgesAreDeliveredAfterItsLeaseAndTheOneInFlightIsFoundNotResent() {
    Run run = crashThenRecover(true);
    assertThat(run.timesPerKey()).hasSize(5).allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1L));
    assertThat(run.rescue().count(DeliveringNudges.Outcome.ALREADY_SENT)).isEqualTo(1);
    assertThat(run.rescue().count(DeliveringNudges.Outcome.SENT)).isEqualTo(2);
  }

  @Test
  void withoutLookupTheDuplicateIsBoundedByTheSendsInFlight() {
    Run run = crashThenRecover(false);
    assertThat(run.timesPerKey()).hasSize(5);
    long duplicates = run.timesPerKey().values().stream().mapToLong(t -> t - 1).sum();
    // one send in flight (concurrency 1) when the worker died: at most one duplicate, and only that row
    assertThat(duplicates).isEqualTo(1);
    assertThat(run.rescue().count(DeliveringNudges.Outcome.SENT)).isEqualTo(3);
  }

  @Test
  void restartedUnderItsOwnNameAWorkerTakesItsRowsBackWithoutWaitingForTheLease() {
    Run run = crashThenRecover(true, true);
    assertThat(run.timesPerKey()).hasSize(5).allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1L));
    assertThat(run.rescue().count(DeliveringNudges.Outcome.ALREADY_SENT)).isEqualTo(1);
    assertThat(run.rescue().count(DeliveringNudges.Outcome.SENT)).isEqualTo(2);
  }

  record Run(Map<String, Long> timesPerKey, DeliveringNudges.Report rescue) {}

  private Run crashThenRecover(boolean platformCanLookUp) {
    return crashThenRecover(platformCanLookUp, false);
  }

  private Run crashThenRecover(boolean platformCanLookUp, boolean restartedUnderItsName) {
    World world = new World(db.jdbi());
    world.clock.moveTo(Instant.parse("2026-01-05T10:00:00Z"));
    NudgeWorld setup = NudgeWorld.onFakeSlack(world);
    Program program = world.aReverseProgram();
    List<PlannedNudge> due = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Person person = setup.aPersonIn("Person " + i, "Europe/London");
      due.add(new PlannedNudge(program.id(), null, person.id(), Audience.PERSON, NudgeKind.KICKOFF, "kickoff",
          world.clock.instant(), null));
    }
    setup.ledger.plan(due);
    FakeChatPlatform slack = platformCanLookUp ? FakeChatPlatform.slack(world.clock)
        : FakeChatPlatform.slack(world.clock).withoutLookup();
    slack.crashAfterSends(2);

    try (DeliveringNudges doomed = worker(world, setup, slack, "doomed");
        DeliveringNudges rescuer = worker(world, setup, slack, restartedUnderItsName ? "doomed" : "rescuer")) {
      assertThatThrownBy(doomed::dispatchDue).isInstanceOf(FakeChatPlatform.SimulatedCrash.class);
      assertThat(slack.deliveries()).hasSize(3);
      assertThat(setup.ledger.countByState()).containsEntry(NudgeState.SENT, 2).containsEntry(NudgeState.SENDING, 3);

      assertThat(rescuer.dispatchDue().claimed()).as("the dead worker's leases still hold").isZero();
      if (restartedUnderItsName) {
        assertThat(rescuer.releaseLeasesOfEarlierRun()).isEqualTo(3);
      } else {
        world.clock.advance(LEASE);
      }
      DeliveringNudges.Report rescue = rescuer.dispatchDue();

      assertThat(setup.ledger.countByState()).containsExactly(Map.entry(NudgeState.SENT, 5));
      Map<String, Long> times = slack.deliveries().stream()
          .collect(Collectors.groupingBy(d -> d.message().deliveryKey(), Collectors.counting()));
      return new Run(times, rescue);
    } finally {
      setup.close();
    }
  }

  private static DeliveringNudges worker(World world, NudgeWorld setup, FakeChatPlatform slack, String owner) {
    return new DeliveringNudges(world.jdbi, setup.ledger, world.meetings, new ChatPlatforms(slack),
        new DeliveryLimits(world.clock), new FeedbackCampaignsInAuditLog(world.audit), world.clock,
        new DeliveringNudges.Settings(owner, LEASE, 5, 1, RetryPolicy.defaults()));
  }
}
