package org.rmbot.mentoring.infra.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.infra.Application;
import org.rmbot.mentoring.infra.Wiring;
import org.rmbot.mentoring.infra.demo.SteppedSchedule;
import org.rmbot.mentoring.infra.http.WebServer;
import org.rmbot.mentoring.persistence.Database;
import org.rmbot.mentoring.persistence.EmbeddedDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Acknowledgement latency of signed {@code /mentoring me} slash commands against {@code serve}
 * in HTTP mode, side by side with a bare Bolt app that only acks, in one run: the same load
 * generator sends one request to each, alternately, at a fixed open-loop rate.
 */
@Command(
    name = "slack-ack",
    mixinStandardHelpOptions = true,
    description = {
      "Signed /mentoring me commands at --rate per second for --seconds against the bot and a bare Bolt app.",
      "Last line: slack-ack: rate=<n> seconds=<n> bot_p50_ms=<x> bot_p99_ms=<x> bot_errors=<n>"
          + " bare_p50_ms=<x> bare_p99_ms=<x> bare_errors=<n> p99_ratio=<bot/bare>"
    })
public final class BenchSlackAckCommand implements Callable<Integer> {
  private static final String SECRET = "bench-signing-secret-0123456789abcdef";
  private static final String TEAM = "TBENCH";
  /** Enough sending threads that none waits for a free one at 100/s per app and a slow tail. */
  private static final int SENDERS = 64;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--rate", defaultValue = "100", description = "Requests per second to each app (default: ${DEFAULT-VALUE}).")
  int rate;

  @CommandLine.Option(names = "--seconds", defaultValue = "60", description = "How long to send (default: ${DEFAULT-VALUE}).")
  int seconds;

  @CommandLine.Option(names = "--warmup", defaultValue = "10", description = "Seconds of unrecorded warm-up first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Override
  public Integer call() throws Exception {
    if (rate < 1 || seconds < 1 || warmup < 0) {
      throw new IllegalArgumentException("--rate and --seconds must be at least 1, --warmup at least 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    WireMockServer slack = new WireMockServer(wireMockConfig().dynamicPort());
    slack.start();
    try (EmbeddedDatabase pg = EmbeddedDatabase.startThrowaway()) {
      stub(slack);
      String url = pg.url().jdbcUrl();
      seed(url);
      Map<String, String> env = Map.of("DATABASE_URL", url, "MENTORING_SECRET_KEY", "bench-secret-that-is-long-enough-0123456789",
          "SLACK_BOT_TOKEN", "xoxb-bench", "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", slack.baseUrl() + "/api/",
          "PORT", "0", "HOST", "127.0.0.1", "MENTORING_INSTANCE_ID", "bench");
      // a schedule nobody steps: while requests are timed the bot does nothing else
      try (Application bot = Application.start(env, Clock.systemUTC(), new PrintWriter(new StringWriter()),
          new SteppedSchedule());
          WebServer bare = bareBolt(slack)) {
        out.printf("bot on port %d, bare Bolt app on port %d; %d requests/s to each for %d s after %d s warm-up%n",
            bot.port(), bare.port(), rate, seconds, warmup);
        out.flush();
        Result[] results = load(bot.port(), bare.port());
        Result botResult = results[0];
        Result bareResult = results[1];
        out.printf("slack-ack: rate=%d seconds=%d bot_p50_ms=%.1f bot_p99_ms=%.1f bot_errors=%d bare_p50_ms=%.1f"
                + " bare_p99_ms=%.1f bare_errors=%d p99_ratio=%.2f%n",
            rate, seconds, botResult.percentile(50), botResult.percentile(99), botResult.errors,
            bareResult.percentile(50), bareResult.percentile(99), bareResult.errors,
            botResult.percentile(99) / Math.max(0.001, bareResult.percentile(99)));
      }
    } finally {
      slack.stop();
    }
    return 0;
  }

  private static void stub(WireMockServer slack) {
    slack.stubFor(WireMock.post("/api/auth.test").willReturn(okJson(
        "{\"ok\":true,\"team_id\":\"" + TEAM + "\",\"user\":\"bench\",\"user_id\":\"UBOT\",\"team\":\"Bench\"}")));
    slack.stubFor(WireMock.post("/api/users.info").willReturn(okJson(
        "{\"ok\":true,\"user\":{\"id\":\"UBENCH\",\"real_name\":\"Helen Carter\",\"tz\":\"Europe/London\","
            + "\"profile\":{\"email\":\"helen.carter@example.com\",\"display_name\":\"Helen Carter\"}}}")));
  }

  /** The sample program, matched, so that "me" reads a real participant with a real proposal. */
  private static void seed(String url) throws Exception {
    try (Database db = Database.connect(new org.rmbot.mentoring.persistence.DatabaseUrl(url, null, null), 2)) {
      db.migrate();
      Wiring.Core core = Wiring.core(db, Clock.systemUTC());
      byte[] csv;
      try (InputStream in = BenchSlackAckCommand.class.getResourceAsStream("/sample/participants.csv")) {
        csv = in.readAllBytes();
      }
      core.importing().importFile("Bench", "Allyship", csv, new Actor.Operator("bench"));
      long program = core.programs().findByName("Bench").orElseThrow().id();
      core.matchmaking().commit(program, new Actor.Operator("bench"));
    }
  }

  private static WebServer bareBolt(WireMockServer slack) throws Exception {
    com.slack.api.SlackConfig config = new com.slack.api.SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.baseUrl() + "/api/");
    App app = new App(AppConfig.builder().singleTeamBotToken("xoxb-bench").signingSecret(SECRET)
        .slack(com.slack.api.Slack.getInstance(config)).build());
    app.command("/mentoring", (req, ctx) -> ctx.ack("ok"));
    return WebServer.builder().host("127.0.0.1").port(0).endpoint("/slack/events", new SlackAppServlet(app)).start();
  }

  record Result(double[] millis, int errors) {
    double percentile(int p) {
      if (millis.length == 0) {
        return Double.NaN;
      }
      double[] sorted = millis.clone();
      Arrays.sort(sorted);
      int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
  }

  /**
   * Open loop: a timer thread hands each request, at its due time, to a pool of sending threads
   * that block on the response, so the time is taken on the thread that sees the response. (An
   * asynchronous send would hop to the common fork-join pool first, which on two cores is a new
   * thread per response: a cost the load generator would add to every figure.)
   */
  private Result[] load(int botPort, int barePort) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ConcurrentLinkedQueue<Double> botTimes = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Double> bareTimes = new ConcurrentLinkedQueue<>();
    AtomicInteger botErrors = new AtomicInteger();
    AtomicInteger bareErrors = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS, r -> {
      Thread t = new Thread(r, "bench-sender");
      t.setDaemon(true);
      return t;
    });
    try {
      long interval = TimeUnit.SECONDS.toNanos(1) / rate;
      long start = System.nanoTime();
      long warmupEnd = start + TimeUnit.SECONDS.toNanos(warmup);
      long end = warmupEnd + TimeUnit.SECONDS.toNanos(seconds);
      for (long next = start; next < end; next += interval) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        boolean record = next >= warmupEnd;
        senders.execute(() -> send(http, botPort, record ? botTimes : null, botErrors));
        senders.execute(() -> send(http, barePort, record ? bareTimes : null, bareErrors));
      }
    } finally {
      senders.shutdown();
    }
    if (!senders.awaitTermination(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("requests still unanswered 30 s after the last was sent");
    }
    return new Result[] {
        new Result(botTimes.stream().mapToDouble(Double::doubleValue).toArray(), botErrors.get()),
        new Result(bareTimes.stream().mapToDouble(Double::doubleValue).toArray(), bareErrors.get())};
  }

  /** Sends one signed command and records its latency, unless {@code times} is null (warm-up). */
  private static void send(HttpClient http, int port, ConcurrentLinkedQueue<Double> times, AtomicInteger errors) {
    String body = "token=x&team_id=" + TEAM + "&team_domain=bench&channel_id=D0&user_id=UBENCH&user_name=bench"
        + "&command=%2Fmentoring&text=me&api_app_id=A1&response_url=" + URLEncoder.encode("http://127.0.0.1:9/r", StandardCharsets.UTF_8)
        + "&trigger_id=t";
    long timestamp = System.currentTimeMillis() / 1000;
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
        .header("X-Slack-Signature", sign(timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    long sent = System.nanoTime();
    boolean ok;
    try {
      ok = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      ok = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    long took = System.nanoTime() - sent;
    if (times == null) {
      return;
    }
    if (ok) {
      times.add(took / 1_000_000.0);
    } else {
      errors.incrementAndGet();
    }
  }

  private static String sign(long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
