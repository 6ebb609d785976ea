package org.rmbot.mentoring.infra.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.common.MovableClock;
import org.rmbot.mentoring.feedback.FeedbackInvitation;
import org.rmbot.mentoring.infra.Application;
import org.rmbot.mentoring.infra.demo.FakeSlackWorkspace;
import org.rmbot.mentoring.testing.Poll;
import org.rmbot.mentoring.testing.TestDatabase;
import org.slf4j.LoggerFactory;

/**
 * Socket Mode end to end, locally: {@code serve} with SLACK_APP_TOKEN asks the fake Slack
 * (WireMock) for a connection with {@code apps.connections.open}, which answers with the URL of a
 * real WebSocket server this test runs (Jetty). That server plays Slack's side of the socket:
 * it sends envelopes (slash commands, a button click) and reads the bot's acknowledgements, while
 * the bot's Web API calls (a modal, a response URL) reach WireMock.
 */
public class SlackSocketModeTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension final TestDatabase db = new TestDatabase();
  private final FakeSlackWorkspace slack = new FakeSlackWorkspace();
  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private final StringWriter log = new StringWriter();
  private final SlackSide socket = new SlackSide();
  private Application app;

  @BeforeEach
  void start() throws Exception {
    socket.start();
    slack.person("UADMIN", "Cora Coordinator", "cora@example.com", "Europe/London");
    slack.person("UE1", "Helen Carter", "helen@example.com", "Europe/London");
  }

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    socket.stop();
    slack.close();
  }

  private Application startBot() throws Exception {
    Map<String, String> env = Map.of(
        "DATABASE_URL", db.url().jdbcUrl(),
        "MENTORING_SECRET_KEY", "a-socket-mode-test-secret-that-is-long-enough",
        "SLACK_BOT_TOKEN", "xoxb-test-token",
        "SLACK_APP_TOKEN", "xapp-1-test-token",
        "SLACK_API_URL", slack.apiUrl(),
        "MENTORING_ADMINS", "UADMIN",
        "PORT", "0",
        "HOST", "127.0.0.1",
        "MENTORING_INSTANCE_ID", "socket");
    return Application.start(env, clock, new PrintWriter(log, true));
  }

  @Test
  void commandsAndClicksArriveOverTheSocketAndAreAcknowledgedOnIt() throws Exception {
    slack.answer("apps.connections.open", "{\"ok\":true,\"url\":\"" + socket.url() + "\"}");
    app = startBot();
    assertThat(log.toString()).contains("(Socket Mode)").doesNotContain("/slack/events");
    assertThat(Poll.until(WAIT, socket::connected)).as("the bot connected to the socket URL Slack gave it").isTrue();
    assertThat(slack.calls("apps.connections.open")).as("the app token asked Slack for a socket URL").isNotEmpty();

    // an answer small enough for the acknowledgement travels back in it, on the socket
    JsonObject help = socket.ackTo(socket.command("env-help", "UADMIN", "help", 1));
    assertThat(help.getAsJsonObject("payload").get("response_type").getAsString()).isEqualTo("ephemeral");
    assertThat(answer(help, 1)).contains("For everyone:").contains("/mentoring join");

    JsonObject created = socket.ackTo(socket.command("env-create", "UADMIN", "program create \"Pilot\" Allyship", 2));
    assertThat(answer(created, 2)).contains("Created \"Pilot\"");
    List<String> programs = db.jdbi().withHandle(h -> h.createQuery("select name from program").mapTo(String.class).list());
    assertThat(programs).containsExactly("Pilot");
    assertThat(answer(socket.ackTo(socket.command("env-open", "UADMIN", "program open Pilot", 3)), 3))
        .contains("is open for enrolment");

    // a command that opens a form: a bare acknowledgement on the socket, the modal through the Web API
    JsonObject joined = socket.ackTo(socket.command("env-join", "UE1", "join", 4));
    assertThat(!joined.has("payload") || answerIsLate(joined)).as("bare acknowledgement: " + joined).isTrue();
    assertThat(Poll.until(WAIT, () -> slack.calls("views.open").stream()
        .anyMatch(b -> b.contains("trigger_id=socket.trigger.4") && b.contains("Join the program")))).isTrue();

    // a button click: acknowledged at once, answered through its response URL
    JsonObject clicked = socket.ackTo(socket.click("env-click", "UE1", FeedbackInvitation.OPEN_FORM, "999", 5));
    assertThat(clicked.has("payload")).isFalse();
    assertThat(Poll.until(WAIT, () -> slack.callsAfter(0).stream()
        .anyMatch(c -> c.path().equals("/response/socket-5") && c.body().contains("\"replace_original\":false"))))
        .as("the click's answer reached its response URL").isTrue();
    assertThat(socket.unanswered()).isEmpty();
  }

  /**
   * A command's answer: in its acknowledgement, or through its response URL when the bot took
   * longer than Slack's budget (which depends on the machine) and acknowledged "Working on it…".
   */
  /** The answer's notification text and the text of its blocks. */
  private String answer(JsonObject ack, int request) throws InterruptedException {
    if (!answerIsLate(ack)) {
      return ack.getAsJsonObject("payload").get("text").getAsString() + "\n" + ack.getAsJsonObject("payload").get("blocks");
    }
    String body = slack.await(0, c -> c.path().equals("/response/socket-" + request), WAIT, "a late answer").body();
    JsonObject message = JsonParser.parseString(body).getAsJsonObject();
    return message.get("text").getAsString() + "\n" + message.get("blocks");
  }

  private static boolean answerIsLate(JsonObject ack) {
    return ack.has("payload") && ack.getAsJsonObject("payload").get("text").getAsString().startsWith("Working on it");
  }

  /**
   * The body limit holds over the socket too: an envelope over it is dropped before Bolt parses
   * it, and never acknowledged (Slack would redeliver it), while the next one is answered.
   */
  @Test
  void anEnvelopeOverTheLimitIsDroppedUnparsedAndTheNextIsAnswered() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger("org.rmbot.mentoring.slack.SlackSocketMode");
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    try {
      slack.answer("apps.connections.open", "{\"ok\":true,\"url\":\"" + socket.url() + "\"}");
      app = startBot();
      assertThat(Poll.until(WAIT, socket::connected)).isTrue();
      socket.command("env-huge", "UADMIN", "help " + "a".repeat(300 * 1024), 1);
      assertThat(Poll.until(WAIT, () -> logged.list.stream()
          .anyMatch(e -> e.getFormattedMessage().startsWith("dropped a Socket Mode envelope over 262144 bytes"))))
          .as("the oversized envelope was dropped").isTrue();
      assertThat(answer(socket.ackTo(socket.command("env-after", "UADMIN", "help", 2)), 2)).contains("For everyone:");
      assertThat(socket.unanswered()).containsExactly("env-huge");
    } finally {
      logger.detachAppender(logged);
    }
  }

  @Test
  void anAppTokenSlackRefusesIsAOneLineErrorNamingIt() {
    slack.answer("apps.connections.open", "{\"ok\":false,\"error\":\"invalid_auth\"}");
    assertThatThrownBy(this::startBot).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SLACK_APP_TOKEN").hasMessageContaining("invalid_auth");
    assertThat(socket.connected()).isFalse();
  }

  /**
   * Slack's side of the socket: a Jetty WebSocket server that greets the bot with "hello", sends
   * envelopes and keeps every message the bot sends back.
   */
  private final class SlackSide {
    private final Server server = new Server();
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private volatile Session session;

    void start() throws Exception {
      ServerConnector connector = new ServerConnector(server);
      connector.setHost("127.0.0.1");
      server.addConnector(connector);
      ContextHandler context = new ContextHandler("/");
      context.setHandler(WebSocketUpgradeHandler.from(server, context,
          container -> container.addMapping("/link/*", (request, response, callback) -> new Endpoint(this))));
      server.setHandler(context);
      server.start();
    }

    private void opened(Session opened) {
      session = opened;
      opened.sendText("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A1\"}}", Callback.NOOP);
    }

    String url() {
      return "ws://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/link/?ticket=test";
    }

    boolean connected() {
      Session s = session;
      return s != null && s.isOpen();
    }

    String command(String envelopeId, String user, String text, int request) {
      JsonObject payload = new JsonObject();
      payload.addProperty("token", "x");
      payload.addProperty("team_id", FakeSlackWorkspace.TEAM);
      payload.addProperty("team_domain", "demo");
      payload.addProperty("channel_id", "D" + user);
      payload.addProperty("channel_name", "directmessage");
      payload.addProperty("user_id", user);
      payload.addProperty("user_name", user);
      payload.addProperty("command", "/mentoring");
      payload.addProperty("text", text);
      payload.addProperty("api_app_id", "A1");
      payload.addProperty("is_enterprise_install", "false");
      payload.addProperty("response_url", responseUrl(request));
      payload.addProperty("trigger_id", "socket.trigger." + request);
      return send(envelopeId, "slash_commands", true, payload);
    }

    String click(String envelopeId, String user, String actionId, String value, int request) {
      JsonObject payload = JsonParser.parseString("""
          {"type":"block_actions","api_app_id":"A1","token":"x",
           "team":{"id":"%s","domain":"demo"},"user":{"id":"%s","team_id":"%s"},
           "container":{"type":"message","message_ts":"1700000000.000100","channel_id":"D%s"},
           "channel":{"id":"D%s"},
           "actions":[{"type":"button","action_id":"%s","block_id":"actions-1","value":"%s",
                       "action_ts":"1700000001.000200","text":{"type":"plain_text","text":"x"}}]}
          """.formatted(FakeSlackWorkspace.TEAM, user, FakeSlackWorkspace.TEAM, user, user, actionId, value))
          .getAsJsonObject();
      payload.addProperty("trigger_id", "socket.trigger." + request);
      payload.addProperty("response_url", responseUrl(request));
      return send(envelopeId, "interactive", false, payload);
    }

    private String responseUrl(int request) {
      return slack.apiUrl().replaceFirst("/api/$", "/response/socket-" + request);
    }

    private String send(String envelopeId, String type, boolean acceptsResponsePayload, JsonObject payload) {
      JsonObject envelope = new JsonObject();
      envelope.addProperty("envelope_id", envelopeId);
      envelope.addProperty("type", type);
      envelope.addProperty("accepts_response_payload", acceptsResponsePayload);
      envelope.add("payload", payload);
      session.sendText(envelope.toString(), Callback.NOOP);
      sent.add(envelopeId);
      return envelopeId;
    }

    /** The bot's acknowledgement of one envelope, waiting for it to come back over the socket. */
    JsonObject ackTo(String envelopeId) {
      assertThat(Poll.until(WAIT, () -> find(envelopeId).isPresent())).as("ack of " + envelopeId).isTrue();
      return find(envelopeId).orElseThrow();
    }

    private Optional<JsonObject> find(String envelopeId) {
      return received.stream().filter(m -> m.has("envelope_id") && envelopeId.equals(m.get("envelope_id").getAsString()))
          .findFirst();
    }

    /** Envelopes sent that were never acknowledged. */
    List<String> unanswered() {
      return sent.stream().filter(id -> find(id).isEmpty()).toList();
    }

    void stop() throws Exception {
      server.stop();
    }
  }

  /** One connection from the bot; public because Jetty calls it through method handles. */
  public static final class Endpoint implements Session.Listener.AutoDemanding {
    private final SlackSide side;

    Endpoint(SlackSide side) {
      this.side = side;
    }

    @Override
    public void onWebSocketOpen(Session session) {
      side.opened(session);
    }

    @Override
    public void onWebSocketText(String message) {
      side.received.add(JsonParser.parseString(message).getAsJsonObject());
    }
  }
}
