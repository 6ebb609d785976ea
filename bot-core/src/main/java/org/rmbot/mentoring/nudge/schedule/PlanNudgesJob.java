package org.rmbot.mentoring.nudge.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.rmbot.mentoring.nudge.PlanningNudges;

/** Quartz's handle on {@link PlanningNudges#planDue()}; one run at a time across the cluster. */
@DisallowConcurrentExecution
public final class PlanNudgesJob implements Job {
  private final PlanningNudges planning;

  PlanNudgesJob(PlanningNudges planning) {
    this.planning = planning;
  }

  @Override
  public void execute(JobExecutionContext context) {
    planning.planDue();
  }
}
