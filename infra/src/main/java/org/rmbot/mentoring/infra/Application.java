package org.rmbot.mentoring.infra;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import org.rmbot.mentoring.slack.SlackEventsServlet;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.rmbot.mentoring.access.ConfiguredAdmins;
import org.rmbot.mentoring.chat.ChatPlatform;
import org.rmbot.mentoring.chat.ChatPlatforms;
import org.rmbot.mentoring.conversation.ChatDesk;
import org.rmbot.mentoring.conversation.Directory;
import org.rmbot.mentoring.infra.http.ReadinessCheck;
import org.rmbot.mentoring.infra.http.WebServer;
import org.rmbot.mentoring.nudge.DeliveringNudges;
import org.rmbot.mentoring.nudge.DeliveryLimits;
import org.rmbot.mentoring.nudge.LedgerNotifications;
import org.rmbot.mentoring.nudge.schedule.NudgeScheduler;
import org.rmbot.mentoring.privacy.SealedBox;
import org.rmbot.mentoring.replay.SeenRequests;
import org.rmbot.mentoring.replay.SeenRequestsInDatabase;
import org.rmbot.mentoring.slack.BlockKitRenderer;
import org.rmbot.mentoring.slack.SlackBot;
import org.rmbot.mentoring.slack.SlackChatPlatform;
import org.rmbot.mentoring.slack.SlackProfiles;
import org.rmbot.mentoring.slack.SlackReplays;
import org.rmbot.mentoring.slack.SlackSettings;
import org.rmbot.mentoring.slack.SlackSocketMode;
import org.rmbot.mentoring.teams.AdaptiveCardRenderer;
import org.rmbot.mentoring.teams.FileConsent;
import org.rmbot.mentoring.teams.PendingFiles;
import org.rmbot.mentoring.teams.TeamsAdapter;
import org.rmbot.mentoring.teams.TeamsBot;
import org.rmbot.mentoring.teams.TeamsChatPlatform;
import org.rmbot.mentoring.teams.TeamsPeople;
import org.rmbot.mentoring.teams.TeamsPeopleInDatabase;
import org.rmbot.mentoring.teams.TeamsProfiles;
import org.rmbot.mentoring.teams.TeamsServlet;
import org.rmbot.mentoring.teams.TeamsSettings;
import org.rmbot.mentoring.participant.Platform;

/**
 * The running bot: storage, core, nudge schedule, platform adapters and the web server, built
 * by hand in the order they depend on each other and closed in reverse. {@code serve} runs one;
 * tests start several in one JVM.
 */
public final class Application implements AutoCloseable {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Application.class);
  private final List<AutoCloseable> closeInOrder = new ArrayList<>();
  private WebServer web;
  private NudgeScheduler scheduler;
  private final Schedule schedule;
  private final MessageTap tap;

  private Application(Schedule schedule, MessageTap tap) {
    this.schedule = schedule;
    this.tap = tap;
  }

  /**
   * Starts everything configured in {@code env}, its due work on Quartz; a configuration error is
   * an IllegalArgumentException with one line.
   */
  public static Application start(Map<String, String> env, Clock clock, PrintWriter out) throws Exception {
    return start(env, clock, out, Schedule.quartz());
  }

  /** @param schedule who runs the due work ({@code serve}: {@link Schedule#quartz()}) */
  public static Application start(Map<String, String> env, Clock clock, PrintWriter out, Schedule schedule)
      throws Exception {
    return start(env, clock, out, schedule, MessageTap.NONE);
  }

  /** @param tap sees every message in its neutral form (the demo records them); {@code serve} has none */
  public static Application start(Map<String, String> env, Clock clock, PrintWriter out, Schedule schedule,
      MessageTap tap) throws Exception {
    Application app = new Application(schedule, tap);
    try {
      app.startAll(env, clock, out);
      return app;
    } catch (Exception | Error e) {
      app.close();
      throw e;
    }
  }

  private void startAll(Map<String, String> env, Clock clock, PrintWriter out) throws Exception {
    Settings settings = Settings.from(env);
    ServerSettings server = ServerSettings.from(env);
    Optional<SlackSettings> slackSettings = SlackSettings.from(env);
    Optional<TeamsSettings> teamsSettings = TeamsSettings.from(env);
    ConfiguredAdmins admins = ConfiguredAdmins.read(server.admins(), slackSettings.isPresent());
    var secret = SecretKeys.resolve(env, settings);

    // this process stops the embedded database itself, last (close()): after the schedule and the
    // deliveries in flight, which would otherwise meet a database already gone
    Storage storage = Storage.openOwned(settings, 10);
    closeInOrder.add(0, storage);
    out.println("database: " + storage.description() + " (schema " + storage.database().schemaVersion() + ")");
    Slack slack = null;
    com.slack.api.methods.response.auth.AuthTestResponse auth = null;
    Optional<String> slackInstallation = Optional.empty();
    if (slackSettings.isPresent()) {
      slack = SlackChatPlatform.client(slackSettings.get().apiUrl());
      try {
        auth = slack.methods(slackSettings.get().botToken()).authTest(r -> r);
      } catch (java.io.IOException e) {
        throw new Unreachable("Slack", slackSettings.get().apiUrl(), e);
      }
      if (!auth.isOk()) {
        throw new IllegalArgumentException("Slack refused SLACK_BOT_TOKEN (auth.test: " + auth.getError() + ")");
      }
      slackInstallation = Optional.of(SlackBot.installation(auth.isEnterpriseInstall(), auth.getEnterpriseId(), auth.getTeamId()));
    }
    Wiring.Core core = Wiring.core(storage.database(), clock, admins.bind(slackInstallation));
    SealedBox box = new SealedBox(secret);

    ExecutorService work = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "chat-work");
      t.setDaemon(true);
      return t;
    });
    closeInOrder.add(0, () -> {
      work.shutdown();
      work.awaitTermination(10, TimeUnit.SECONDS);
    });

    List<ChatPlatform> platforms = new ArrayList<>();
    Directory directory = Directory.NONE;
    SlackProfiles profiles = null;
    if (slackSettings.isPresent()) {
      platforms.add(new SlackChatPlatform(slack, slackSettings.get().botToken(), slackInstallation.get(), new BlockKitRenderer()));
      profiles = new SlackProfiles(slack.methods(slackSettings.get().botToken()));
      directory = profiles;
      out.println("slack: connected to " + (auth.isEnterpriseInstall() ? "organisation " + slackInstallation.get()
          + " (org-wide install)" : "workspace " + slackInstallation.get()) + " as " + auth.getUser()
          + (slackSettings.get().socketMode() ? " (Socket Mode)" : " (HTTP Events API at /slack/events)"));
    } else {
      out.println("slack: not configured (set SLACK_BOT_TOKEN with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET)");
    }
    TeamsAdapter teamsAdapter = null;
    TeamsProfiles teamsProfiles = null;
    TeamsPeople teamsPeople = null;
    FileConsent teamsFiles = null;
    if (teamsSettings.isPresent()) {
      teamsAdapter = new TeamsAdapter(teamsSettings.get(), clock, Duration.ofSeconds(30));
      checkTeamsCredentials(teamsAdapter, teamsSettings.get());
      teamsProfiles = new TeamsProfiles();
      teamsPeople = new TeamsPeopleInDatabase(storage.database().jdbi(), clock);
      teamsFiles = new FileConsent(new PendingFiles(storage.database().jdbi(), box, clock), Duration.ofSeconds(60));
      platforms.add(new TeamsChatPlatform(teamsAdapter, teamsPeople, new AdaptiveCardRenderer(), teamsFiles, clock));
      if (teamsSettings.get().unauthenticated()) {
        out.println("teams: WARNING: Bot Framework Emulator mode (TEAMS_ENABLED=emulator): activities at /api/messages"
            + " are NOT authenticated. Anyone who can reach this port can act as anyone. Never expose it.");
      } else {
        out.println("teams: app " + teamsSettings.get().appId().get()
            + teamsSettings.get().tenantId().map(t -> " (single tenant " + t + ")").orElse("") + ", Bot Framework messaging endpoint at /api/messages");
      }
    } else {
      out.println("teams: not configured (set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD)");
    }
    if (profiles != null && teamsProfiles != null) {
      Directory slackDirectory = profiles;
      Directory teamsDirectory = teamsProfiles;
      directory = identity -> identity.platform() == Platform.SLACK ? slackDirectory.emailOf(identity) : teamsDirectory.emailOf(identity);
    } else if (teamsProfiles != null) {
      directory = teamsProfiles;
    }
    if (platforms.isEmpty()) {
      out.println("warning: no chat platform is configured, so nobody can reach the bot; see README, Configuration");
    }

    DeliveringNudges.Settings defaults = DeliveringNudges.Settings.defaults(server.instanceId());
    DeliveringNudges.Settings delivery = new DeliveringNudges.Settings(defaults.owner(),
        Duration.ofSeconds(server.deliveryLeaseSeconds()), defaults.batchSize(), defaults.concurrency(), defaults.retry(),
        schedule.inlineWait(defaults.inlineWait()));
    ChatPlatforms connected = new ChatPlatforms(platforms.stream().map(p -> MessageTap.tapped(p, tap))
        .toArray(ChatPlatform[]::new));
    DeliveryLimits limits = new DeliveryLimits(clock, DeliveryLimits.publishedLimits(server.slackMessagesPerSecond()), 10_000);
    Wiring.Nudges nudges = Wiring.nudges(core, storage.database(), clock, secret, connected, limits,
        delivery, quartzSettings(server));
    closeInOrder.add(0, nudges);
    scheduler = nudges.scheduler();
    LedgerNotifications notifications = new LedgerNotifications(nudges.ledger(), nudges.planning(), core.participants(),
        core.programs(), clock);
    ChatDesk desk = MessageTap.tapped(Wiring.desk(core, storage.database(), clock, box, notifications, directory,
        nudges.feedback(), connected), tap);

    // signatures and tokens are valid by real time, whatever clock the bot runs on (the demo's is fast)
    SeenRequests seen = new SeenRequestsInDatabase(storage.database().jdbi(), Clock.systemUTC());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    BotMetrics.register(registry, nudges.ledger());
    WebServer.Builder web = WebServer.builder().host(server.host()).port(server.port()).metrics(registry)
        .maxRequestBytes(server.maxRequestBytes())
        .readiness(List.of(databaseCheck(storage), ReadinessCheck.of("scheduler", schedule::problem),
            platformsCheck(platforms)));
    if (slackSettings.isPresent()) {
      SlackBot bot = new SlackBot(desk, profiles, new BlockKitRenderer(), work);
      App bolt = bot.app(slackSettings.get(), slack);
      bolt.use(new SlackReplays(seen));
      var acks = BotMetrics.slackAckTimer(registry);
      if (slackSettings.get().socketMode()) {
        BotMetrics.timeSlackRequests(acks, bolt);
        SlackSocketMode socket;
        try {
          socket = SlackSocketMode.start(slack, slackSettings.get().appToken().get(), bolt, server.maxRequestBytes());
        } catch (java.io.IOException e) {
          throw new Unreachable("Slack", slackSettings.get().apiUrl(), e);
        }
        closeInOrder.add(0, socket);
      } else {
        web.endpoint("/slack/events", new SlackEventsServlet(bolt, acks::record));
      }
    }
    if (teamsAdapter != null) {
      TeamsBot teamsBot = new TeamsBot(desk, teamsProfiles, teamsPeople, new AdaptiveCardRenderer(), teamsFiles,
          teamsSettings.get().unauthenticated());
      web.endpoint("/api/messages", new TeamsServlet(teamsAdapter, teamsBot, server.maxRequestBytes(), seen));
    }
    this.web = web.start();
    closeInOrder.add(0, this.web);
    closeInOrder.add(0, schedule.start(nudges));
    out.println("listening on http://" + server.host() + ":" + this.web.port()
        + " (/healthz, /readyz, /metrics" + (slackSettings.isPresent() && !slackSettings.get().socketMode() ? ", /slack/events" : "")
        + (teamsSettings.isPresent() ? ", /api/messages" : "") + ")");
    out.flush();
    log.info("started instance {} on port {} with {} chat platform(s)", server.instanceId(), this.web.port(), platforms.size());
  }

  private static NudgeScheduler.Settings quartzSettings(ServerSettings server) {
    NudgeScheduler.Settings d = NudgeScheduler.Settings.defaults(server.instanceId());
    return new NudgeScheduler.Settings(d.instanceId(), d.planEvery(), java.time.Duration.ofSeconds(server.dispatchEverySeconds()),
        d.threads(), d.checkinInterval());
  }

  private static ReadinessCheck databaseCheck(Storage storage) {
    return ReadinessCheck.of("database", () -> {
      try {
        storage.database().jdbi().withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one());
        return null;
      } catch (RuntimeException e) {
        return "unreachable";
      }
    });
  }

  /**
   * As Slack's bot token is checked at start, so are Teams' credentials: the bot asks the
   * configured token endpoint for its own token. Refused is a configuration error; no answer is
   * a network failure. The Emulator's mode has no credentials to check.
   */
  private static void checkTeamsCredentials(TeamsAdapter adapter, TeamsSettings settings) {
    if (settings.unauthenticated()) {
      return;
    }
    try {
      adapter.fetchOwnToken();
    } catch (TeamsAdapter.TokenRefused e) {
      throw new IllegalArgumentException("Microsoft refused MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD: the token"
          + " endpoint at " + settings.loginUrl() + " answered " + e.getMessage());
    } catch (java.io.IOException e) {
      throw new Unreachable("the Bot Framework token endpoint", settings.loginUrl(), e);
    }
  }

  /** Ready means someone can reach the bot: at least one chat platform, its credentials accepted at start. */
  private static ReadinessCheck platformsCheck(List<ChatPlatform> platforms) {
    boolean none = platforms.isEmpty();
    return ReadinessCheck.of("platforms", () -> none ? "none configured" : null);
  }

  public int port() {
    return web.port();
  }

  /** Stops taking requests, lets deliveries finish or release their leases, then closes the pool. */
  @Override
  public void close() {
    log.info("stopping");
    if (scheduler != null) {
      scheduler.standby();
    }
    for (AutoCloseable c : closeInOrder) {
      try {
        c.close();
      } catch (Exception e) {
        // keep closing the rest; shutdown must not stop half way
      }
    }
    closeInOrder.clear();
  }

}
