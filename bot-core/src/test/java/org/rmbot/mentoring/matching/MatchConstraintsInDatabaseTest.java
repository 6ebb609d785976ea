package org.rmbot.mentoring.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.participant.Enrolment;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/** The reporting lines the matcher avoids, as stored: the other rules are exercised by MatchmakingTest. */
class MatchConstraintsInDatabaseTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();

  @Test
  void eachPersonsManagerComesFromTheirLatestEnrolmentThatNamesOne() {
    World world = new World(db.jdbi());
    MatchConstraints constraints = new MatchConstraintsInDatabase(db.jdbi(), world.clock);
    Program spring = world.aReverseProgram();
    Program autumn = world.aReverseProgram();
    Person ada = world.aPerson("Ada");
    Person bea = world.aPerson("Bea");
    Person firstBoss = world.aPerson("First Boss");
    Person laterBoss = world.aPerson("Later Boss");
    enrol(world, spring, ada, firstBoss.id());
    enrol(world, spring, bea, null);
    world.clock.advance(Duration.ofDays(30));
    enrol(world, autumn, ada, laterBoss.id());

    assertThat(constraints.managers()).isEqualTo(Map.of(ada.id(), laterBoss.id()));
  }

  private static void enrol(World world, Program program, Person person, Long manager) {
    world.participants.enrol(new Enrolment(program.id(), person.id(), Role.MENTEE, 5, "Finance", manager,
        Set.of("allyship"), Set.of("strategy"), Set.of("English"), 1, true));
  }
}
