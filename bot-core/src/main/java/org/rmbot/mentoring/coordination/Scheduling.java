package org.rmbot.mentoring.coordination;

import java.time.LocalDate;
import org.rmbot.mentoring.program.Program;

/** What became of setting a program's dates. */
public sealed interface Scheduling permits Scheduling.Scheduled, Scheduling.AlreadyUnderWay, Scheduling.StartsInThePast,
    ProgramRefusal {

  /** The program, with its new dates. */
  record Scheduled(Program program) implements Scheduling {}

  /** The program has started or closed, so its dates stay as they are. */
  record AlreadyUnderWay(Program program) implements Scheduling {}

  /** The first day asked for is before {@code today}, the program's today. */
  record StartsInThePast(LocalDate today) implements Scheduling {}
}
