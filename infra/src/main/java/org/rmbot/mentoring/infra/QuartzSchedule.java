package org.rmbot.mentoring.infra;

import java.time.Duration;
import org.rmbot.mentoring.feedback.AnonymousFeedback;

/** serve's schedule: the Quartz jobs of {@link Wiring.Nudges#scheduler()} and the feedback mixer, on the wall clock. */
final class QuartzSchedule implements Schedule {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(QuartzSchedule.class);
  private Wiring.Nudges nudges;

  @Override
  public Duration inlineWait(Duration usual) {
    return usual;
  }

  @Override
  public AutoCloseable start(Wiring.Nudges nudges) {
    this.nudges = nudges;
    nudges.delivering().releaseLeasesOfEarlierRun();
    nudges.scheduler().start();
    return startMixer(nudges.feedback());
  }

  @Override
  public String problem() {
    return nudges != null && nudges.scheduler().isRunning() ? null : "not running";
  }

  /**
   * The anonymous feedback mixer's round every few seconds, on every instance (one of them holds
   * the key, by lease), and, once, invitations with ballot tokens for campaigns opened before
   * them. Closing gives the lease up.
   */
  private static AutoCloseable startMixer(AnonymousFeedback feedback) {
    int upgraded = feedback.upgradeOpenCampaigns();
    if (upgraded > 0) {
      log.info("feedback: {} people get a new invitation with a ballot token", upgraded);
    }
    java.util.concurrent.ScheduledExecutorService mixer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "feedback-mixer");
      t.setDaemon(true);
      return t;
    });
    mixer.scheduleWithFixedDelay(() -> {
      try {
        feedback.tick();
      } catch (RuntimeException e) {
        log.warn("feedback mixer round failed: {}", e.getClass().getSimpleName());
      }
    }, 0, 10, java.util.concurrent.TimeUnit.SECONDS);
    return () -> {
      mixer.shutdownNow();
      feedback.stop();
    };
  }
}
