package org.rmbot.mentoring.infra.bench;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.rmbot.mentoring.chat.ChatPlatforms;
import org.rmbot.mentoring.infra.Wiring;
import org.rmbot.mentoring.privacy.SecretKey;
import org.rmbot.mentoring.nudge.DeliveringNudges;
import org.rmbot.mentoring.nudge.DeliveryLimits;
import org.rmbot.mentoring.nudge.NudgeState;
import org.rmbot.mentoring.nudge.RetryPolicy;
import org.rmbot.mentoring.nudge.schedule.NudgeScheduler;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.persistence.Database;
import org.rmbot.mentoring.persistence.EmbeddedDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Fan-out: one nudge (the introduction) for each of N active pairs, planned and delivered by
 * the real planner, ledger, delivery and clustered Quartz schedule, through HTTP to a local
 * WireMock that accepts at most {@code --rate} messages per second.
 */
@Command(
    name = "fanout",
    mixinStandardHelpOptions = true,
    description = {
      "Plans one nudge for each of N pairs and delivers them through a local rate-limited WireMock.",
      "Last line: fanout: delivered=<n> duplicates=<n> lost=<n> rate_ratio=<achieved/allowed> 429s=<n> heap_mb=<peak>"
    })
public final class BenchFanoutCommand implements Callable<Integer> {
  private static final String ONLY_INTRODUCTIONS = """
      {"disabled": ["book_first_meeting", "mentor_preparation", "meeting_reminder", "check_in", "reflection",
                    "stalled", "at_risk", "kickoff", "midpoint", "closing", "feedback_campaign"]}""";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--pairs", defaultValue = "10000", description = "Active pairs, one nudge each (default: ${DEFAULT-VALUE}).")
  int pairs;

  @CommandLine.Option(names = "--rate", defaultValue = "50", description = "Messages per second the platform accepts (default: ${DEFAULT-VALUE}).")
  int rate;

  @CommandLine.Option(names = "--concurrency", defaultValue = "8", description = "Sends in flight at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Override
  public Integer call() {
    if (pairs < 1 || rate < 1 || concurrency < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--pairs, --rate and --concurrency must be positive");
    }
    var out = spec.commandLine().getOut();
    HeapPeak heap = new HeapPeak();
    heap.start();
    RateLimitedInbox inbox = new RateLimitedInbox(rate);
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
        .disableRequestJournal().containerThreads(Math.max(16, concurrency * 2)).extensions(inbox));
    server.start();
    server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.ok()));
    Clock clock = Clock.systemUTC();
    try (EmbeddedDatabase postgres = EmbeddedDatabase.startThrowaway();
        Database database = Database.connect(postgres.url(), concurrency + 8)) {
      database.migrate();
      seed(database, pairs);
      out.printf("seeded %d active pairs; platform at %s accepts %d messages/s%n", pairs, server.baseUrl(), rate);

      // our own budget stays just under the platform's: 95% sustained, bursts of 5% of a second
      long sustained = Math.max(1, rate * 95L / 100);
      long burst = Math.max(1, rate / 20);
      DeliveryLimits limits = new DeliveryLimits(clock, Map.of(Platform.SLACK, new DeliveryLimits.PlatformLimits(
          List.of(new DeliveryLimits.Band(burst, sustained, Duration.ofSeconds(1))),
          List.of(new DeliveryLimits.Band(1, 1, Duration.ofSeconds(1))))), 10_000);
      Wiring.Core core = Wiring.core(database, clock);
      long started = System.nanoTime();
      // a throwaway key: the bench's database is thrown away too
      SecretKey secret = SecretKey.of(java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID());
      try (Wiring.Nudges nudges = Wiring.nudges(core, database, clock, secret,
          new ChatPlatforms(new HttpBenchPlatform(URI.create(server.baseUrl()))), limits,
          new DeliveringNudges.Settings("bench-1", Duration.ofMinutes(2), Math.max(16, rate / 10), concurrency,
              RetryPolicy.defaults(), Duration.ofSeconds(1)),
          new NudgeScheduler.Settings("bench-1", Duration.ofSeconds(1), Duration.ofMillis(20), 3, Duration.ofSeconds(5)))) {
        nudges.scheduler().start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120 + 3L * pairs / rate).toNanos();
        Map<NudgeState, Integer> states = Map.of();
        while (System.nanoTime() < deadline) {
          states = nudges.ledger().countByState();
          int finished = states.entrySet().stream().filter(e -> e.getKey().isFinal()).mapToInt(Map.Entry::getValue).sum();
          if (finished >= pairs) {
            break;
          }
          LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
        }
        nudges.scheduler().standby();
        out.printf("ledger: %s after %.1f s%n", states, (System.nanoTime() - started) / 1e9);
      }
      int delivered = inbox.delivered();
      double ratio = inbox.achievedRate() / rate;
      out.printf("platform: %d requests, %d accepted, %d answered 429, %.1f messages/s%n",
          inbox.requests(), inbox.accepted(), inbox.limited(), inbox.achievedRate());
      out.println(String.format(Locale.ROOT, "fanout: delivered=%d duplicates=%d lost=%d rate_ratio=%.2f 429s=%d heap_mb=%d",
          delivered, inbox.duplicates(), pairs - delivered, ratio, inbox.limited(), heap.peakMegabytes()));
      return 0;
    } finally {
      server.stop();
      heap.stopSampling();
    }
  }

  /** N active pairs in one active program whose policy sends only the introduction; everyone works around the clock. */
  static void seed(Database database, int pairs) {
    seed(database, pairs, ONLY_INTRODUCTIONS);
  }

  /** N active pairs in one active program with this nudge policy (JSON); everyone works around the clock. */
  static void seed(Database database, int pairs, String policy) {
    database.jdbi().useTransaction(h -> {
      long program = h.createQuery(
              """
              insert into program (name, theme, state, starts_on, ends_on, cadence_days, nudge_policy, created_at)
              values ('Fan-out bench', 'Generations and technology', 'active', current_date, current_date + 84, 14,
                      cast(:policy as jsonb), now())
              returning id""")
          .bind("policy", policy).mapTo(Long.class).one();
      h.createUpdate(
              """
              insert into person (email, display_name, time_zone, work_start, work_end, work_days, created_at, updated_at)
              select 'person' || g || '@bench.example', 'Person ' || g, 'UTC', '00:00', '23:59', '{1,2,3,4,5,6,7}', now(), now()
              from generate_series(1, :people) g""")
          .bind("people", 2 * pairs).execute();
      h.execute("insert into platform_identity (platform, workspace_id, user_id, person_id) select 'slack', 'T-BENCH', 'U' || id, id from person");
      h.createUpdate(
              """
              insert into participant (program_id, person_id, role, grade, department, enrolled_at)
              select :program, id, case when id % 2 = 1 then 'mentor' else 'mentee' end,
                     case when id % 2 = 1 then 2 else 8 end, 'Department ' || id, now()
              from person""")
          .bind("program", program).execute();
      h.createUpdate(
              """
              insert into pairing (program_id, mentor_id, mentee_id, state, proposed_at, activated_at)
              select :program, mt.id, me.id, 'active', now(), now()
              from participant mt join participant me on me.person_id = mt.person_id + 1
              where mt.role = 'mentor' and mt.program_id = :program""")
          .bind("program", program).execute();
    });
  }

  /** Samples the heap in use every 50 ms and keeps the highest value. */
  private static final class HeapPeak extends Thread {
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean running = true;

    HeapPeak() {
      super("heap-peak");
      setDaemon(true);
    }

    @Override
    public void run() {
      var memory = ManagementFactory.getMemoryMXBean();
      while (running) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
      }
    }

    long peakMegabytes() {
      peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
      return peak.get() / (1024 * 1024);
    }

    void stopSampling() {
      running = false;
    }
  }
}
