package org.rmbot.mentoring.nudge.schedule;

import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.quartz.utils.DBConnectionManager;
import org.rmbot.mentoring.nudge.DeliveringNudges;
import org.rmbot.mentoring.nudge.OpeningAndClosingCampaigns;
import org.rmbot.mentoring.nudge.PlanningNudges;

/**
 * The nudge schedule on Quartz: three repeating jobs (plan, dispatch, campaign milestones) in Quartz's clustered JDBC
 * JobStore on the bot's own PostgreSQL (tables from migration V4), so any number of bot
 * instances share one schedule and a job fires on one instance at a time.
 *
 * <p>Quartz fires on real time; the jobs call {@link PlanningNudges}, {@link DeliveringNudges}
 * and {@link OpeningAndClosingCampaigns}, which read the injected clock. Tests drive those
 * classes directly.
 */
public final class NudgeScheduler implements AutoCloseable {
  /** One name for the whole cluster: instances with the same name share the schedule. */
  public static final String CLUSTER = "mentoring-nudges";
  private static final JobKey PLAN = JobKey.jobKey("plan-nudges", "nudges");
  private static final JobKey DISPATCH = JobKey.jobKey("dispatch-nudges", "nudges");
  private static final JobKey CAMPAIGNS = JobKey.jobKey("campaign-milestones", "nudges");
  private static final Object CREATING = new Object();

  /**
   * @param instanceId this instance's unique name in the cluster
   * @param planEvery how often planning runs
   * @param dispatchEvery how often dispatch runs, and the campaign milestones
   * @param threads Quartz worker threads (3 is enough: one job of each kind)
   * @param checkinInterval how often this instance tells the cluster it is alive; an instance
   *     silent for longer is presumed dead and its running jobs recovered
   */
  public record Settings(String instanceId, Duration planEvery, Duration dispatchEvery, int threads,
      Duration checkinInterval) {
    public static Settings defaults(String instanceId) {
      return new Settings(instanceId, Duration.ofMinutes(1), Duration.ofSeconds(5), 3, Duration.ofSeconds(15));
    }
  }

  private final Scheduler scheduler;
  private final Settings settings;

  private NudgeScheduler(Scheduler scheduler, Settings settings) {
    this.scheduler = scheduler;
    this.settings = settings;
  }

  /** Builds the scheduler (in standby: nothing fires until {@link #start()}). */
  public static NudgeScheduler create(DataSource dataSource, PlanningNudges planning, DeliveringNudges delivering,
      OpeningAndClosingCampaigns campaigns, Settings settings) {
    String dataSourceName = "nudges-" + settings.instanceId();
    DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new PooledConnectionProvider(dataSource));
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", CLUSTER);
    p.setProperty("org.quartz.scheduler.instanceId", settings.instanceId());
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(settings.threads()));
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    // Quartz retries a lost database for ever, ignoring shutdown; daemon threads let the process exit anyway
    p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
    p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    p.setProperty("org.quartz.jobStore.isClustered", "true");
    p.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(settings.checkinInterval().toMillis()));
    p.setProperty("org.quartz.jobStore.useProperties", "true");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "10000");
    JobFactory jobs = (bundle, quartz) -> {
      Class<?> type = bundle.getJobDetail().getJobClass();
      if (type == PlanNudgesJob.class) {
        return new PlanNudgesJob(planning);
      }
      if (type == DispatchNudgesJob.class) {
        return new DispatchNudgesJob(delivering);
      }
      if (type == CampaignMilestonesJob.class) {
        return new CampaignMilestonesJob(campaigns);
      }
      throw new SchedulerException("not a nudge job: " + type.getName());
    };
    try {
      Scheduler scheduler;
      synchronized (CREATING) {
        scheduler = new StdSchedulerFactory(p).getScheduler();
        // Quartz keeps one scheduler per name in a JVM-wide registry; cluster members share
        // the name, so forget this one there and let the next instance (tests run two) be built
        SchedulerRepository.getInstance().remove(CLUSTER);
      }
      scheduler.setJobFactory(jobs);
      NudgeScheduler nudges = new NudgeScheduler(scheduler, settings);
      nudges.schedule(PLAN, PlanNudgesJob.class, settings.planEvery());
      nudges.schedule(DISPATCH, DispatchNudgesJob.class, settings.dispatchEvery());
      nudges.schedule(CAMPAIGNS, CampaignMilestonesJob.class, settings.dispatchEvery());
      return nudges;
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not set up the nudge schedule: " + e.getMessage(), e);
    }
  }

  /** Adds the job and its trigger unless another instance of the cluster already did, keeping the interval current. */
  private void schedule(JobKey key, Class<? extends org.quartz.Job> type, Duration every) throws SchedulerException {
    JobDetail job = JobBuilder.newJob(type).withIdentity(key).storeDurably().build();
    TriggerKey triggerKey = TriggerKey.triggerKey(key.getName(), key.getGroup());
    Trigger trigger = TriggerBuilder.newTrigger()
        .withIdentity(triggerKey)
        .forJob(key)
        .startNow()
        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
            .withIntervalInMilliseconds(every.toMillis())
            .repeatForever()
            // after downtime, run once now rather than once per missed interval
            .withMisfireHandlingInstructionNextWithRemainingCount())
        .build();
    try {
      scheduler.addJob(job, true);
      if (scheduler.checkExists(triggerKey)) {
        scheduler.rescheduleJob(triggerKey, trigger);
      } else {
        scheduler.scheduleJob(trigger);
      }
    } catch (ObjectAlreadyExistsException e) {
      // another instance scheduled it at the same moment: theirs is as good as ours
    }
  }

  public void start() {
    try {
      scheduler.start();
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not start the nudge schedule: " + e.getMessage(), e);
    }
  }

  /** Stops firing jobs on this instance (others in the cluster carry on); {@link #start()} resumes. */
  public void standby() {
    try {
      scheduler.standby();
    } catch (SchedulerException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops this instance's scheduler for good, waiting for running jobs if asked to. */
  public void shutdown(boolean waitForJobs) {
    try {
      if (!scheduler.isShutdown()) {
        scheduler.shutdown(waitForJobs);
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean isRunning() {
    try {
      return scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown();
    } catch (SchedulerException e) {
      return false;
    }
  }

  public String instanceId() {
    return settings.instanceId();
  }

  @Override
  public void close() {
    shutdown(true);
  }
}
