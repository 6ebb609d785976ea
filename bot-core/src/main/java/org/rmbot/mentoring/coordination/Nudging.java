package org.rmbot.mentoring.coordination;

import org.rmbot.mentoring.program.Program;

/** What became of a coordinator's nudge. */
public sealed interface Nudging permits Nudging.Nudged, Nudging.NotInProgram, Nudging.AtRiskNudged, ProgramRefusal {

  /** The person will be nudged. */
  record Nudged(Program program) implements Nudging {}

  /** The person does not take part in the program; nothing was planned or audited. */
  record NotInProgram(Program program) implements Nudging {}

  /** Both people of {@code pairs} pairings at risk will be nudged (none, when none is at risk). */
  record AtRiskNudged(Program program, int pairs) implements Nudging {}
}
