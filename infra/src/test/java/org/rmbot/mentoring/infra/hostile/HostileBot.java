package org.rmbot.mentoring.infra.hostile;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import net.logstash.logback.encoder.LogstashEncoder;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.common.MovableClock;
import org.rmbot.mentoring.infra.Application;
import org.rmbot.mentoring.infra.Wiring;
import org.rmbot.mentoring.infra.demo.SteppedSchedule;
import org.rmbot.mentoring.infra.demo.FakeSlackWorkspace;
import org.rmbot.mentoring.infra.teams.TeamsTenant;
import org.rmbot.mentoring.participant.Enrolment;
import org.rmbot.mentoring.participant.NewPerson;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.participant.WorkingHours;
import org.rmbot.mentoring.pairing.PairingEvent;
import org.rmbot.mentoring.persistence.Database;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.testing.TestDatabase;
import org.slf4j.LoggerFactory;

/**
 * The real bot ({@code Application}: Jetty, Bolt, the Bot Framework adapter, the schedule) with
 * both Slack and Teams configured against WireMock, on a fresh database holding one program with
 * an active pair, for hostile requests to be thrown at. It records every ERROR logged, and can
 * digest the database's content to prove that nothing was written.
 */
final class HostileBot implements AutoCloseable {
  static final String SLACK_TOKEN = "xoxb-hostile-4242-token";
  static final String APP_PASSWORD = "hostile-app-password-4242";
  static final String SECRET_KEY = "a-hostile-input-secret-that-is-long-enough-4242";

  /** Tables the digest leaves out, and why. */
  private static final Set<String> NOT_DIGESTED = Set.of(
      "audit_log", // refusals are audited: compared separately, only refusals may appear
      "teams_person", // every authenticated activity refreshes what the bot knows about its sender, by design
      "inbound_request_seen", // every signed request is remembered for its replay window, by design
      "flyway_schema_history");

  final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T10:00:00Z"));
  final FakeSlackWorkspace slack = new FakeSlackWorkspace();
  final TeamsTenant teams = new TeamsTenant();
  final TeamsTenant.Person amara = teams.person("Amara Okafor", "amara@example.com");
  /** Max Mentee (Slack UMAX) in Teams too: a participant of Pilot there. */
  final TeamsTenant.Person maxInTeams = teams.person("Max Mentee", "umax@example.com");
  final List<String> errors = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String dbName;
  private final Database database;
  private final Application app;
  /** The environment this bot was started with, for another instance on the same database. */
  private final Map<String, String> env;
  /** Everything logged while the bot ran, as the text and the JSON log formats would write it. */
  final List<String> logged = new CopyOnWriteArrayList<>();
  private final PatternLayout text = new PatternLayout();
  private final LogstashEncoder json = new LogstashEncoder();
  private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      logged.add(text.doLayout(event));
      logged.add(new String(json.encode(event), StandardCharsets.UTF_8));
      // a reply to a conversation id damaged on the way in that the connector refused, or that
      // okhttp would not put in a request, is logged as such: the request itself was answered
      String message = event.getFormattedMessage();
      boolean refusedReply = message.startsWith("turn failed: com.microsoft.bot.connector.rest.ErrorResponseException")
          || (message.startsWith("turn failed: java.lang.IllegalArgumentException at okhttp3."));
      // this bot's schedule is off: Quartz errors come from other tests' instances in this JVM
      boolean otherInstance = event.getLoggerName().startsWith("org.quartz");
      if (event.getLevel().isGreaterOrEqual(Level.ERROR) && !refusedReply && !otherInstance) {
        var thrown = event.getThrowableProxy();
        errors.add(event.getLoggerName() + " " + event.getFormattedMessage()
            + (thrown == null ? "" : " " + thrown.getClassName() + ": " + thrown.getMessage()));
      }
    }
  };
  final Program pilot;

  HostileBot() throws Exception {
    dbName = TestDatabase.createDatabase();
    database = Database.connect(TestDatabase.urlOf(dbName), 2);
    pilot = seed(Wiring.core(database, clock));
    Map<String, String> env = new HashMap<>(teams.env());
    env.put("MICROSOFT_APP_PASSWORD", APP_PASSWORD);
    env.putAll(Map.of(
        "DATABASE_URL", TestDatabase.urlOf(dbName).jdbcUrl(),
        "MENTORING_SECRET_KEY", SECRET_KEY,
        "SLACK_BOT_TOKEN", SLACK_TOKEN,
        "SLACK_SIGNING_SECRET", FakeSlackWorkspace.SIGNING_SECRET,
        "SLACK_API_URL", slack.apiUrl(),
        "PORT", "0",
        "HOST", "127.0.0.1",
        "MENTORING_INSTANCE_ID", "hostile"));
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    text.setContext(context);
    text.setPattern("%d %-5level %logger - %msg %mdc %ex%n");
    text.start();
    json.setContext(context);
    json.start();
    capture.setContext(context);
    capture.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(capture);
    // the schedule stays off: the only writer left is the request under test (planning would add
    // nudges for the seeded pair while the requests run)
    app = Application.start(env, clock, new PrintWriter(new StringWriter(), true), new SteppedSchedule());
    this.env = Map.copyOf(env);
    slack.botAt(url());
    teams.botAt(url());
    slack.person("USTRANGER", "Sid Stranger", "ustranger@example.com", "Europe/London");
  }

  /** Pilot, enrolling, with a mentor and a mentee already paired; strangers in Slack and Teams who are in no program. */
  private static Program seed(Wiring.Core core) {
    Program pilot = core.programs().create(NewProgram.reverse("Pilot", "Allyship", LocalDate.of(2026, 1, 5)));
    core.programs().changeState(pilot.id(), ProgramState.ENROLLING);
    Person amara = core.people().save(new NewPerson("amara@example.com", "Amara Okafor", ZoneId.of("Europe/London"),
        WorkingHours.officeHours()));
    core.people().link(amara.id(), new PlatformIdentity(Platform.TEAMS, TeamsTenant.TENANT, "aad-amaraokafor"));
    Person mia = person(core, "UMIA", "Mia Mentor");
    Person max = person(core, "UMAX", "Max Mentee");
    core.people().link(max.id(), new PlatformIdentity(Platform.TEAMS, TeamsTenant.TENANT, "aad-maxmentee"));
    person(core, "USTRANGER", "Sid Stranger");
    core.programs().addCoordinator(pilot.id(), person(core, "UCORA", "Cora Coordinator").id());
    var mentor = core.participants().enrol(new Enrolment(pilot.id(), mia.id(), Role.MENTOR, 2, "Data", null,
        Set.of("allyship"), Set.of("allyship"), Set.of("English"), 1, true));
    var mentee = core.participants().enrol(new Enrolment(pilot.id(), max.id(), Role.MENTEE, 8, "Finance", null,
        Set.of("allyship"), Set.of("allyship"), Set.of("English"), 1, true));
    var pairing = core.pairings().propose(pilot.id(), mentor.id(), mentee.id(), 0, "seeded", false);
    core.pairingLifecycle().apply(pairing.id(), PairingEvent.MENTOR_ACCEPTS);
    core.pairingLifecycle().apply(pairing.id(), PairingEvent.MENTEE_ACCEPTS);
    return pilot;
  }

  private static Person person(Wiring.Core core, String user, String name) {
    Person p = core.people().save(new NewPerson(user.toLowerCase() + "@example.com", name, ZoneId.of("Europe/London"),
        WorkingHours.officeHours()));
    core.people().link(p.id(), new PlatformIdentity(Platform.SLACK, FakeSlackWorkspace.TEAM, user));
    return p;
  }

  String url() {
    return "http://127.0.0.1:" + app.port();
  }

  /**
   * Another instance of the same bot on the same database (as a second replica would run), with
   * the schedule off like this one; the caller closes it, which lets its queued work finish.
   */
  Application another(String instance) throws Exception {
    Map<String, String> second = new HashMap<>(env);
    second.put("MENTORING_INSTANCE_ID", instance);
    return Application.start(second, clock, new PrintWriter(new StringWriter(), true), new SteppedSchedule());
  }

  Jdbi jdbi() {
    return database.jdbi();
  }

  /** A POST with exactly these bytes and headers (name, value pairs). */
  HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A request written byte for byte on a socket (any method, any path, no client checks in the
   * way); the status code of the answer, or 0 if the server closed the connection without one.
   */
  int raw(String method, String path, byte[] body) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: "
          + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      request.write(body);
      out.write(request.toByteArray());
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] head = in.readNBytes(12);
      String status = new String(head, StandardCharsets.ISO_8859_1);
      return status.startsWith("HTTP/1.1 ") ? Integer.parseInt(status.substring(9, 12)) : 0;
    }
  }

  /**
   * A POST whose head declares {@code declared} bytes, of which only {@code sent} follow: the
   * status the server answers with while the rest is still owed; 0 if it closes without an
   * answer, -1 if it keeps waiting for the body it was promised (nothing within 20 s).
   */
  int declaredButUnsent(String path, long declared, byte[] sent, Map<String, String> headers) throws Exception {
    return answerWhileSending("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + declared + "\r\n", headers,
        out -> out.write(sent));
  }

  /** A chunked POST (no Content-Length) of {@code total} bytes in 64 KiB chunks. */
  int chunked(String path, int total, Map<String, String> headers) throws Exception {
    byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.ISO_8859_1);
    return answerWhileSending("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n", headers, out -> {
      for (int written = 0; written < total; written += chunk.length) {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    });
  }

  private interface Body {
    void writeTo(OutputStream out) throws java.io.IOException;
  }

  /**
   * Sends the head, then the body from another thread while this one waits for the status line:
   * a server that answers early and hangs up only stops the writer.
   */
  private int answerWhileSending(String requestLine, Map<String, String> headers, Body body) throws Exception {
    Thread writer = null;
    try (Socket socket = new Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(20_000);
      StringBuilder head = new StringBuilder(requestLine);
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      OutputStream out = socket.getOutputStream();
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      writer = new Thread(() -> {
        try {
          body.writeTo(out);
          out.flush();
        } catch (java.io.IOException e) {
          // the server answered and closed: the rest is not wanted
        }
      }, "body-writer");
      writer.setDaemon(true);
      writer.start();
      return status(socket);
    } catch (java.net.SocketTimeoutException e) {
      return -1;
    } finally {
      if (writer != null) {
        writer.join(20_000); // the socket is closed by now, so a blocked write fails at once
      }
    }
  }

  private static int status(Socket socket) throws java.io.IOException {
    byte[] head = socket.getInputStream().readNBytes(12);
    String status = new String(head, StandardCharsets.ISO_8859_1);
    return status.startsWith("HTTP/1.1 ") ? Integer.parseInt(status.substring(9, 12)) : 0;
  }

  /** Row count and a content hash of every table that bad input must never change. */
  Map<String, String> digest() {
    return jdbi().withHandle(h -> {
      Map<String, String> digest = new TreeMap<>();
      List<String> tables = h.createQuery("select table_name from information_schema.tables where table_schema = 'public'"
          + " and table_type = 'BASE TABLE' and table_name not like 'qrtz%'").mapTo(String.class).list();
      for (String table : tables) {
        if (!NOT_DIGESTED.contains(table)) {
          // Teams senders are linked by email from whatever tenant and id the (token-vouched) body
          // names, as teams_person is refreshed: byte damage to those makes a new, legitimate link
          String where = table.equals("platform_identity") ? " where platform <> 'teams'" : "";
          digest.put(table, h.createQuery("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
              + " from \"" + table + "\" t" + where).mapTo(String.class).one());
        }
      }
      return digest;
    });
  }

  /** The rows of the tables whose digest differs from {@code before}, to say what was written. */
  String rowsChangedSince(Map<String, String> before) {
    Map<String, String> now = digest();
    return jdbi().withHandle(h -> {
      StringBuilder s = new StringBuilder();
      for (String table : now.keySet()) {
        if (!now.get(table).equals(before.get(table))) {
          s.append(table).append(": ").append(h.createQuery("select t::text from \"" + table + "\" t").mapTo(String.class).list())
              .append('\n');
        }
      }
      return s.toString();
    });
  }

  /** Audit rows that are not refusals, after the given id. */
  List<String> auditedOtherThanRefusals(long afterId) {
    return jdbi().withHandle(h -> h.createQuery("select action || ' ' || outcome from audit_log where id > :id"
        + " and outcome <> 'refused'").bind("id", afterId).mapTo(String.class).list());
  }

  long lastAuditId() {
    return jdbi().withHandle(h -> h.createQuery("select coalesce(max(id), 0) from audit_log").mapTo(Long.class).one());
  }

  /** Stops the bot; work it had queued (clicks are answered after their acknowledgement) finishes first. */
  void finishWork() {
    app.close();
  }

  @Override
  public void close() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(capture);
    capture.stop();
    app.close();
    slack.close();
    teams.close();
    database.close();
  }
}
