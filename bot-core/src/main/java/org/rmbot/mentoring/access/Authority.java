package org.rmbot.mentoring.access;

/**
 * Who may do what. Asked on every coordinator action: button values and command text never
 * carry authority, so a forged click is refused here.
 */
public interface Authority {
  boolean isAdmin(long personId);

  /** Coordinators of the program and workspace admins may coordinate it. */
  boolean canCoordinate(long personId, long programId);

  default boolean canCoordinate(Actor actor, long programId) {
    return actor instanceof Actor.Operator || canCoordinate(actor.personId(), programId);
  }
}
