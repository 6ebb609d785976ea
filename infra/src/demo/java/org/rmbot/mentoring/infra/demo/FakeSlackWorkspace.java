package org.rmbot.mentoring.infra.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A fake Slack workspace, in-process: WireMock answers the Web API calls the bot makes the way
 * Slack documents them and records every one, and people's slash commands, button clicks and
 * modal submissions reach the bot's real {@code /slack/events} signed with Slack's scheme (v0,
 * HMAC-SHA256 of timestamp and body). The demo runs a whole program against it; tests use it to
 * drive the real Slack adapter end to end.
 *
 * <p>Like Slack, it gives every direct conversation and every group conversation its own
 * channel id, so what the bot posts can be traced back to the people who saw it.
 */
public final class FakeSlackWorkspace implements AutoCloseable {
  public static final String TEAM = "T0DEMO";
  /** The signing secret the bot must be configured with (SLACK_SIGNING_SECRET). */
  public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

  /** A file the bot uploaded and shared in a conversation (filesUploadV2). */
  public record Upload(String fileId, String fileName, String title, String channel, byte[] content) {}

  /** A request sent to the bot; {@code id} names its response URL and trigger id. */
  public record Sent(HttpResponse<String> response, long id, long after) {
    public int statusCode() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }
  }

  private final Clock clock;
  private final WireMockServer api;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<SlackCall> calls = new ArrayList<>();
  private final Map<String, List<String>> channels = new ConcurrentHashMap<>();
  private final AtomicLong requestIds = new AtomicLong();
  private final AtomicLong messages = new AtomicLong();
  private final AtomicLong fileIds = new AtomicLong();
  private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
  private final List<Upload> shared = new ArrayList<>();
  private volatile String botUrl;

  public FakeSlackWorkspace() {
    this(Clock.systemUTC());
  }

  /** @param clock stamps each recorded call: the bot's clock, so a demo's calls carry simulated time */
  public FakeSlackWorkspace(Clock clock) {
    this.clock = clock;
    this.api = new WireMockServer(wireMockConfig().dynamicPort().disableRequestJournal().extensions(new Channels()));
    api.addMockServiceRequestListener((request, response) -> record(request.getUrl(), request.getBodyAsString()));
    api.start();
    api.stubFor(WireMock.post("/api/auth.test").willReturn(okJson(
        "{\"ok\":true,\"url\":\"https://demo.slack.com/\",\"team\":\"Demo\",\"user\":\"mentoring\",\"team_id\":\"" + TEAM
            + "\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
    // conversations.open and chat.postMessage are answered per request by Channels
    api.stubFor(WireMock.post("/api/conversations.open").willReturn(okJson("{\"ok\":true}")));
    api.stubFor(WireMock.post("/api/chat.postMessage").willReturn(okJson("{\"ok\":true}")));
    api.stubFor(WireMock.post("/api/chat.update").willReturn(okJson("{\"ok\":true}")));
    api.stubFor(WireMock.post("/api/views.open").willReturn(okJson("{\"ok\":true,\"view\":{\"id\":\"V1\"}}")));
    api.stubFor(WireMock.post("/api/views.publish").willReturn(okJson("{\"ok\":true,\"view\":{\"id\":\"V2\"}}")));
    api.stubFor(WireMock.post("/api/conversations.history").willReturn(okJson("{\"ok\":true,\"messages\":[]}")));
    api.stubFor(WireMock.post(urlPathMatching("/response(/.*)?")).willReturn(okJson("{\"ok\":true}")));
    // filesUploadV2: files.getUploadURLExternal, a POST of the bytes to the URL it gave, files.completeUploadExternal
    api.stubFor(WireMock.post("/api/files.getUploadURLExternal").willReturn(okJson("{\"ok\":true}")));
    api.stubFor(WireMock.post(urlPathMatching("/upload/.*")).willReturn(WireMock.ok("OK - 0")));
    api.stubFor(WireMock.post("/api/files.completeUploadExternal").willReturn(okJson("{\"ok\":true}")));
  }

  /** The Web API base URL to give the bot (SLACK_API_URL). */
  public String apiUrl() {
    return api.baseUrl() + "/api/";
  }

  /** Where the bot listens, such as {@code http://127.0.0.1:3000}; requests go to its /slack/events. */
  public void botAt(String url) {
    this.botUrl = url;
  }

  /** A person in the workspace: users.info answers with their name, email and time zone. */
  public void person(String userId, String name, String email, String zone) {
    JsonObject profile = new JsonObject();
    profile.addProperty("email", email);
    profile.addProperty("display_name", name);
    profile.addProperty("real_name", name);
    JsonObject user = new JsonObject();
    user.addProperty("id", userId);
    user.addProperty("team_id", TEAM);
    user.addProperty("name", userId);
    user.addProperty("real_name", name);
    user.addProperty("tz", zone);
    user.add("profile", profile);
    JsonObject answer = new JsonObject();
    answer.addProperty("ok", true);
    answer.add("user", user);
    api.stubFor(WireMock.post("/api/users.info").withRequestBody(containing("user=" + userId)).willReturn(okJson(answer.toString())));
  }

  /** Answers every call of a Web API method with {@code json}, such as apps.connections.open for Socket Mode. */
  public void answer(String method, String json) {
    api.stubFor(WireMock.post("/api/" + method).willReturn(okJson(json)));
  }

  /** A slash command ({@code /mentoring text}) typed by the person. */
  public Sent command(String userId, String text) throws Exception {
    long id = requestIds.incrementAndGet();
    long after = lastSeq();
    String body = "token=x&team_id=" + TEAM + "&team_domain=demo&channel_id=D" + userId + "&channel_name=directmessage"
        + "&user_id=" + userId + "&user_name=" + userId + "&command=%2Fmentoring&text=" + enc(text)
        + "&api_app_id=A1&response_url=" + enc(responseUrl(id)) + "&trigger_id=" + enc(triggerId(id));
    return new Sent(signedPost(body, "application/x-www-form-urlencoded"), id, after);
  }

  /** A click on a button of a message the bot posted. */
  public Sent click(String userId, String actionId, String value) throws Exception {
    long id = requestIds.incrementAndGet();
    long after = lastSeq();
    JsonObject payload = new JsonObject();
    payload.addProperty("type", "block_actions");
    payload.add("team", team());
    payload.add("user", user(userId));
    payload.addProperty("api_app_id", "A1");
    payload.addProperty("token", "x");
    payload.addProperty("trigger_id", triggerId(id));
    payload.addProperty("response_url", responseUrl(id));
    JsonObject container = new JsonObject();
    container.addProperty("type", "message");
    container.addProperty("message_ts", "1700000000.000100");
    container.addProperty("channel_id", "D" + userId);
    payload.add("container", container);
    JsonObject channel = new JsonObject();
    channel.addProperty("id", "D" + userId);
    payload.add("channel", channel);
    JsonObject action = new JsonObject();
    action.addProperty("type", "button");
    action.addProperty("action_id", actionId);
    action.addProperty("block_id", "actions-1");
    action.addProperty("value", value);
    action.addProperty("action_ts", "1700000001.000200");
    JsonObject text = new JsonObject();
    text.addProperty("type", "plain_text");
    text.addProperty("text", "x");
    action.add("text", text);
    JsonArray actions = new JsonArray();
    actions.add(action);
    payload.add("actions", actions);
    return new Sent(signedPost("payload=" + enc(payload.toString()), "application/x-www-form-urlencoded"), id, after);
  }

  /**
   * Submits a modal. {@code values} are input id to value; each input's kind is guessed from its
   * id ({@code role} is radio buttons, {@code consent} and {@code focus_share} checkboxes,
   * {@code date} a date picker, {@code time} a time picker, the rest plain text). Use the other
   * overload with the kinds the modal declared.
   */
  public Sent submit(String userId, String callbackId, Map<String, String> values) throws Exception {
    Map<String, String> kinds = new java.util.HashMap<>();
    values.keySet().forEach(id -> kinds.put(id, switch (id) {
      case "role" -> "radio_buttons";
      case "consent", "focus_share" -> "checkboxes";
      case "date" -> "datepicker";
      case "time" -> "timepicker";
      default -> "plain_text_input";
    }));
    return submit(userId, callbackId, values, kinds);
  }

  /** A chosen option as Slack sends it back in a view's state. */
  private static JsonObject option(String value) {
    JsonObject option = new JsonObject();
    option.addProperty("value", value);
    JsonObject text = new JsonObject();
    text.addProperty("type", "plain_text");
    text.addProperty("text", value);
    option.add("text", text);
    return option;
  }

  /** Submits a modal; {@code elementTypes} maps each input id to its Block Kit element type. */
  public Sent submit(String userId, String callbackId, Map<String, String> values, Map<String, String> elementTypes)
      throws Exception {
    long id = requestIds.incrementAndGet();
    long after = lastSeq();
    JsonObject state = new JsonObject();
    values.forEach((input, value) -> {
      String type = elementTypes.getOrDefault(input, "plain_text_input");
      JsonObject element = new JsonObject();
      element.addProperty("type", type);
      switch (type) {
        case "radio_buttons", "static_select" -> element.add("selected_option", option(value));
        case "checkboxes" -> {
          com.google.gson.JsonArray selected = new com.google.gson.JsonArray();
          for (String chosen : value.isEmpty() ? new String[0] : value.split(",")) {
            selected.add(option(chosen));
          }
          element.add("selected_options", selected);
        }
        case "datepicker" -> element.addProperty("selected_date", value);
        case "timepicker" -> element.addProperty("selected_time", value);
        case "users_select" -> element.addProperty("selected_user", value);
        default -> element.addProperty("value", value);
      }
      JsonObject block = new JsonObject();
      block.add(input, element);
      state.add(input, block);
    });
    JsonObject stateValues = new JsonObject();
    stateValues.add("values", state);
    JsonObject view = new JsonObject();
    view.addProperty("id", "V1");
    view.addProperty("team_id", TEAM);
    view.addProperty("type", "modal");
    view.addProperty("callback_id", callbackId);
    view.add("state", stateValues);
    view.addProperty("hash", "h");
    JsonObject payload = new JsonObject();
    payload.addProperty("type", "view_submission");
    payload.add("team", team());
    payload.add("user", user(userId));
    payload.addProperty("api_app_id", "A1");
    payload.addProperty("token", "x");
    payload.addProperty("trigger_id", triggerId(id));
    payload.add("view", view);
    return new Sent(signedPost("payload=" + enc(payload.toString()), "application/x-www-form-urlencoded"), id, after);
  }

  public HttpResponse<String> signedPost(String body, String contentType) throws Exception {
    long timestamp = System.currentTimeMillis() / 1000; // Slack signs with real time, whatever the bot's clock says
    return post(body, contentType, String.valueOf(timestamp), sign(SIGNING_SECRET, timestamp, body));
  }

  public HttpResponse<String> post(String body, String contentType, String timestamp, String signature) throws Exception {
    if (botUrl == null) {
      throw new IllegalStateException("call botAt(url) first: the workspace does not know where the bot listens");
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(botUrl + "/slack/events"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (timestamp != null) {
      request.header("X-Slack-Request-Timestamp", timestamp);
    }
    if (signature != null) {
      request.header("X-Slack-Signature", signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public static String sign(String secret, long timestamp, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
  }

  // What the bot did

  /** The sequence number of the latest recorded call (0 before any). */
  public synchronized long lastSeq() {
    return calls.size();
  }

  /** Calls recorded after {@code seq}, oldest first. */
  public synchronized List<SlackCall> callsAfter(long seq) {
    return List.copyOf(calls.subList((int) Math.min(seq, calls.size()), calls.size()));
  }

  /**
   * The first call after {@code after} that matches, waiting for it to arrive (the bot answers
   * clicks from a worker thread, after acknowledging them).
   *
   * @throws IllegalStateException if none arrives within {@code timeout}
   */
  public synchronized SlackCall await(long after, Predicate<SlackCall> match, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int from = (int) after;
    while (true) {
      for (int i = from; i < calls.size(); i++) {
        if (match.test(calls.get(i))) {
          return calls.get(i);
        }
      }
      from = calls.size();
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException("the bot never sent " + what + " within " + timeout.toSeconds() + " s");
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** The bot's answer to a click or a slow command: a post to its response URL, or the form it opened. */
  public SlackCall awaitAnswer(Sent sent, Duration timeout) throws InterruptedException {
    String path = "/response/" + sent.id();
    String trigger = triggerId(sent.id());
    return await(sent.after(), c -> c.path().equals(path)
        || (c.method().equals("views.open") && trigger.equals(c.param("trigger_id"))), timeout,
        "an answer to request " + sent.id());
  }

  /**
   * What the person sees in answer to a command: the acknowledgement's body, or, when the bot took
   * longer than Slack's budget (which depends on the machine) and acknowledged with "Working on
   * it…", the answer that followed through the response URL or the form it opened.
   */
  public String answerTo(Sent sent, Duration timeout) throws InterruptedException {
    return sent.body().contains("Working on it") ? awaitAnswer(sent, timeout).body() : sent.body();
  }

  /** What the bot posts to the person directly after a request (a form's confirmation). */
  public SlackCall awaitPostTo(String userId, Sent sent, Duration timeout) throws InterruptedException {
    return await(sent.after(), c -> c.method().equals("chat.postMessage") && userId.equals(c.param("channel")), timeout,
        "a message to " + userId);
  }

  /** The people in a conversation the bot opened (or the person, for a message posted to a user id). */
  public List<String> membersOf(String channel) {
    List<String> members = channels.get(channel);
    if (members != null) {
      return members;
    }
    return channel != null && channel.startsWith("U") ? List.of(channel) : List.of();
  }

  /** Bodies of Web API calls to one method, decoded, oldest first. */
  public synchronized List<String> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).map(SlackCall::decodedBody).toList();
  }

  /** Bodies posted to response URLs (answers to clicks and slow commands), oldest first. */
  public synchronized List<String> responses() {
    return calls.stream().filter(c -> c.method().equals("response")).map(SlackCall::body).toList();
  }

  /** Files the bot uploaded and completed (shared), oldest first. */
  public synchronized List<Upload> uploads() {
    return List.copyOf(shared);
  }

  private synchronized void shared(Upload upload) {
    shared.add(upload);
  }

  @Override
  public void close() {
    api.stop();
  }

  private synchronized void record(String url, String body) {
    int query = url.indexOf('?');
    calls.add(new SlackCall(calls.size() + 1, clock.instant(), query < 0 ? url : url.substring(0, query), body));
    notifyAll();
  }

  private String responseUrl(long id) {
    return api.baseUrl() + "/response/" + id;
  }

  private static String triggerId(long id) {
    return "trigger." + id;
  }

  private static JsonObject team() {
    JsonObject team = new JsonObject();
    team.addProperty("id", TEAM);
    team.addProperty("domain", "demo");
    return team;
  }

  private static JsonObject user(String userId) {
    JsonObject user = new JsonObject();
    user.addProperty("id", userId);
    user.addProperty("team_id", TEAM);
    return user;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * Answers conversations.open with a channel id of its own for each person ({@code D<user>}) and
   * each group ({@code G<users>}), and chat.postMessage with a fresh timestamp, as Slack does.
   */
  private final class Channels implements ResponseDefinitionTransformerV2 {
    @Override
    public ResponseDefinition transform(ServeEvent event) {
      String url = event.getRequest().getUrl();
      SlackCall call = new SlackCall(0, Instant.EPOCH, url, event.getRequest().getBodyAsString());
      if (url.startsWith("/api/conversations.open")) {
        String users = call.param("users");
        if (users == null || users.isBlank()) {
          return okJson("{\"ok\":false,\"error\":\"users_not_found\"}").build();
        }
        List<String> members = Arrays.stream(users.split(",")).map(String::trim).toList();
        String channel = (members.size() == 1 ? "D" : "G") + String.join("", members);
        channels.putIfAbsent(channel, members);
        return okJson("{\"ok\":true,\"channel\":{\"id\":\"" + channel + "\"}}").build();
      }
      if (url.startsWith("/api/chat.postMessage")) {
        String channel = call.param("channel");
        long n = messages.incrementAndGet();
        return okJson("{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"1700000000."
            + String.format("%06d", n) + "\"}").build();
      }
      if (url.startsWith("/api/files.getUploadURLExternal")) {
        String fileId = "F" + String.format("%08d", fileIds.incrementAndGet());
        uploads.put(fileId, new Upload(fileId, call.param("filename"), null, null, null));
        return okJson("{\"ok\":true,\"upload_url\":\"" + api.baseUrl() + "/upload/" + fileId + "\",\"file_id\":\""
            + fileId + "\"}").build();
      }
      if (url.startsWith("/upload/")) {
        String fileId = url.substring("/upload/".length());
        Upload pending = uploads.get(fileId);
        if (pending == null) {
          return ResponseDefinition.notFound();
        }
        byte[] content = event.getRequest().getBody();
        uploads.put(fileId, new Upload(fileId, pending.fileName(), null, null, content));
        return new ResponseDefinition(200, "OK - " + content.length);
      }
      if (url.startsWith("/api/files.completeUploadExternal")) {
        JsonArray files = com.google.gson.JsonParser.parseString(call.param("files")).getAsJsonArray();
        String channel = call.param("channel_id");
        JsonArray answered = new JsonArray();
        for (var element : files) {
          JsonObject f = element.getAsJsonObject();
          String fileId = f.get("id").getAsString();
          Upload pending = uploads.remove(fileId);
          if (pending == null || pending.content() == null) {
            return okJson("{\"ok\":false,\"error\":\"file_not_found\"}").build();
          }
          String title = f.has("title") ? f.get("title").getAsString() : pending.fileName();
          shared(new Upload(fileId, pending.fileName(), title, channel, pending.content()));
          JsonObject file = new JsonObject();
          file.addProperty("id", fileId);
          file.addProperty("name", pending.fileName());
          file.addProperty("title", title);
          file.addProperty("size", pending.content().length);
          answered.add(file);
        }
        JsonObject answer = new JsonObject();
        answer.addProperty("ok", true);
        answer.add("files", answered);
        return okJson(answer.toString()).build();
      }
      return event.getResponseDefinition();
    }

    @Override
    public String getName() {
      return "fake-slack-channels";
    }
  }
}
