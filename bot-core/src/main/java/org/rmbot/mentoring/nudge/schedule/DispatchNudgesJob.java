package org.rmbot.mentoring.nudge.schedule;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.rmbot.mentoring.nudge.DeliveringNudges;

/**
 * Quartz's handle on {@link DeliveringNudges}: dispatches until nothing is due. Runs on
 * several instances at once are safe (rows are claimed with {@code SKIP LOCKED}) and share
 * the work.
 */
public final class DispatchNudgesJob implements Job {
  private final DeliveringNudges delivering;

  DispatchNudgesJob(DeliveringNudges delivering) {
    this.delivering = delivering;
  }

  @Override
  public void execute(JobExecutionContext context) {
    delivering.dispatchAllDue();
  }
}
