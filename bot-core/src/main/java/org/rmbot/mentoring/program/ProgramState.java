package org.rmbot.mentoring.program;

import java.util.Locale;
import java.util.Set;

/** A program moves forward only: draft, enrolling, matching, active, closed. */
public enum ProgramState {
  DRAFT,
  ENROLLING,
  MATCHING,
  ACTIVE,
  CLOSED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ProgramState fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
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
