package org.rmbot.mentoring.program;

import java.util.Set;
import org.rmbot.mentoring.common.Coded;

/** A program moves forward only: draft, enrolling, matching, active, closed. */
public enum ProgramState implements Coded {
  DRAFT,
  ENROLLING,
  MATCHING,
  ACTIVE,
  CLOSED;

  /** Read in many places, so it keeps this short form. */
  public static ProgramState fromCode(String code) {
    return Coded.fromCode(ProgramState.class, code);
  }

  /** States this one may move to. Matching may go back to enrolling to let late joiners in. */
  public Set<ProgramState> next() {
    return switch (this) {
      case DRAFT -> Set.of(ENROLLING, CLOSED);
      case ENROLLING -> Set.of(MATCHING, ACTIVE, CLOSED);
      case MATCHING -> Set.of(ENROLLING, ACTIVE, CLOSED);
      case ACTIVE -> Set.of(CLOSED);
      case CLOSED -> Set.of();
    };
  }

  public boolean canMoveTo(ProgramState target) {
    return next().contains(target);
  }
}
