package org.rmbot.mentoring.architecture.cycle.one;

/** Half of a deliberate package cycle for NoPackageCyclesTest. */
public class Ping {
  public org.rmbot.mentoring.architecture.cycle.two.Pong pong;
}
