package org.rmbot.mentoring.infra.bench;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.rmbot.mentoring.infra.bench.FaultySlack.ConversationKind.DIRECT;
import static org.rmbot.mentoring.infra.bench.FaultySlack.ConversationKind.GROUP;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.rmbot.mentoring.nudge.DeliveringNudges;
import org.rmbot.mentoring.nudge.NudgeKind;
import org.rmbot.mentoring.nudge.NudgePolicy;
import org.rmbot.mentoring.persistence.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The fault campaign: {@code serve} processes deliver one nudge to each of N pairs (the
 * introduction, in the pair's group conversation; or the mentor's preparation prompt, in a
 * direct message; or both) through a misbehaving Slack ({@link FaultySlack}) while the campaign
 * kills them with SIGKILL and restarts their PostgreSQL at random points; at the end every
 * message Slack holds is counted against the ledger, per kind of conversation too: a group's
 * message can be looked up after an uncertain attempt, a direct message cannot. A held kill
 * kills a process at the worst moment, when Slack has taken a message from each of its senders
 * and answered none: the bound delivery states for a crash (one message per sender).
 */
@Command(
    name = "faults",
    mixinStandardHelpOptions = true,
    description = {
      "Kills serve (SIGKILL) and restarts its PostgreSQL at random points of a fan-out through a faulty Slack,",
      "then counts what Slack received. See docs/RELIABILITY.md.",
      "Last line: faults: nudges=<n> delivered=<n> lost=<n> duplicated=<n> duplicated_dm=<n> duplicated_group=<n>"
          + " dead=<n> wrongly_dead=<n> ... held_dm=<n> held_group=<n> ..."
    })
public final class BenchFaultsCommand implements Callable<Integer> {
  private static final String SECRET = "a-fault-campaign-secret-that-is-long-enough";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--pairs", defaultValue = "10000",
      description = "Pairs, one nudge each per kind of conversation (default: ${DEFAULT-VALUE}).")
  int pairs;

  @CommandLine.Option(names = "--kills", defaultValue = "3", description = "SIGKILLs, at random points of the delivery (default: ${DEFAULT-VALUE}).")
  int kills;

  @CommandLine.Option(names = "--held-kills", defaultValue = "0",
      description = "SIGKILLs at the worst moment, at random points: once Slack has taken a message from each of the"
          + " process's senders and holds every answer (default: ${DEFAULT-VALUE}).")
  int heldKills;

  @CommandLine.Option(names = "--db-restarts", defaultValue = "1", description = "PostgreSQL stops and starts (default: ${DEFAULT-VALUE}).")
  int dbRestarts;

  @CommandLine.Option(names = "--db-down-seconds", defaultValue = "5", description = "How long PostgreSQL stays down (default: ${DEFAULT-VALUE}).")
  int dbDownSeconds;

  @CommandLine.Option(names = "--instances", defaultValue = "1", description = "serve processes sharing the database; each kill takes the one holding the most leases (default: ${DEFAULT-VALUE}).")
  int instances;

  @CommandLine.Option(names = "--fault-per-mille", defaultValue = "50",
      description = "Messages (per thousand) that fail on their first attempt: 500, 503, resets, timeouts, slow answers (default: ${DEFAULT-VALUE}).")
  int faultPerMille;

  @CommandLine.Option(names = "--storm-every", defaultValue = "30", description = "A 429 storm every this many seconds, 0 for none (default: ${DEFAULT-VALUE}).")
  int stormEvery;

  @CommandLine.Option(names = "--gone-every", defaultValue = "100",
      description = "Pairings whose id is a multiple of this get channel_not_found (default: ${DEFAULT-VALUE}).")
  int goneEvery;

  @CommandLine.Option(names = "--conversations", paramLabel = "KIND", defaultValue = "group",
      description = "Where the nudges go: group (the introduction, in each pair's group conversation), dm (the"
          + " mentor's preparation prompt, in a direct message) or both, two nudges per pair (default: ${DEFAULT-VALUE},"
          + " what runs A to C in docs/RELIABILITY.md measured).")
  String conversations;

  @CommandLine.Option(names = "--no-history", description = "Slack cannot look sent messages up: measures the duplicate bound without that safeguard.")
  boolean noHistory;

  @CommandLine.Option(names = "--rate", defaultValue = "200", description = "SLACK_MESSAGES_PER_SECOND of each serve (default: ${DEFAULT-VALUE}).")
  int rate;

  @CommandLine.Option(names = "--lease-seconds", defaultValue = "120", description = "MENTORING_DELIVERY_LEASE_SECONDS of each serve (default: ${DEFAULT-VALUE}).")
  int leaseSeconds;

  @CommandLine.Option(names = "--seed", defaultValue = "1", description = "Picks the kill points and the faulty messages (default: ${DEFAULT-VALUE}).")
  long seed;

  @CommandLine.Option(names = "--timeout-minutes", defaultValue = "30", description = "Give up after this long (default: ${DEFAULT-VALUE}).")
  int timeoutMinutes;

  /** Which nudges the seeded program sends, and so to which kind of conversation. */
  private enum Conversations {
    GROUP(NudgeKind.INTRODUCTION), DM(NudgeKind.MENTOR_PREPARATION), BOTH(NudgeKind.INTRODUCTION, NudgeKind.MENTOR_PREPARATION);

    private final List<NudgeKind> sent;

    Conversations(NudgeKind... sent) {
      this.sent = List.of(sent);
    }

    /** Every other scheduled kind off; the preparation prompt goes out at once, like the introduction. */
    String policy() {
      List<String> disabled = NudgePolicy.switches().stream().filter(code -> sent.stream().noneMatch(k -> k.code().equals(code)))
          .map(code -> '"' + code + '"').toList();
      return "{\"disabled\": [" + String.join(", ", disabled) + "], \"preparationAfter\": \"PT0S\"}";
    }

    int nudgesPerPair() {
      return sent.size();
    }

    String where() {
      return switch (this) {
        case GROUP -> "to group conversations";
        case DM -> "to direct messages";
        case BOTH -> "to group conversations and direct messages";
      };
    }
  }

  private sealed interface Event permits Kill, DatabaseRestart {
    int atDelivered();
  }

  /** A SIGKILL; a held one waits until Slack holds the answers to a message from each of the process's senders. */
  private record Kill(int atDelivered, int number, boolean held) implements Event {}

  private record DatabaseRestart(int atDelivered, int number) implements Event {}

  @Override
  public Integer call() throws Exception {
    if (pairs < 1 || kills < 0 || heldKills < 0 || dbRestarts < 0 || instances < 1 || goneEvery < 2
        || faultPerMille < 0 || faultPerMille > 1000) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--pairs and --instances must be positive, --kills, --held-kills and --db-restarts not negative,"
              + " --gone-every at least 2, --fault-per-mille 0 to 1000");
    }
    Conversations kind = switch (conversations.toLowerCase(Locale.ROOT)) {
      case "group" -> Conversations.GROUP;
      case "dm" -> Conversations.DM;
      case "both" -> Conversations.BOTH;
      default -> throw new CommandLine.ParameterException(spec.commandLine(),
          "--conversations is group, dm or both, not '" + conversations + "'");
    };
    int nudges = pairs * kind.nudgesPerPair();
    PrintWriter out = spec.commandLine().getOut();
    Path work = Files.createTempDirectory("mentoring-faults");
    FaultySlack slack = new FaultySlack(new FaultySlack.Settings(faultPerMille, goneEvery, !noHistory, stormEvery, 2,
        seed, 12_000));
    WireMockServer api = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
        .disableRequestJournal().containerThreads(48).extensions(slack));
    api.start();
    api.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.ok()));
    CampaignPostgres postgres = new CampaignPostgres(work.resolve("postgres"), freePort());
    List<ServeProcess> serves = new ArrayList<>();
    long started = System.nanoTime();
    boolean succeeded = false;
    try {
      postgres.start();
      int deliverable;
      int gonePairs;
      try (Database database = Database.connect(postgres.url(), 2)) {
        database.migrate();
        BenchFanoutCommand.seed(database, pairs, kind.policy());
        gonePairs = database.jdbi().withHandle(h -> h.createQuery(
            "select count(*) from pairing where id % :every = 0").bind("every", goneEvery).mapTo(Integer.class).one());
        deliverable = nudges - gonePairs * kind.nudgesPerPair();
      }
      out.printf("seeded %d pairs (%d will answer channel_not_found), %d nudges %s; Slack at %s, %d%% of messages"
              + " fail once, %s%n",
          pairs, gonePairs, nudges, kind.where(), api.baseUrl(), faultPerMille / 10,
          noHistory ? "no history lookups" : "history lookups on in groups (direct messages cannot be looked up)");
      Map<String, String> env = Map.of(
          "DATABASE_URL", postgres.url().jdbcUrl() + "?user=postgres",
          "MENTORING_SECRET_KEY", SECRET,
          "SLACK_SIGNING_SECRET", "fault-campaign-signing-secret",
          "SLACK_API_URL", api.baseUrl() + "/api/",
          "MENTORING_DISPATCH_EVERY_SECONDS", "1",
          "MENTORING_DELIVERY_LEASE_SECONDS", String.valueOf(leaseSeconds),
          "SLACK_MESSAGES_PER_SECOND", String.valueOf(rate),
          "MENTORING_LOG_LEVEL", "WARN");
      for (int i = 1; i <= instances; i++) {
        // a token of its own, so Slack can tell whose messages it holds at a held kill
        Map<String, String> own = new HashMap<>(env);
        own.put("SLACK_BOT_TOKEN", token("faults-" + i));
        serves.add(new ServeProcess("faults-" + i, freePort(), own, work.resolve("serve-" + i + ".log")));
      }
      serves.forEach(ServeProcess::start);
      for (ServeProcess serve : serves) {
        require(serve.awaitReadiness(200, Duration.ofMinutes(3)), serve.name() + " ready");
      }
      out.printf("%d serve process(es) ready after %.1f s%n", instances, seconds(started));
      out.flush();

      long deadline = started + Duration.ofMinutes(timeoutMinutes).toNanos();
      try (Database database = Database.connect(postgres.url(), 2)) {
        for (Event event : events(deliverable)) {
          while (slack.delivered() < event.atDelivered()) {
            if (System.nanoTime() > deadline) {
              throw new IllegalStateException("timed out before " + event + "; ledger: " + states(database));
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
          }
          if (event instanceof Kill kill) {
            kill(kill, busiest(serves, kill, database), database, slack, out);
          } else if (event instanceof DatabaseRestart restart) {
            restartDatabase(restart, postgres, serves, slack, out);
          }
          out.flush();
        }
        while (unfinished(database, nudges) > 0) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("timed out waiting for the last nudges; ledger: " + states(database));
          }
          LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        double elapsed = seconds(started);
        report(database, slack, nudges, elapsed, out);
      }
      succeeded = true;
      return 0;
    } finally {
      serves.forEach(ServeProcess::close);
      slack.releaseHeld();
      api.stop();
      postgres.close();
      if (succeeded) {
        deleteQuietly(work);
      } else {
        spec.commandLine().getErr().println("the serve logs are kept in " + work);
      }
    }
  }

  /**
   * Kills and restarts at random points between 10 % and 90 % of the deliverable messages,
   * numbered in order. The plain kills' and restarts' points are drawn first, so a seed gives
   * the same ones with or without held kills.
   */
  private List<Event> events(int deliverable) {
    Random random = new Random(seed);
    List<Integer> killPoints = new ArrayList<>();
    List<Integer> restartPoints = new ArrayList<>();
    for (int k = 0; k < kills; k++) {
      killPoints.add(point(random, deliverable));
    }
    for (int r = 0; r < dbRestarts; r++) {
      restartPoints.add(point(random, deliverable));
    }
    List<Kill> allKills = new ArrayList<>();
    killPoints.forEach(at -> allKills.add(new Kill(at, 0, false)));
    for (int h = 0; h < heldKills; h++) {
      allKills.add(new Kill(point(random, deliverable), 0, true));
    }
    allKills.sort(Comparator.comparingInt(Kill::atDelivered));
    restartPoints.sort(null);
    List<Event> events = new ArrayList<>();
    for (int k = 0; k < allKills.size(); k++) {
      events.add(new Kill(allKills.get(k).atDelivered(), k + 1, allKills.get(k).held()));
    }
    for (int r = 0; r < dbRestarts; r++) {
      events.add(new DatabaseRestart(restartPoints.get(r), r + 1));
    }
    events.sort(Comparator.comparingInt(Event::atDelivered));
    return events;
  }

  private static int point(Random random, int deliverable) {
    return (int) (deliverable * (0.1 + 0.8 * random.nextDouble()));
  }

  /** The process holding the most leases right now: killing it interrupts the most work. */
  private ServeProcess busiest(List<ServeProcess> serves, Kill kill, Database database) {
    String owner = database.jdbi().withHandle(h -> h.createQuery(
            "select lease_owner from nudge where state = 'sending' group by lease_owner order by count(*) desc limit 1")
        .mapTo(String.class).findOne().orElse(""));
    return serves.stream().filter(s -> s.name().equals(owner)).findFirst()
        .orElse(serves.get((kill.number() - 1) % serves.size()));
  }

  private void kill(Kill kill, ServeProcess serve, Database database, FaultySlack slack, PrintWriter out) {
    long duplicatesBefore = slack.duplicates();
    int deliveredAtKill = slack.delivered();
    String heldLine = kill.held() ? holdEverySender(serve, slack) : "";
    serve.kill();
    slack.releaseHeld();
    int held = database.jdbi().withHandle(h -> h.createQuery(
        "select count(*) from nudge where state = 'sending' and lease_owner = :owner").bind("owner", serve.name())
        .mapTo(Integer.class).one());
    int begun = database.jdbi().withHandle(h -> h.createQuery(
        "select count(*) from nudge where state = 'sending' and lease_owner = :owner and conversation_id is not null"
            + " and lease_until > now()").bind("owner", serve.name()).mapTo(Integer.class).one());
    long restarted = System.nanoTime();
    serve.start();
    require(serve.awaitReadiness(200, Duration.ofMinutes(3)), serve.name() + " ready again");
    out.printf(Locale.ROOT, "kill %d: %sSIGKILL %s at delivered=%d; it held %d leased rows (%d with a send begun);"
            + " ready again after %.1f s; duplicates so far %d (were %d)%n",
        kill.number(), heldLine, serve.name(), deliveredAtKill, held, begun, seconds(restarted), slack.duplicates(),
        duplicatesBefore);
  }

  /**
   * Has Slack take the process's next messages and hold their answers until there is one for
   * each of its senders (so none of them has a send that ended unrecorded), or 8 s have passed
   * (a sender waiting out a timeout or a 429, fewer rows left than senders): inside the 10 s in
   * which its Slack client gives up on an answer. Says what was held.
   */
  private static String holdEverySender(ServeProcess serve, FaultySlack slack) {
    int senders = DeliveringNudges.Settings.defaults(serve.name()).concurrency();
    int directBefore = slack.held(DIRECT);
    int groupBefore = slack.held(GROUP);
    slack.holdAnswers(token(serve.name()), senders);
    long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
    while (slack.holding() < senders && System.nanoTime() < until) {
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
    int direct = slack.held(DIRECT) - directBefore;
    int group = slack.held(GROUP) - groupBefore;
    return String.format(Locale.ROOT, "held: Slack took %d messages of %s's (%d direct, %d group; it has %d senders)"
        + " and answered none; ", direct + group, serve.name(), direct, group, senders);
  }

  private static String token(String instance) {
    return "xoxb-fault-campaign-" + instance;
  }

  private void restartDatabase(DatabaseRestart restart, CampaignPostgres postgres, List<ServeProcess> serves,
      FaultySlack slack, PrintWriter out) {
    int deliveredAtStop = slack.delivered();
    long stopped = System.nanoTime();
    postgres.stop();
    List<String> notReady = new ArrayList<>();
    for (ServeProcess serve : serves) {
      Duration after = require(serve.awaitReadiness(503, Duration.ofMinutes(1)), serve.name() + " not ready");
      notReady.add(String.format(Locale.ROOT, "%s after %.1f s", serve.name(), after.toMillis() / 1000.0));
    }
    // the outage itself: the database stays down this long whatever the bots do
    long downUntil = stopped + Duration.ofSeconds(dbDownSeconds).toNanos();
    while (System.nanoTime() < downUntil) {
      LockSupport.parkNanos(downUntil - System.nanoTime());
    }
    int deliveredWhileDown = slack.delivered() - deliveredAtStop;
    postgres.start();
    long back = System.nanoTime();
    List<String> ready = new ArrayList<>();
    for (ServeProcess serve : serves) {
      require(serve.awaitReadiness(200, Duration.ofMinutes(3)), serve.name() + " ready after the database restart");
      ready.add(String.format(Locale.ROOT, "%s after %.1f s", serve.name(), seconds(back)));
    }
    int deliveredAtBack = slack.delivered();
    long moreBy = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (slack.delivered() == deliveredAtBack && System.nanoTime() < moreBy) {
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    out.printf(Locale.ROOT, "db restart %d: PostgreSQL stopped at delivered=%d for %.1f s (%d delivered meanwhile);"
            + " /readyz 503: %s; /readyz 200 again: %s; deliveries resumed %.1f s after the database was back%n",
        restart.number(), deliveredAtStop, (back - stopped) / 1e9, deliveredWhileDown, String.join(", ", notReady),
        String.join(", ", ready), seconds(back));
  }

  private void report(Database database, FaultySlack slack, int nudges, double elapsed, PrintWriter out) {
    Set<String> delivered = slack.deliveredKeys();
    int[] lost = {0};
    int[] wronglyDead = {0};
    int[] goneNotDead = {0};
    int[] sentNotReceived = {0};
    database.jdbi().useHandle(h -> h.createQuery("select idempotency_key, pairing_id, state, last_error from nudge")
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
        .forEach(row -> {
          boolean gone = Long.parseLong(row[1]) % goneEvery == 0;
          if (gone) {
            if (!row[2].equals("dead") || !"channel_not_found".equals(row[3])) {
              goneNotDead[0]++;
            }
            return;
          }
          if (!delivered.contains(row[0])) {
            lost[0]++;
          }
          if (row[2].equals("dead")) {
            wronglyDead[0]++;
          }
          if (row[2].equals("sent") && !delivered.contains(row[0])) {
            sentNotReceived[0]++;
          }
        }));
    int rows = database.jdbi().withHandle(h -> h.createQuery("select count(*) from nudge").mapTo(Integer.class).one());
    out.printf("ledger: %s; Slack: %d distinct messages, %d 429s in storms, %d channel_not_found, %d found again by"
            + " history lookup; faults injected: %s; duplicates by what became of the copy before: %s%n",
        states(database), slack.delivered(), slack.limited(), slack.gone(), slack.historyHits(), slack.faults(),
        slack.duplicateCauses());
    for (FaultySlack.ConversationKind kind : FaultySlack.ConversationKind.values()) {
      out.printf("%s: %d channels opened, %d distinct messages, %d first attempts taken with the answer lost, %d"
              + " answers held at a kill; duplicates by what became of the copy before: %s%n",
          kind == DIRECT ? "direct messages" : "group conversations", slack.opened(kind), slack.delivered(kind),
          slack.uncertain(kind), slack.held(kind), slack.duplicateCauses(kind));
    }
    out.println(String.format(Locale.ROOT,
        "faults: nudges=%d delivered=%d lost=%d duplicated=%d duplicated_dm=%d duplicated_group=%d dead=%d"
            + " wrongly_dead=%d gone_not_dead=%d sent_not_received=%d kills=%d held_kills=%d db_restarts=%d instances=%d"
            + " injected=%d delivered_dm=%d delivered_group=%d uncertain_dm=%d held_dm=%d held_group=%d"
            + " dm_history_asked=%d seconds=%.0f",
        rows, slack.delivered(), lost[0] + (nudges - rows), slack.duplicates(), slack.duplicates(DIRECT),
        slack.duplicates(GROUP), states(database).getOrDefault("dead", 0), wronglyDead[0], goneNotDead[0],
        sentNotReceived[0], kills, heldKills, dbRestarts, instances,
        slack.faults().values().stream().mapToInt(Integer::intValue).sum(), slack.delivered(DIRECT),
        slack.delivered(GROUP), slack.uncertain(DIRECT), slack.held(DIRECT), slack.held(GROUP),
        slack.directHistoryAsked(), elapsed));
  }

  private static Map<String, Integer> states(Database database) {
    Map<String, Integer> states = new HashMap<>();
    database.jdbi().useHandle(h -> h.createQuery("select state, count(*) from nudge group by state")
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2))).forEach(e -> states.put(e.getKey(), e.getValue())));
    return states;
  }

  /** Rows not yet in a final state; the count is of all nudges until planning has inserted them. */
  private static int unfinished(Database database, int nudges) {
    return database.jdbi().withHandle(h -> h.createQuery(
        """
        select :nudges - count(*) filter (where state not in ('planned', 'failed_retrying', 'sending')) from nudge""")
        .bind("nudges", nudges).mapTo(Integer.class).one());
  }

  private static <T> T require(T value, String what) {
    if (value == null) {
      throw new IllegalStateException("timed out waiting: " + what);
    }
    return value;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory; the OS cleans it eventually
    }
  }
}
