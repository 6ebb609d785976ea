package org.rmbot.mentoring.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.access.AdminsInDatabase;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.access.ProgramAuthority;
import org.rmbot.mentoring.audit.AuditActor;
import org.rmbot.mentoring.audit.AuditEntry;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.common.Transactions;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.program.Programs;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/**
 * One program with its coordinator, a workspace admin who does not coordinate it, and someone
 * who is neither, on a fresh real database for each test and the real authority.
 *
 * <pre>{@code @RegisterExtension final CoordinatorsWorld w = new CoordinatorsWorld();}</pre>
 */
final class CoordinatorsWorld implements BeforeEachCallback, AfterEachCallback {
  private static final PlatformIdentity ADMIN = new PlatformIdentity(Platform.SLACK, "T0ACME", "U0ADMIN");
  private final TestDatabase db = new TestDatabase();
  World world;
  Authority authority;
  Program program;
  Actor coordinator;
  Actor admin;
  Actor outsider;

  @Override
  public void beforeEach(ExtensionContext context) {
    db.beforeEach(context);
    world = new World(db.jdbi());
    authority = new ProgramAuthority(new AdminsInDatabase(world.jdbi, world.clock), world.programs, world.people, Set.of(ADMIN));
    program = world.aReverseProgram();
    Person coordinating = world.aPerson("Cora Coordinator");
    world.programs.addCoordinator(program.id(), coordinating.id());
    Person administering = world.aPerson("Ada Admin");
    world.people.link(administering.id(), ADMIN);
    coordinator = Actor.person(coordinating.id());
    admin = Actor.person(administering.id());
    outsider = Actor.person(world.aPerson("Olli Outsider").id());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    db.afterEach(context);
  }

  /** How the use cases that need only these four are made. */
  interface UseCase<T> {
    T wire(Transactions transactions, Programs programs, Authority authority, AuditLog audit);
  }

  <T> T wired(UseCase<T> useCase) {
    return useCase.wire(world.transactions, world.programs, authority, world.audit);
  }

  /** The use case on {@link #failingAudit()}. */
  <T> T wiredToFailingAudit(UseCase<T> useCase) {
    return useCase.wire(world.transactions, world.programs, authority, failingAudit());
  }

  /** An id no program has. */
  long missingProgramId() {
    return program.id() + 1000;
  }

  Program program() {
    return world.programs.findById(program.id()).orElseThrow();
  }

  void moveTo(ProgramState... states) {
    for (ProgramState state : states) {
      world.programs.changeState(program.id(), state);
    }
  }

  List<AuditEntry> audited() {
    return world.audit.ofProgram(program.id());
  }

  /** The program's audit log holds one entry: this change, made by this actor. */
  void assertOnlyAudited(Actor actor, String action, String subject) {
    assertOnlyEntry(actor, action, subject, false);
  }

  /** The program's audit log holds one entry: this actor was refused, for this reason. */
  void assertOnlyRefused(Actor actor, String action, String reason) {
    assertOnlyEntry(actor, action, reason, true);
  }

  private void assertOnlyEntry(Actor actor, String action, String subject, boolean refused) {
    assertThat(audited()).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo(action);
      assertThat(e.actorPersonId()).isEqualTo(actor.personId());
      assertThat(e.subject()).isEqualTo(subject);
      assertThat(e.refused()).isEqualTo(refused);
    });
  }

  /** The program moved to this state, as the use case says and as stored. */
  void assertChangedTo(StateChange change, ProgramState state) {
    assertThat(change).isInstanceOf(StateChange.Changed.class);
    assertThat(((StateChange.Changed) change).program().state()).isEqualTo(state);
    assertThat(program().state()).isEqualTo(state);
  }

  /** The program could not move from its state to the target: it stays, and nothing is audited. */
  void assertCannotMove(StateChange change, ProgramState state, ProgramState target) {
    assertThat(change).isInstanceOf(StateChange.CannotMove.class);
    assertThat(((StateChange.CannotMove) change).program().state()).isEqualTo(state);
    assertThat(((StateChange.CannotMove) change).target()).isEqualTo(target);
    assertThat(program().state()).isEqualTo(state);
    assertThat(audited()).isEmpty();
  }

  /** Nothing is in the audit log, for this program or any other. */
  void assertNothingAudited() {
    assertThat(world.audit.recent(10)).isEmpty();
  }

  /** A call on a use case wired to {@link #failingAudit()} fails, and the program's audit log stays empty. */
  void assertFailsOnAudit(ThrowingCallable call) {
    assertThatThrownBy(call).hasMessageContaining("audit insert failed");
    assertThat(audited()).isEmpty();
  }

  /** The audit log, failing on the first entry that records a change: the change is then half-way. */
  AuditLog failingAudit() {
    return new AuditLog() {
      @Override
      public void record(AuditActor actor, String action, Long programId, AuditSubject subject) {
        throw new IllegalStateException("audit insert failed");
      }

      @Override
      public void refused(AuditActor actor, String action, Long programId, AuditSubject subject) {
        world.audit.refused(actor, action, programId, subject);
      }

      @Override
      public List<AuditEntry> ofProgram(long programId) {
        return world.audit.ofProgram(programId);
      }

      @Override
      public List<AuditEntry> recent(int limit) {
        return world.audit.recent(limit);
      }
    };
  }
}
