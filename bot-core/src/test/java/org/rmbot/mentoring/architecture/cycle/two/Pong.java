package org.rmbot.mentoring.architecture.cycle.two;

/** Half of a deliberate package cycle for NoPackageCyclesTest. */
public class Pong {
  public org.rmbot.mentoring.architecture.cycle.one.Ping ping;
}
