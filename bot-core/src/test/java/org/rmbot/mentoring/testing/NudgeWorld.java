package org.rmbot.mentoring.testing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Stream;
import org.rmbot.mentoring.chat.ChatPlatform;
import org.rmbot.mentoring.chat.ChatPlatforms;
import org.rmbot.mentoring.feedback.AnonymousFeedback;
import org.rmbot.mentoring.feedback.FeedbackCampaigns;
import org.rmbot.mentoring.feedback.FeedbackCampaignsInAuditLog;
import org.rmbot.mentoring.feedback.FeedbackFormsInDatabase;
import org.rmbot.mentoring.nudge.CampaignMilestones;
import org.rmbot.mentoring.nudge.CampaignMilestonesInDatabase;
import org.rmbot.mentoring.nudge.LedgerCampaignSchedule;
import org.rmbot.mentoring.nudge.OpeningAndClosingCampaigns;
import org.rmbot.mentoring.privacy.SealedBox;
import org.rmbot.mentoring.privacy.SecretKey;
import org.rmbot.mentoring.nudge.DeliveringNudges;
import org.rmbot.mentoring.nudge.DeliveryLimits;
import org.rmbot.mentoring.nudge.NudgeLedger;
import org.rmbot.mentoring.nudge.NudgeLedgerInDatabase;
import org.rmbot.mentoring.nudge.PlanningNudges;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.PairingLifecycle;
import org.rmbot.mentoring.participant.NewPerson;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.participant.WorkingHours;
import org.rmbot.mentoring.program.Program;

/** A {@link World} plus the nudge ledger, planner and delivery wired to a fake platform. */
public final class NudgeWorld implements AutoCloseable {
  public static final String WORKSPACE = "T-ACME";

  public final World world;
  public final FakeChatPlatform slack;
  public final NudgeLedger ledger;
  public final PlanningNudges planning;
  public final DeliveringNudges delivering;
  public final CampaignMilestones milestones;
  /** The campaign milestone job, as Quartz would run it. */
  public final OpeningAndClosingCampaigns campaigns;
  public final PairingLifecycle lifecycle;
  /** The real feedback campaigns, when built {@link #withFeedback with them}; else null. */
  public final AnonymousFeedback feedback;

  public NudgeWorld(World world, ChatPlatform platform, FakeChatPlatform fake, DeliveringNudges.Settings settings) {
    this(world, platform, fake, settings, null);
  }

  private NudgeWorld(World world, ChatPlatform platform, FakeChatPlatform fake, DeliveringNudges.Settings settings,
      SecretKey secret) {
    this.world = world;
    this.slack = fake;
    this.ledger = new NudgeLedgerInDatabase(world.jdbi, world.clock);
    this.planning = new PlanningNudges(world.jdbi, ledger, world.clock);
    this.milestones = new CampaignMilestonesInDatabase(world.jdbi);
    this.feedback = secret == null ? null : new AnonymousFeedback(world.jdbi, new SealedBox(secret), secret, world.programs,
        world.participants, new FeedbackFormsInDatabase(world.jdbi, world.clock), new LedgerCampaignSchedule(ledger, milestones),
        world.audit, world.clock);
    FeedbackCampaigns campaigns = feedback != null ? feedback : new FeedbackCampaignsInAuditLog(world.audit);
    this.campaigns = new OpeningAndClosingCampaigns(world.jdbi, campaigns, world.clock);
    this.delivering = new DeliveringNudges(world.jdbi, ledger, world.meetings, new ChatPlatforms(platform),
        new DeliveryLimits(world.clock), campaigns, world.clock, settings);
    this.lifecycle = new PairingLifecycle(world.pairings);
  }

  /** Like {@link #onFakeSlack}, with the real anonymous feedback campaigns (sealed under {@code secret}). */
  public static NudgeWorld withFeedback(World world, SecretKey secret) {
    FakeChatPlatform fake = FakeChatPlatform.slack(world.clock);
    return new NudgeWorld(world, fake, fake, oneAtATime(), secret);
  }

  /** Delivery through a fake Slack, one send at a time so the order of deliveries is the order of the ledger. */
  public static NudgeWorld onFakeSlack(World world) {
    FakeChatPlatform fake = FakeChatPlatform.slack(world.clock);
    return new NudgeWorld(world, fake, fake, oneAtATime());
  }

  private static DeliveringNudges.Settings oneAtATime() {
    return new DeliveringNudges.Settings("worker-1", java.time.Duration.ofMinutes(2), 100, 1,
        org.rmbot.mentoring.nudge.RetryPolicy.defaults());
  }

  /** The campaign milestones due, then every nudge due: what the scheduler's jobs do when they run. */
  public DeliveringNudges.Report dispatchAllDue() {
    campaigns.runDue();
    return delivering.dispatchAllDue();
  }

  /** When the next nudge or campaign milestone is due. */
  public Optional<Instant> nextDueAt() {
    return Stream.of(ledger.nextAttemptAt(), milestones.nextDueAt()).flatMap(Optional::stream).min(Instant::compareTo);
  }

  /** A person in their own zone with office hours, known on Slack as {@code U<person id>}. */
  public Person aPersonIn(String name, String zone) {
    Person person = world.people.save(new NewPerson(name.toLowerCase().replace(' ', '.') + "@example.com", name,
        ZoneId.of(zone), WorkingHours.officeHours()));
    world.people.link(person.id(), slackIdentity(person));
    return person;
  }

  public static PlatformIdentity slackIdentity(Person person) {
    return new PlatformIdentity(Platform.SLACK, WORKSPACE, "U" + person.id());
  }

  public static String slackUser(Person person) {
    return "U" + person.id();
  }

  public Participant mentor(Program program, Person person) {
    return world.enrol(program, person, Role.MENTOR, 2, "Engineering " + person.id());
  }

  public Participant mentee(Program program, Person person) {
    return world.enrol(program, person, Role.MENTEE, 8, "Finance " + person.id());
  }

  /** Proposes the pair and has both accept: the pairing is active from now on. */
  public Pairing activePairing(Program program, Participant mentor, Participant mentee) {
    return world.activePairing(program, mentor, mentee);
  }

  @Override
  public void close() {
    delivering.close();
  }
}
