package org.rmbot.mentoring.infra.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.rmbot.mentoring.infra.Application;
import org.rmbot.mentoring.infra.Wiring;
import org.rmbot.mentoring.infra.bench.InboundRequests.Kind;
import org.rmbot.mentoring.persistence.Database;
import org.rmbot.mentoring.persistence.DatabaseUrl;
import org.rmbot.mentoring.persistence.EmbeddedDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Inbound load at rising rates against {@code serve} (the whole application: Jetty, Bolt, the
 * Bot Framework adapter, the desk and a throwaway embedded PostgreSQL) with both platforms played
 * by a local WireMock. Open loop: requests are sent on a fixed schedule whatever the answers do,
 * and each latency runs from the request's scheduled time, so a stalled server is charged for
 * the requests it held up (no coordinated omission).
 */
@Command(
    name = "inbound",
    mixinStandardHelpOptions = true,
    description = {
      "Signed Slack commands and button clicks and Teams activities at rising rates against the whole bot,"
          + " until the p99 acknowledgement passes --stop-p99-ms or errors appear.",
      "One line per step; last line: inbound: kinds=<list> sustained_rate=<req/s with p99 < 100 ms>"
          + " sustained_p99_ms=<x> last_rate=<n> stopped=<why>"
    })
public final class BenchInboundCommand implements Callable<Integer> {
  private static final double SUSTAINED_P99_MS = 100;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--rates", split = ",", defaultValue = "25,50,100,200,400,800,1600,3200",
      description = "Request rates to step through, per second (default: ${DEFAULT-VALUE}).")
  List<Integer> rates;

  @CommandLine.Option(names = "--step-seconds", defaultValue = "15", description = "Seconds per step (default: ${DEFAULT-VALUE}).")
  int stepSeconds;

  @CommandLine.Option(names = "--warmup", defaultValue = "30",
      description = "Seconds of unrecorded warm-up, for the JIT compiler and the pools (default: ${DEFAULT-VALUE}).")
  int warmup;

  @CommandLine.Option(names = "--warmup-rate", defaultValue = "100",
      description = "Requests per second during the warm-up (default: ${DEFAULT-VALUE}).")
  int warmupRate;

  @CommandLine.Option(names = "--kinds", split = ",",
      defaultValue = "slack-me,slack-status,slack-checkin,teams-me,teams-status,teams-checkin",
      description = "Requests to send, in turn (default: ${DEFAULT-VALUE}).")
  List<String> kindNames;

  @CommandLine.Option(names = "--participants", defaultValue = "200",
      description = "Participants in the program, taking turns to send (default: ${DEFAULT-VALUE}).")
  int participants;

  @CommandLine.Option(names = "--stop-p99-ms", defaultValue = "1000",
      description = "Stop after a step whose p99 is above this (default: ${DEFAULT-VALUE}).")
  double stopP99;

  @Override
  public Integer call() throws Exception {
    if (rates.isEmpty() || rates.stream().anyMatch(r -> r < 1) || stepSeconds < 1 || warmup < 0 || warmupRate < 1
        || participants < 2) {
      throw new IllegalArgumentException("--rates and --step-seconds must be at least 1, --warmup at least 0, --warmup-rate at least 1,"
          + " --participants at least 2");
    }
    List<Kind> kinds = kindNames.stream().map(Kind::of).toList();
    PrintWriter out = spec.commandLine().getOut();
    List<LocalPlatforms.Person> people = BenchPrograms.participants(participants);
    LocalPlatforms.Person coordinator = BenchPrograms.coordinator();
    List<LocalPlatforms.Person> everyone = new ArrayList<>(people);
    everyone.add(coordinator);
    try (LocalPlatforms platforms = new LocalPlatforms(everyone);
        EmbeddedDatabase postgres = EmbeddedDatabase.startThrowaway()) {
      String url = postgres.url().jdbcUrl();
      Map<Integer, Long> pairingOf;
      try (Database database = Database.connect(new DatabaseUrl(url, null, null), 2)) {
        database.migrate();
        pairingOf = BenchPrograms.seedActive(Wiring.core(database, Clock.systemUTC()), people, coordinator);
      }
      Map<String, String> env = new HashMap<>(platforms.env());
      env.putAll(Map.of("DATABASE_URL", url, "MENTORING_SECRET_KEY", "bench-secret-that-is-long-enough-0123456789",
          "PORT", "0", "HOST", "127.0.0.1", "MENTORING_INSTANCE_ID", "bench"));
      try (Application bot = Application.start(env, Clock.systemUTC(), new PrintWriter(new StringWriter()));
          ResourceUse use = new ResourceUse(URI.create(url.substring("jdbc:".length())).getPort())) {
        InboundRequests requests = new InboundRequests(platforms, bot.port(), pairingOf, people, coordinator);
        out.printf(Locale.ROOT, "bot on port %d; %d participants, %d pairs active; kinds %s; %d cores; database CPU %s%n",
            bot.port(), participants, pairingOf.size() / 2, kindNames, Runtime.getRuntime().availableProcessors(),
            use.seesDatabase() ? "measured" : "not found (db_cpu=NaN)");
        out.flush();
        Generator generator = new Generator(requests, kinds);
        generator.run(warmupRate, warmup);
        int sustained = 0;
        double sustainedP99 = Double.NaN;
        int last = 0;
        String stopped = "all_steps_done";
        for (int rate : rates) {
          use.mark();
          Step step = generator.run(rate, stepSeconds);
          ResourceUse.Period period = use.period();
          out.println(step.line(rate, period));
          out.println(step.byKind(kinds));
          step.errorSamples().forEach(e -> out.println("  error: " + e));
          out.flush();
          last = rate;
          if (step.errors() == 0 && step.all().percentile(99) < SUSTAINED_P99_MS) {
            sustained = rate;
            sustainedP99 = step.all().percentile(99);
          }
          if (step.errors() > 0) {
            stopped = "errors";
            break;
          }
          if (step.all().percentile(99) > stopP99) {
            stopped = "p99_over_" + Math.round(stopP99) + "ms";
            break;
          }
        }
        out.println(String.format(Locale.ROOT, "inbound: kinds=%s sustained_rate=%d sustained_p99_ms=%.1f last_rate=%d stopped=%s",
            String.join(",", kindNames), sustained, sustainedP99, last, stopped));
        out.flush();
      }
    }
    return 0;
  }

  /** One step's answers: latencies by kind, errors, and how fast answers came back. */
  record Step(Map<Kind, Latencies> latencies, Latencies all, int sent, int errors, Set<String> errorSamples,
      double achieved) {
    String line(int rate, ResourceUse.Period use) {
      return String.format(Locale.ROOT, "step rate=%d achieved=%.1f sent=%d ok=%d errors=%d p50_ms=%.1f p99_ms=%.1f"
              + " max_ms=%.1f heap_mb=%d heap_peak_mb=%d jvm_cpu=%.0f%% db_cpu=%.0f%% cpu_ms_per_request=%.1f",
          rate, achieved, sent, all.count(), errors, all.percentile(50), all.percentile(99), all.max(),
          use.heapNowMb(), use.heapPeakMb(), use.jvmCpu(), use.dbCpu(),
          (use.jvmCpuMs() + (Double.isNaN(use.dbCpuMs()) ? 0 : use.dbCpuMs())) / Math.max(1, sent));
    }

    String byKind(List<Kind> kinds) {
      StringBuilder line = new StringBuilder("  p50/p99 ms by kind:");
      for (Kind kind : kinds) {
        Latencies l = latencies.get(kind);
        line.append(String.format(Locale.ROOT, " %s=%.1f/%.1f", kind.label, l.percentile(50), l.percentile(99)));
      }
      return line.toString();
    }
  }

  /** Sends on a fixed schedule, cycling through the kinds, and collects the answers. */
  private static final class Generator {
    private static final int MAX_ERROR_SAMPLES = 5;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final InboundRequests requests;
    private final List<Kind> kinds;
    private long seq;

    Generator(InboundRequests requests, List<Kind> kinds) {
      this.requests = requests;
      this.kinds = kinds;
    }

    Step run(int rate, int seconds) throws Exception {
      Map<Kind, ConcurrentLinkedQueue<Double>> times = new ConcurrentHashMap<>();
      kinds.forEach(k -> times.put(k, new ConcurrentLinkedQueue<>()));
      AtomicInteger errors = new AtomicInteger();
      Set<String> samples = ConcurrentHashMap.newKeySet();
      AtomicLong lastAnswer = new AtomicLong();
      List<CompletableFuture<?>> inFlight = new ArrayList<>();
      long start = System.nanoTime();
      long end = start + TimeUnit.SECONDS.toNanos(seconds);
      int sent = 0;
      for (long i = 0; i < (long) rate * seconds; i++) {
        long next = start + i * TimeUnit.SECONDS.toNanos(1) / rate;
        long wait = next - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        Kind kind = kinds.get((int) (seq % kinds.size()));
        HttpRequest request = requests.request(kind, seq++);
        long intended = next;
        sent++;
        inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
          long now = System.nanoTime();
          lastAnswer.accumulateAndGet(now, Math::max);
          if (failure != null || response.statusCode() / 100 != 2) {
            errors.incrementAndGet();
            if (samples.size() < MAX_ERROR_SAMPLES) {
              Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                  ? c.getCause() : failure;
              samples.add(kind.label + ": " + (cause != null ? cause.getClass().getSimpleName() + " " + cause.getMessage()
                  : "HTTP " + response.statusCode() + " " + abbreviate(response.body())));
            }
          } else {
            times.get(kind).add((now - intended) / 1_000_000.0);
          }
        }));
        if (sent % 1000 == 0) {
          inFlight.removeIf(CompletableFuture::isDone);
        }
      }
      try {
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture<?>[]::new)).get(30, TimeUnit.SECONDS);
      } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
        // counted per request above; a request still unanswered after 30 s counts below
      }
      int unanswered = (int) inFlight.stream().filter(f -> !f.isDone()).count();
      if (unanswered > 0) {
        samples.add(unanswered + " requests unanswered 30 s after the step");
      }
      Map<Kind, Latencies> latencies = new HashMap<>();
      times.forEach((k, q) -> latencies.put(k, new Latencies(q.stream().mapToDouble(Double::doubleValue).toArray())));
      Latencies all = new Latencies(times.values().stream().flatMap(ConcurrentLinkedQueue::stream)
          .mapToDouble(Double::doubleValue).toArray());
      double achieved = all.count() / Math.max(1e-9, (Math.max(lastAnswer.get(), end) - start) / 1e9);
      return new Step(latencies, all, sent, errors.get() + unanswered, new TreeSet<>(samples), achieved);
    }

    private static String abbreviate(String body) {
      String flat = body == null ? "" : body.replaceAll("\\s+", " ");
      return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }
  }
}
