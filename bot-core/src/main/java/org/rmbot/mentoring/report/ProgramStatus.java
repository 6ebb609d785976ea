package org.rmbot.mentoring.report;

import java.util.Map;

/**
 * A program's health at a glance, the figures behind {@code status} and the coordinator's home
 * view. Counts only: no names, no free text.
 *
 * @param state the program's state, or "ended Tue 31 Mar" once an active program is past its last day
 * @param metLastWindow active pairs where someone answered "we met" within the last cadence window
 * @param atRisk active pairs with no confirmed meeting for three windows (or since activation)
 * @param helpRequests private help requests waiting for a coordinator
 * @param deadLetters nudges the bot gave up delivering
 */
public record ProgramStatus(
    String programName,
    String state,
    int mentors,
    int mentees,
    Map<String, Integer> pairingsByState,
    int metLastWindow,
    int atRisk,
    int helpRequests,
    int deadLetters) {

  public int pairings(String state) {
    return pairingsByState.getOrDefault(state, 0);
  }
}
