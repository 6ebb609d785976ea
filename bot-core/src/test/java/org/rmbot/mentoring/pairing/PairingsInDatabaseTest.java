package org.rmbot.mentoring.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.common.Outcome;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

class PairingsInDatabaseTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private World world;
  private Program program;
  private Participant mentor;
  private Participant mentee;

  @BeforeEach
  void setUp() {
    world = new World(db.jdbi());
    program = world.aReverseProgram();
    mentor = world.aJuniorMentor(program);
    mentee = world.aSeniorMentee(program);
  }

  @Test
  void aPairingBecomesActiveOnlyWhenBothSidesAccept() {
    Pairing proposed = world.pairings.propose(program.id(), mentor.id(), mentee.id(), 42, "shared topics: allyship", false);
    PairingLifecycle lifecycle = new PairingLifecycle(world.pairings);

    Pairing half = lifecycle.apply(proposed.id(), PairingEvent.MENTEE_ACCEPTS).value();
    assertThat(half.state()).isEqualTo(PairingState.ACCEPTED_BY_MENTEE);
    assertThat(half.activatedAt()).isNull();

    world.clock.advance(Duration.ofHours(3));
    Pairing active = lifecycle.apply(proposed.id(), PairingEvent.MENTOR_ACCEPTS).value();
    assertThat(active.state()).isEqualTo(PairingState.ACTIVE);
    assertThat(active.activatedAt()).isEqualTo(world.clock.instant());
    assertThat(active.version()).isEqualTo(2);
  }

  @Test
  void anIllegalMoveIsRejectedAndChangesNothing() {
    Pairing proposed = world.pairings.propose(program.id(), mentor.id(), mentee.id(), 1, "", false);
    Outcome<Pairing> outcome = new PairingLifecycle(world.pairings).apply(proposed.id(), PairingEvent.PAUSE);
    assertThat(outcome).isEqualTo(Outcome.rejected("only an active pairing can be paused (this one is proposed)"));
    assertThat(world.pairings.findById(proposed.id()).orElseThrow()).isEqualTo(proposed);
  }

  @Test
  void aStaleVersionLosesTheRace() {
    Pairing proposed = world.pairings.propose(program.id(), mentor.id(), mentee.id(), 1, "", false);
    assertThat(world.pairings.moveTo(proposed.id(), 0, PairingState.ACCEPTED_BY_MENTOR)).isTrue();
    assertThat(world.pairings.moveTo(proposed.id(), 0, PairingState.DECLINED)).isFalse();
    assertThat(world.pairings.findById(proposed.id()).orElseThrow().state()).isEqualTo(PairingState.ACCEPTED_BY_MENTOR);
  }

  @Test
  void theDatabaseRefusesASecondOpenPairingForOneMentee() {
    world.pairings.propose(program.id(), mentor.id(), mentee.id(), 1, "", false);
    Participant otherMentor = world.aJuniorMentor(program);
    assertThatThrownBy(() -> world.pairings.propose(program.id(), otherMentor.id(), mentee.id(), 1, "", false))
        .isInstanceOf(UnableToExecuteStatementException.class)
        .hasMessageContaining("pairing_one_open_per_mentee");
  }

  @Test
  void aDeclinedPairingFreesTheMenteeAndIsClosed() {
    Pairing first = world.pairings.propose(program.id(), mentor.id(), mentee.id(), 1, "", false);
    Pairing declined = new PairingLifecycle(world.pairings).apply(first.id(), PairingEvent.DECLINE).value();
    assertThat(declined.closedAt()).isEqualTo(world.clock.instant());
    assertThat(world.pairings.openFor(mentee.id())).isEmpty();
    Participant otherMentor = world.aJuniorMentor(program);
    assertThat(world.pairings.propose(program.id(), otherMentor.id(), mentee.id(), 1, "", false).state())
        .isEqualTo(PairingState.PROPOSED);
  }

  @Test
  void openPairingsAreFoundFromEitherSideAndEveryPairingOfTheProgramIsListed() {
    Pairing declined = world.pairings.propose(program.id(), mentor.id(), mentee.id(), 1, "", false);
    world.pairings.moveTo(declined.id(), 0, PairingState.DECLINED);
    Pairing open = world.pairings.propose(program.id(), mentor.id(), mentee.id(), 2, "again", true);

    assertThat(open.state()).isEqualTo(PairingState.PROPOSED);
    assertThat(open.pinned()).isTrue();
    assertThat(world.pairings.openFor(mentor.id())).containsExactly(open);
    assertThat(world.pairings.openFor(mentee.id())).containsExactly(open);
    assertThat(world.pairings.inProgram(program.id())).extracting(Pairing::id).containsExactly(declined.id(), open.id());
  }
}
