package org.rmbot.mentoring.infra;

import java.time.Duration;

/**
 * Who runs the bot's due work: planning nudges, delivering them, the anonymous feedback mixer.
 * {@code serve} runs it on Quartz ({@link #quartz()}); a caller on a clock of its own (the demo's
 * is fast) passes one that does the work when its clock says so.
 */
public interface Schedule {

  /** Quartz with its JDBC JobStore, shared by every instance on the database, and the feedback mixer. */
  static Schedule quartz() {
    return new QuartzSchedule();
  }

  /** How long one send may wait in place for a rate-limit token, given the usual wait. */
  Duration inlineWait(Duration usual);

  /** Starts the due work once the bot is up; closing what it returns stops what it started. */
  AutoCloseable start(Wiring.Nudges nudges);

  /** For readiness: null when the due work runs as it should, else a short reason. */
  String problem();
}
