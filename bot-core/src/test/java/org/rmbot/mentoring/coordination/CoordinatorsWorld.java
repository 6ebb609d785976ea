package org.rmbot.mentoring.coordination;

import java.util.List;
import java.util.Set;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.access.AdminsInDatabase;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.access.ProgramAuthority;
import org.rmbot.mentoring.audit.AuditActor;
import org.rmbot.mentoring.audit.AuditEntry;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.testing.World;

/**
 * One program with its coordinator, a workspace admin who does not coordinate it, and someone
 * who is neither, on the real database and the real authority.
 */
final class CoordinatorsWorld {
  private static final PlatformIdentity ADMIN = new PlatformIdentity(Platform.SLACK, "T0ACME", "U0ADMIN");
  final World world;
  final Authority authority;
  final Program program;
  final Actor coordinator;
  final Actor admin;
  final Actor outsider;

  CoordinatorsWorld(World world) {
    this.world = world;
    this.authority = new ProgramAuthority(new AdminsInDatabase(world.jdbi, world.clock), world.programs, world.people, Set.of(ADMIN));
    this.program = world.aReverseProgram();
    Person coordinating = world.aPerson("Cora Coordinator");
    world.programs.addCoordinator(program.id(), coordinating.id());
    Person administering = world.aPerson("Ada Admin");
    world.people.link(administering.id(), ADMIN);
    this.coordinator = Actor.person(coordinating.id());
    this.admin = Actor.person(administering.id());
    this.outsider = Actor.person(world.aPerson("Olli Outsider").id());
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
