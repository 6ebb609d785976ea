package org.rmbot.mentoring.participation;

import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.program.Program;

/** What became of someone's answers to a program's join form. */
public sealed interface Joining permits Joining.Joined, Joining.NotOpenAnyMore {

  /** They take part in the program now, with these answers. */
  record Joined(Program program, Participant participant) implements Joining {}

  /** The program no longer enrols (or never existed): nothing was written. */
  record NotOpenAnyMore() implements Joining {}
}
