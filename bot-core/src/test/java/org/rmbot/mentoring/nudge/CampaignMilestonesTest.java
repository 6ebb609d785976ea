package org.rmbot.mentoring.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.feedback.Campaign;
import org.rmbot.mentoring.feedback.FeedbackCampaigns;
import org.rmbot.mentoring.feedback.Purpose;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.privacy.SecretKey;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.testing.NudgeWorld;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/**
 * The campaign milestones: planned at the program's milestones, opened and closed by their own
 * job at the planned instant, each exactly once however many workers run it.
 */
class CampaignMilestonesTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();

  private static final SecretKey SECRET = SecretKey.of("a-milestone-test-secret-that-is-long-enough-7");
  /** The program's first day, 09:00 in London (its zone): when the kickoff campaign opens. */
  private static final Instant KICKOFF_OPENS = Instant.parse("2026-01-05T09:00:00Z");

  private World world;
  private NudgeWorld nudges;
  private Program program;

  @BeforeEach
  void setUp() {
    world = new World(db.jdbi());
    world.clock.moveTo(Instant.parse("2026-01-05T08:00:00Z"));
    nudges = NudgeWorld.withFeedback(world, SECRET);
    program = world.aReverseProgram();
    world.programs.changeState(program.id(), ProgramState.ACTIVE);
    for (int i = 1; i <= 3; i++) {
      Person mentor = nudges.aPersonIn("Mentor " + i, "Europe/London");
      Person mentee = nudges.aPersonIn("Mentee " + i, "Europe/London");
      nudges.activePairing(program, nudges.mentor(program, mentor), nudges.mentee(program, mentee));
    }
  }

  @AfterEach
  void tearDown() {
    nudges.close();
  }

  @Test
  void theKickoffIsPlannedAsAMilestoneAtNineInTheProgramsZoneNotAsALedgerRow() {
    nudges.planning.planDue();
    nudges.planning.planDue();

    assertThat(nudges.milestones.ofProgram(program.id())).extracting(CampaignMilestones.Entry::milestone)
        .containsExactly(new CampaignMilestone.Open(program.id(), FeedbackCampaigns.Kind.KICKOFF, KICKOFF_OPENS));
    assertThat(nudges.milestones.nextDueAt()).contains(KICKOFF_OPENS);
    assertThat(nudges.ledger.ofProgram(program.id())).as("the ledger carries messages only")
        .allMatch(n -> n.recipientPersonId() != null || n.audience() == Audience.PAIR);
  }

  @Test
  void aDueOpeningOpensTheCampaignOnceThoughTwoWorkersClaimItAtTheSameTime() throws Exception {
    nudges.planning.planDue();
    world.clock.moveTo(KICKOFF_OPENS.minusSeconds(1));
    assertThat(nudges.campaigns.runDue()).as("not due yet").isZero();
    world.clock.moveTo(KICKOFF_OPENS);

    // the first worker holds the milestone, halfway through opening it, while the second one runs
    CountDownLatch opening = new CountDownLatch(1);
    CountDownLatch goOn = new CountDownLatch(1);
    FeedbackCampaigns slow = (programId, kind) -> {
      opening.countDown();
      await(goOn);
      nudges.feedback.open(programId, kind);
    };
    OpeningAndClosingCampaigns first = new OpeningAndClosingCampaigns(world.jdbi, slow, world.clock);
    CompletableFuture<Integer> firstDid = CompletableFuture.supplyAsync(first::runDue);
    assertThat(opening.await(30, TimeUnit.SECONDS)).isTrue();
    int secondDid = nudges.campaigns.runDue();
    goOn.countDown();

    assertThat(secondDid).as("the second worker skips what the first holds").isZero();
    assertThat(firstDid.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(nudges.campaigns.runDue()).as("running the job again does nothing").isZero();

    assertThat(nudges.feedback.campaigns(program.id())).singleElement().satisfies(c -> {
      assertThat(c.purpose()).isEqualTo(Purpose.PRE_SURVEY);
      assertThat(c.openedAt()).isEqualTo(KICKOFF_OPENS);
    });
    assertThat(world.audit.ofProgram(program.id())).filteredOn(e -> e.action().equals("feedback open")).hasSize(1);
    assertThat(nudges.milestones.ofProgram(program.id())).filteredOn(m -> m.milestone() instanceof CampaignMilestone.Open)
        .singleElement().satisfies(m -> {
          assertThat(m.doneAt()).isEqualTo(KICKOFF_OPENS);
          assertThat(m.switchedOff()).isFalse();
        });
  }

  @Test
  void aCloseMilestoneClosesTheCampaignAtItsClosingTime() {
    nudges.planning.planDue();
    world.clock.moveTo(KICKOFF_OPENS);
    nudges.campaigns.runDue();
    Campaign campaign = nudges.feedback.campaigns(program.id()).get(0);
    assertThat(nudges.milestones.ofProgram(program.id())).extracting(CampaignMilestones.Entry::milestone)
        .contains(new CampaignMilestone.Close(program.id(), campaign.id(), campaign.closesAt()));

    world.clock.moveTo(campaign.closesAt().minusSeconds(1));
    nudges.campaigns.runDue();
    assertThat(released()).isZero();

    world.clock.moveTo(campaign.closesAt());
    assertThat(nudges.campaigns.runDue()).isEqualTo(1);
    assertThat(released()).isEqualTo(1);
    assertThat(world.audit.ofProgram(program.id())).filteredOn(e -> e.action().equals("feedback released")).hasSize(1);
    assertThat(nudges.milestones.nextDueAt()).isEmpty();
    assertThat(nudges.campaigns.runDue()).isZero();
  }

  @Test
  void anOpeningDueAfterTheProgramSwitchedCampaignsOffOpensNothing() {
    nudges.planning.planDue();
    new NudgePolicies(world.jdbi).switchKind(program.id(), NudgePolicy.FEEDBACK_CAMPAIGNS, false);
    world.clock.moveTo(KICKOFF_OPENS.plus(Duration.ofMinutes(5)));

    assertThat(nudges.campaigns.runDue()).isEqualTo(1);
    assertThat(nudges.feedback.campaigns(program.id())).isEmpty();
    assertThat(nudges.milestones.ofProgram(program.id())).singleElement()
        .satisfies(m -> assertThat(m.switchedOff()).isTrue());
  }

  private int released() {
    return world.jdbi.withHandle(h -> h.createQuery("select count(*) from feedback_campaign where released")
        .mapTo(Integer.class).one());
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
