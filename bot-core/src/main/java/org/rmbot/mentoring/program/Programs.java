package org.rmbot.mentoring.program;

import java.util.List;
import java.util.Optional;

/** The programs this bot runs. */
public interface Programs {
  Program create(NewProgram program);

  Optional<Program> findById(long id);

  Optional<Program> findByName(String name);

  List<Program> all();

  void changeState(long programId, ProgramState state);

  /** Sets when the program runs; the nudge planner reads these for the kickoff, midpoint and closing. */
  void setDates(long programId, java.time.LocalDate startsOn, java.time.LocalDate endsOn);

  /** Inside a transaction: holds the program's row until commit, to serialise its matching. */
  void lockForUpdate(long programId);

  void addCoordinator(long programId, long personId);

  boolean isCoordinator(long programId, long personId);

  List<Long> coordinators(long programId);
}
