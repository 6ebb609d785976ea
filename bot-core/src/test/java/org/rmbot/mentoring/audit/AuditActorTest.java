package org.rmbot.mentoring.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/**
 * Typed actors store exactly what the log held before they were typed: erasure finds a person's
 * entries by {@code 'person ' || id}, and only a person actor carries a person id, so the
 * deliberately unnamed actors (a participant answering a proposal) cannot be linked to anyone.
 */
class AuditActorTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();

  @Test
  void storesTheSameTextAsBefore() {
    assertThat(Actor.person(7).description()).isEqualTo("person 7");
    assertThat(new Actor.Operator("command line, ada").description()).isEqualTo("operator (command line, ada)");
    assertThat(AuditActor.Unnamed.PARTICIPANT.description()).isEqualTo("participant");
    assertThat(AuditActor.Unnamed.BOT.description()).isEqualTo("bot");
    assertThat(AuditActor.Unnamed.NUDGE_SCHEDULE.description()).isEqualTo("nudge schedule");
    assertThat(AuditActor.Unnamed.FEEDBACK.description()).isEqualTo("feedback");
    assertThat(AuditActor.Unnamed.ERASED_AT_OWN_REQUEST.description()).isEqualTo("erased person (their own request)");
  }

  @Test
  void onlyAPersonActorIsStoredWithAPersonId() {
    World world = new World(db.jdbi());
    Program program = world.aReverseProgram();
    long ada = world.aPerson("Ada").id();
    AuditSubject subject = AuditSubject.program(program.id());
    world.audit.record(Actor.person(ada), "report", program.id(), subject);
    world.audit.refused(new Actor.Operator("command line, root"), "match commit", program.id(), subject);
    world.audit.record(AuditActor.Unnamed.PARTICIPANT, "pairing accepted", program.id(), subject);
    world.audit.record(AuditActor.Unnamed.NUDGE_SCHEDULE, "feedback open", program.id(), subject);
    world.audit.record(AuditActor.Unnamed.ERASED_AT_OWN_REQUEST, "forget-me", program.id(), subject);

    assertThat(world.audit.ofProgram(program.id()))
        .extracting(AuditEntry::actorPersonId, AuditEntry::actor, AuditEntry::refused)
        .containsExactly(
            tuple(ada, "person " + ada, false),
            tuple(null, "operator (command line, root)", true),
            tuple(null, "participant", false),
            tuple(null, "nudge schedule", false),
            tuple(null, "erased person (their own request)", false));
  }
}
