package org.rmbot.mentoring.command;

/**
 * Whose help to show. Each audience sees its own commands and those of the audiences before it:
 * coordinators also see participant commands, admins see everything. This only shapes help;
 * the core still checks authority on every command.
 */
public enum Audience {
  PARTICIPANT,
  COORDINATOR,
  ADMIN;

  /** Whether someone in this audience is shown commands meant for {@code other}. */
  public boolean sees(Audience other) {
    return other.ordinal() <= ordinal();
  }
}
