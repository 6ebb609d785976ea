package org.rmbot.mentoring.infra;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.access.Admins;
import org.rmbot.mentoring.access.AdminsInDatabase;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.access.ProgramAuthority;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.conversation.ParticipantButtons;
import org.rmbot.mentoring.conversation.Callers;
import org.rmbot.mentoring.conversation.ChatDesk;
import org.rmbot.mentoring.conversation.ChatRouter;
import org.rmbot.mentoring.conversation.CoordinatorCommands;
import org.rmbot.mentoring.conversation.ProgramCommands;
import org.rmbot.mentoring.conversation.Directory;
import org.rmbot.mentoring.conversation.HelpRequests;
import org.rmbot.mentoring.conversation.HelpRequestsInDatabase;
import org.rmbot.mentoring.conversation.MyMentoringInDatabase;
import org.rmbot.mentoring.conversation.HomeView;
import org.rmbot.mentoring.nudge.Notifications;
import org.rmbot.mentoring.conversation.ParticipantCommands;
import org.rmbot.mentoring.participation.BookingMeeting;
import org.rmbot.mentoring.participation.Enrolling;
import org.rmbot.mentoring.conversation.ProgramChooser;
import org.rmbot.mentoring.privacy.SealedBox;
import org.rmbot.mentoring.reflection.ReflectionsInDatabase;
import org.rmbot.mentoring.report.ProgramFigures;
import org.rmbot.mentoring.matching.AnsweringProposals;
import org.rmbot.mentoring.matching.MatchConstraints;
import org.rmbot.mentoring.matching.MatchConstraintsInDatabase;
import org.rmbot.mentoring.matching.MatchingEngine;
import org.rmbot.mentoring.matching.Matchmaking;
import org.rmbot.mentoring.matching.SettingMatchRules;
import org.rmbot.mentoring.audit.AuditLogInDatabase;
import org.rmbot.mentoring.chat.ChatPlatforms;
import org.rmbot.mentoring.common.Transactions;
import org.rmbot.mentoring.coordination.ClosingProgram;
import org.rmbot.mentoring.coordination.CreatingProgram;
import org.rmbot.mentoring.coordination.AddingCoordinator;
import org.rmbot.mentoring.coordination.MovingPairing;
import org.rmbot.mentoring.coordination.NudgingPeople;
import org.rmbot.mentoring.coordination.OpeningProgram;
import org.rmbot.mentoring.coordination.SchedulingProgram;
import org.rmbot.mentoring.conversation.HelpAnswers;
import org.rmbot.mentoring.conversation.Routes;
import org.rmbot.mentoring.conversation.FeedbackCommands;
import org.rmbot.mentoring.conversation.PrivacyCommands;
import org.rmbot.mentoring.conversation.ReportCommands;
import org.rmbot.mentoring.conversation.ReminderCommands;
import org.rmbot.mentoring.conversation.HelpRequestCommands;
import org.rmbot.mentoring.feedback.AnonymousFeedback;
import org.rmbot.mentoring.feedback.FeedbackFormsInDatabase;
import org.rmbot.mentoring.nudge.CampaignMilestones;
import org.rmbot.mentoring.nudge.CampaignMilestonesInDatabase;
import org.rmbot.mentoring.nudge.LedgerCampaignSchedule;
import org.rmbot.mentoring.personaldata.Erasure;
import org.rmbot.mentoring.personaldata.PersonalDataExport;
import org.rmbot.mentoring.privacy.SecretKey;
import org.rmbot.mentoring.report.ImpactReport;
import org.rmbot.mentoring.report.ParticipantsCsv;
import org.rmbot.mentoring.importing.ImportingParticipants;
import org.rmbot.mentoring.meeting.Meetings;
import org.rmbot.mentoring.meeting.MeetingsInDatabase;
import org.rmbot.mentoring.nudge.DeliveringNudges;
import org.rmbot.mentoring.nudge.DeliveryLimits;
import org.rmbot.mentoring.nudge.NudgeLedger;
import org.rmbot.mentoring.nudge.NudgeLedgerInDatabase;
import org.rmbot.mentoring.nudge.OpeningAndClosingCampaigns;
import org.rmbot.mentoring.nudge.NudgePolicies;
import org.rmbot.mentoring.nudge.PlanningNudges;
import org.rmbot.mentoring.nudge.schedule.NudgeScheduler;
import org.rmbot.mentoring.pairing.PairingLifecycle;
import org.rmbot.mentoring.pairing.Pairings;
import org.rmbot.mentoring.pairing.PairingsInDatabase;
import org.rmbot.mentoring.participant.Participants;
import org.rmbot.mentoring.participant.ParticipantsInDatabase;
import org.rmbot.mentoring.participant.People;
import org.rmbot.mentoring.participant.PeopleInDatabase;
import org.rmbot.mentoring.persistence.Database;
import org.rmbot.mentoring.persistence.JdbiTransactions;
import org.rmbot.mentoring.program.Programs;
import org.rmbot.mentoring.program.ProgramsInDatabase;
import org.rmbot.mentoring.teams.TeamsErasure;

/**
 * All hand wiring of the core lives here: repositories, then the use cases built on them. Public
 * because the benchmarks and infra's tests, in packages of their own, assemble from it on their own
 * database, clock and chat platforms (docs/ARCHITECTURE.md, "Not there yet").
 */
public final class Wiring {
  private Wiring() {}

  public record Core(
      Transactions transactions,
      Programs programs,
      People people,
      Participants participants,
      Pairings pairings,
      Meetings meetings,
      AuditLog audit,
      PairingLifecycle pairingLifecycle,
      Admins admins,
      ImportingParticipants importing,
      Authority authority,
      Matchmaking matchmaking,
      AnsweringProposals answering,
      SettingMatchRules matchRules) {}

  /**
   * The nudge schedule: ledger, planner, delivery, the campaign milestones and their job, and the
   * Quartz scheduler that runs them (in standby until started).
   */
  public record Nudges(NudgeLedger ledger, PlanningNudges planning, DeliveringNudges delivering, NudgeScheduler scheduler,
      AnonymousFeedback feedback, CampaignMilestones milestones, OpeningAndClosingCampaigns campaigns)
      implements AutoCloseable {
    /** How long shutdown waits for Quartz; with the database gone Quartz would retry for ever. */
    static final java.time.Duration SHUTDOWN_WAIT = java.time.Duration.ofSeconds(15);

    @Override
    public void close() {
      Thread stopping = new Thread(() -> scheduler.shutdown(true), "quartz-shutdown");
      stopping.setDaemon(true);
      stopping.start();
      try {
        stopping.join(SHUTDOWN_WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      delivering.close();
    }
  }

  /**
   * The schedule, with the anonymous feedback campaigns it opens and releases (sealed with keys
   * derived from {@code secret}).
   */
  public static Nudges nudges(Core core, Database database, Clock clock, SecretKey secret, ChatPlatforms platforms,
      DeliveryLimits limits, DeliveringNudges.Settings delivery, NudgeScheduler.Settings schedule) {
    Jdbi jdbi = database.jdbi();
    NudgeLedger ledger = new NudgeLedgerInDatabase(jdbi, clock);
    PlanningNudges planning = new PlanningNudges(jdbi, ledger, clock);
    CampaignMilestones milestones = new CampaignMilestonesInDatabase(jdbi);
    AnonymousFeedback feedback = new AnonymousFeedback(jdbi, new SealedBox(secret), secret, core.programs(),
        core.participants(), new FeedbackFormsInDatabase(jdbi, clock), new LedgerCampaignSchedule(ledger, milestones),
        core.audit(), clock);
    DeliveringNudges delivering = new DeliveringNudges(jdbi, ledger, core.meetings(), platforms, limits, feedback, clock,
        delivery);
    OpeningAndClosingCampaigns campaigns = new OpeningAndClosingCampaigns(jdbi, feedback, clock);
    NudgeScheduler scheduler = NudgeScheduler.create(database.dataSource(), planning, delivering, campaigns, schedule);
    return new Nudges(ledger, planning, delivering, scheduler, feedback, milestones, campaigns);
  }

  public static Core core(Database database, Clock clock) {
    return core(database, clock, java.util.Set.of());
  }

  /** @param configuredAdmins the admins from MENTORING_ADMINS ({@link org.rmbot.mentoring.access.ConfiguredAdmins}) */
  public static Core core(Database database, Clock clock,
      java.util.Set<org.rmbot.mentoring.participant.PlatformIdentity> configuredAdmins) {
    Jdbi jdbi = database.jdbi();
    Transactions transactions = new JdbiTransactions(jdbi);
    Programs programs = new ProgramsInDatabase(jdbi, clock);
    People people = new PeopleInDatabase(jdbi, clock);
    Participants participants = new ParticipantsInDatabase(jdbi, clock);
    Pairings pairings = new PairingsInDatabase(jdbi, clock);
    Meetings meetings = new MeetingsInDatabase(jdbi, clock);
    AuditLog audit = new AuditLogInDatabase(jdbi, clock);
    PairingLifecycle lifecycle = new PairingLifecycle(pairings);
    Admins admins = new AdminsInDatabase(jdbi, clock);
    Authority authority = new ProgramAuthority(admins, programs, people, configuredAdmins);
    MatchConstraints constraints = new MatchConstraintsInDatabase(jdbi, clock);
    return new Core(transactions, programs, people, participants, pairings, meetings, audit, lifecycle, admins,
        new ImportingParticipants(transactions, programs, people, participants, audit),
        authority,
        new Matchmaking(transactions, programs, participants, people, pairings, constraints, authority, audit,
            clock, new MatchingEngine()),
        new AnsweringProposals(transactions, pairings, participants, lifecycle, audit, programs, clock),
        new SettingMatchRules(participants, pairings, constraints, lifecycle, authority, audit));
  }

  /**
   * The inbound chat desk over the core; {@code directory} finds mentioned people by their profile
   * email; {@code platforms} carry the files (reports, exports, my-data) into people's direct messages.
   */
  public static ChatDesk desk(Core core, Database database, Clock clock, SealedBox box, Notifications notifications,
      Directory directory, AnonymousFeedback feedback, ChatPlatforms platforms) {
    Jdbi jdbi = database.jdbi();
    ProgramChooser chooser = new ProgramChooser(core.programs(), core.participants(), core.authority());
    ProgramFigures figures = new ProgramFigures(jdbi, clock);
    ReflectionsInDatabase reflections = new ReflectionsInDatabase(jdbi, clock, box);
    HelpRequests helpRequests = new HelpRequestsInDatabase(jdbi, clock, box);
    ParticipantCommands participantSide = new ParticipantCommands(chooser, core.programs(), core.people(), core.participants(),
        core.pairings(), reflections, helpRequests, notifications,
        new Enrolling(core.transactions(), core.programs(), core.people(), core.participants(), box),
        new BookingMeeting(core.transactions(), core.pairings(), core.participants(), core.meetings(), core.programs(), clock),
        core.transactions(), clock, new MyMentoringInDatabase(jdbi, clock));
    ProgramCommands programSide = new ProgramCommands(chooser, core.programs(), core.authority(), core.audit(),
        new CreatingProgram(core.transactions(), core.programs(), core.authority(), core.audit(), clock),
        new OpeningProgram(core.transactions(), core.programs(), core.authority(), core.audit()),
        new ClosingProgram(core.transactions(), core.programs(), core.authority(), core.audit()),
        new SchedulingProgram(core.transactions(), core.programs(), core.authority(), core.audit(), clock));
    CoordinatorCommands coordinatorSide = new CoordinatorCommands(chooser, core.programs(), core.people(), core.participants(),
        core.pairings(), core.matchmaking(), core.matchRules(), figures, core.authority(), core.audit(), notifications, directory,
        new AddingCoordinator(core.transactions(), core.programs(), core.authority(), core.audit()),
        new MovingPairing(core.transactions(), core.programs(), core.pairings(), core.pairingLifecycle(), core.authority(),
            core.audit()),
        new NudgingPeople(core.transactions(), core.programs(), core.participants(), core.pairings(), figures, notifications,
            core.authority(), core.audit()));
    ParticipantButtons buttons = new ParticipantButtons(core.answering(), core.pairings(), core.participants(), core.people(), core.meetings(), notifications, clock);
    Routes routes = Routes.of(new HelpAnswers(core.authority(), core.programs()), participantSide, programSide, coordinatorSide,
        buttons,
        new FeedbackCommands(chooser, core.programs(), core.authority(), core.audit(), feedback, clock),
        new PrivacyCommands(core.people(), core.programs(), core.authority(), core.audit(), directory,
            new PersonalDataExport(jdbi, box, feedback, clock), new Erasure(jdbi, feedback, core.audit(), clock, List.of(new TeamsErasure())),
            platforms, reflections),
        new ReportCommands(chooser, core.programs(), core.authority(), core.audit(), new ImpactReport(jdbi, feedback, clock),
            new ParticipantsCsv(jdbi, box), platforms),
        new HelpRequestCommands(chooser, core.programs(), core.authority(), core.audit(), helpRequests),
        new ReminderCommands(chooser, core.programs(), core.authority(), core.audit(), new NudgePolicies(jdbi)));
    return new ChatRouter(new Callers(core.people(), core.transactions()), routes,
        new HomeView(participantSide, core.programs(), figures, core.authority()));
  }
}
