package org.rmbot.mentoring.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

class ParticipantsInDatabaseTest {
  private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

  @RegisterExtension final TestDatabase db = new TestDatabase();
  private World world;
  private Program program;

  @BeforeEach
  void setUp() {
    world = new World(db.jdbi());
    program = world.aReverseProgram();
  }

  @Test
  void enrollingAgainUpdatesTheEnrolmentAndKeepsTheFirstConsent() {
    Person ana = world.aPerson("Ana");
    Person boss = world.aPerson("Boss");
    Participant first = world.participants.enrol(new Enrolment(program.id(), ana.id(), Role.MENTOR, 2, " Engineering ",
        null, Set.of("allyship"), Set.of("strategy"), Set.of("English"), 1, true));
    world.clock.advance(Duration.ofDays(1));
    Participant again = world.participants.enrol(new Enrolment(program.id(), ana.id(), Role.MENTOR, 3, "Finance",
        boss.id(), Set.of("b", "a"), Set.of(), Set.of("English", "Hindi"), 2, false));

    assertThat(first.department()).isEqualTo("Engineering");
    assertThat(first.manager()).isEmpty();
    assertThat(first.status()).isEqualTo(ParticipantStatus.ACTIVE);
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.grade()).isEqualTo(3);
    assertThat(again.manager()).contains(boss.id());
    assertThat(again.topicsOffered()).containsExactlyInAnyOrder("a", "b");
    assertThat(again.topicsSought()).isEmpty();
    assertThat(again.capacity()).isEqualTo(2);
    assertThat(again.privacyConsentAt()).isEqualTo(START);
    assertThat(again.enrolledAt()).isEqualTo(START);
    assertThat(world.participants.find(program.id(), ana.id())).contains(again);
    assertThat(world.participants.findById(first.id())).contains(again);
    assertThat(world.participants.countInProgram(program.id())).isEqualTo(1);
  }

  @Test
  void consentIsRecordedOnceAndNotBeforeItIsGiven() {
    Person ana = world.aPerson("Ana");
    Participant p = world.participants.enrol(new Enrolment(program.id(), ana.id(), Role.MENTEE, 8, "Finance", null,
        Set.of(), Set.of("strategy"), Set.of("English"), 1, false));
    assertThat(p.consented()).isFalse();

    world.clock.advance(Duration.ofHours(1));
    world.participants.recordConsent(p.id());
    world.clock.advance(Duration.ofHours(1));
    world.participants.recordConsent(p.id());

    assertThat(world.participants.findById(p.id()).orElseThrow().privacyConsentAt()).isEqualTo(START.plus(Duration.ofHours(1)));
  }

  @Test
  void aPersonsEnrolmentsAndAProgramsParticipantsComeInOrder() {
    Program other = world.aReverseProgram();
    Participant mentor = world.aJuniorMentor(program);
    Participant mentee = world.aSeniorMentee(program);
    Person ana = world.people.findById(mentor.personId()).orElseThrow();
    Participant elsewhere = world.enrol(other, ana, Role.MENTEE, 2, "Engineering");

    assertThat(world.participants.inProgram(program.id())).containsExactly(mentor, mentee);
    assertThat(world.participants.ofPerson(ana.id())).containsExactly(mentor, elsewhere);
    assertThat(world.participants.countInProgram(other.id())).isEqualTo(1);
  }

  @Test
  void statusAndSnoozeChange() {
    Participant p = world.aJuniorMentor(program);
    Instant until = START.plus(Duration.ofDays(14));

    world.participants.changeStatus(p.id(), ParticipantStatus.PAUSED);
    world.participants.snoozeUntil(p.id(), until);
    Participant paused = world.participants.findById(p.id()).orElseThrow();
    assertThat(paused.status()).isEqualTo(ParticipantStatus.PAUSED);
    assertThat(paused.snoozedUntil()).isEqualTo(until);

    world.participants.snoozeUntil(p.id(), null);
    assertThat(world.participants.findById(p.id()).orElseThrow().snoozedUntil()).isNull();
  }

  @Test
  void namingLivedExperienceNeedsThePersonsOwnConsentAndEndsWhenWithdrawn() {
    Participant mentor = world.aJuniorMentor(program);
    Participant mentee = world.aSeniorMentee(program);

    world.participants.nameLivedExperience(mentor.id(), true);
    world.participants.nameLivedExperience(mentee.id(), false);
    assertThat(world.participants.namingLivedExperience(program.id())).containsExactly(mentor.id());

    world.participants.nameLivedExperience(mentor.id(), false);
    assertThat(world.participants.namingLivedExperience(program.id())).isEmpty();
  }

  @Test
  void sealedFocusAreasAreStoredAndRemovedAndSharingIsSwitchedOnAndOff() {
    Participant p = world.aJuniorMentor(program);

    world.participants.storeSealedFocusAreas(p.id(), new byte[] {1, 2, 3});
    world.participants.shareFocusAreas(p.id(), true);
    assertThat(column(p.id(), "focus_areas_sealed", byte[].class)).containsExactly(1, 2, 3);
    assertThat(column(p.id(), "focus_areas_shared_at", Instant.class)).isEqualTo(START);

    world.participants.storeSealedFocusAreas(p.id(), null);
    world.participants.shareFocusAreas(p.id(), false);
    assertThat(column(p.id(), "focus_areas_sealed", byte[].class)).isNull();
    assertThat(column(p.id(), "focus_areas_shared_at", Instant.class)).isNull();
  }

  private <T> T column(long participantId, String column, Class<T> type) {
    return db.jdbi().withHandle(h -> h.createQuery("select " + column + " from participant where id = :id")
        .bind("id", participantId).mapTo(type).one());
  }
}
