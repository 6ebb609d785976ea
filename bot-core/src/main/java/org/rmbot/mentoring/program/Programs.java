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

  void addCoordinator(long programId, long personId);

  boolean isCoordinator(long programId, long personId);

  List<Long> coordinators(long programId);
}
