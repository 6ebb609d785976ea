package org.rmbot.mentoring.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.testing.NudgeWorld;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

class NudgeLedgerTest {
  @RegisterExtension final TestDatabase db = new TestDatabase(12);

  private World world;
  private NudgeWorld nudges;
  private ExecutorService threads;

  @BeforeEach
  void setUp() {
    world = new World(db.jdbi());
    nudges = NudgeWorld.onFakeSlack(world);
    threads = Executors.newFixedThreadPool(8);
  }

  @AfterEach
  void tearDown() {
    threads.shutdownNow();
    nudges.close();
  }

  @Test
  void planningTwiceOrByFourInstancesAtOnceMakesEachNudgeOnce() throws Exception {
    Program program = world.aReverseProgram();
    world.programs.changeState(program.id(), ProgramState.ACTIVE);
    int pairs = 40;
    for (int i = 0; i < pairs; i++) {
      nudges.activePairing(program, nudges.mentor(program, nudges.aPersonIn("Mentor " + i, "Europe/London")),
          nudges.mentee(program, nudges.aPersonIn("Mentee " + i, "Asia/Tokyo")));
    }
    List<Callable<Integer>> instances = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      PlanningNudges planner = new PlanningNudges(db.jdbi(), new NudgeLedgerInDatabase(db.jdbi(), world.clock),
          world.clock, new PlanningNudges.Settings(Duration.ofDays(1), Duration.ofDays(14), 7));
      instances.add(planner::planDue);
    }
    int planned = 0;
    for (Future<Integer> done : threads.invokeAll(instances)) {
      planned += done.get();
    }

    // introduction, "book the first meeting" and the preparation prompt per pair, kickoff per participant
    int expected = pairs * 3 + pairs * 2;
    assertThat(planned).isEqualTo(expected);
    List<Nudge> rows = nudges.ledger.ofProgram(program.id());
    assertThat(rows).hasSize(expected);
    assertThat(rows.stream().map(Nudge::idempotencyKey).distinct()).hasSize(expected);
    assertThat(nudges.planning.planDue()).as("planning again adds nothing").isZero();
    assertThat(nudges.milestones.ofProgram(program.id())).as("and the program's kickoff self-assessment campaign, once")
        .hasSize(1);
  }

  @Test
  void theSameNudgePlannedFromEightThreadsAtOnceIsOneRow() throws Exception {
    Program program = world.aReverseProgram();
    Person person = nudges.aPersonIn("Ada Lovelace", "Europe/London");
    PlannedNudge nudge = new PlannedNudge(program.id(), null, person.id(), Audience.PERSON, NudgeKind.KICKOFF,
        "kickoff", world.clock.instant(), null);
    List<Callable<Integer>> tries = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      NudgeLedger ledger = new NudgeLedgerInDatabase(db.jdbi(), world.clock);
      tries.add(() -> ledger.plan(List.of(nudge)));
    }
    int inserted = 0;
    for (Future<Integer> done : threads.invokeAll(tries)) {
      inserted += done.get();
    }
    assertThat(inserted).isEqualTo(1);
    assertThat(nudges.ledger.ofProgram(program.id())).singleElement()
        .satisfies(n -> assertThat(n.idempotencyKey()).isEqualTo("kickoff/program:" + program.id() + "/person:"
            + person.id() + "/kickoff"));
  }

  @Test
  void concurrentClaimersNeverShareARowAndAStaleOwnerChangesNothing() throws Exception {
    Program program = world.aReverseProgram();
    List<PlannedNudge> due = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Person person = nudges.aPersonIn("Person " + i, "Europe/London");
      due.add(new PlannedNudge(program.id(), null, person.id(), Audience.PERSON, NudgeKind.KICKOFF, "kickoff",
          world.clock.instant(), null));
    }
    nudges.ledger.plan(due);
    List<Callable<List<Nudge>>> claimers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String owner = "worker-" + i;
      claimers.add(() -> nudges.ledger.claimDue(owner, Duration.ofMinutes(1), 30));
    }
    Set<Long> claimed = new HashSet<>();
    int total = 0;
    for (Future<List<Nudge>> done : threads.invokeAll(claimers)) {
      for (Nudge n : done.get()) {
        claimed.add(n.id());
        total++;
      }
    }
    assertThat(total).as("no row claimed twice").isEqualTo(claimed.size()).isEqualTo(100);

    Nudge one = nudges.ledger.claimDue("late", Duration.ofMinutes(1), 1).stream().findFirst().orElse(null);
    assertThat(one).as("everything is leased").isNull();
    world.clock.advance(Duration.ofMinutes(1));
    Nudge reclaimed = nudges.ledger.claimDue("rescuer", Duration.ofMinutes(1), 1).get(0);
    String staleOwner = nudges.ledger.findById(reclaimed.id()).map(Nudge::leaseOwner).orElseThrow();
    assertThat(staleOwner).isEqualTo("rescuer");
    for (int i = 0; i < 6; i++) {
      assertThat(nudges.ledger.markSent(reclaimed.id(), "worker-" + i, "m1")).isFalse();
    }
    assertThat(nudges.ledger.markSent(reclaimed.id(), "rescuer", "m1")).isTrue();
    assertThat(nudges.ledger.findById(reclaimed.id()).orElseThrow().state()).isEqualTo(NudgeState.SENT);
    // the other 99 leases ended with the minute that passed: they are due again now
    assertThat(nudges.ledger.nextAttemptAt()).contains(world.clock.instant());
  }
}
