package org.rmbot.mentoring.infra.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A fake Slack for tests: WireMock answers the Web API the way Slack documents it, and requests
 * to the bot are signed with the real scheme (v0 HMAC-SHA256 of timestamp and body).
 */
public final class SlackWorkspace implements AutoCloseable {
  public static final String TEAM = "T0TEST";
  public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  public final WireMockServer api = new WireMockServer(wireMockConfig().dynamicPort());
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger ts = new AtomicInteger();
  private String botUrl;

  public SlackWorkspace() {
    api.start();
    api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/auth.test").willReturn(okJson(
        "{\"ok\":true,\"url\":\"https://test.slack.com/\",\"team\":\"Test\",\"user\":\"mentoring\",\"team_id\":\"" + TEAM
            + "\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
    api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/conversations.open").willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"DCONV\"}}")));
    api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/chat.postMessage").willReturn(okJson("{\"ok\":true,\"channel\":\"DCONV\",\"ts\":\"1700000000.000100\"}")));
    api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/views.open").willReturn(okJson("{\"ok\":true,\"view\":{\"id\":\"V1\"}}")));
    api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/views.publish").willReturn(okJson("{\"ok\":true,\"view\":{\"id\":\"V2\"}}")));
    api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/conversations.history").willReturn(okJson("{\"ok\":true,\"messages\":[]}")));
    api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/response")).willReturn(okJson("{\"ok\":true}")));
  }

  public String apiUrl() {
    return api.baseUrl() + "/api/";
  }

  public void botAt(String url) {
    this.botUrl = url;
  }

  /** A person in the workspace: users.info answers with their email and zone. */
  public void person(String userId, String name, String email, String zone) {
    api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/users.info").withRequestBody(containing("user=" + userId)).willReturn(okJson(
        "{\"ok\":true,\"user\":{\"id\":\"" + userId + "\",\"team_id\":\"" + TEAM + "\",\"name\":\"" + userId
            + "\",\"real_name\":\"" + name + "\",\"tz\":\"" + zone + "\",\"profile\":{\"email\":\"" + email
            + "\",\"display_name\":\"" + name + "\",\"real_name\":\"" + name + "\"}}}")));
    // each person's direct conversation has its own id, as in Slack
    api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/conversations.open")
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matching(".*users=" + userId + "(&.*)?$"))
        .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"D" + userId + "\"}}")));
  }

  public HttpResponse<String> command(String userId, String text) throws Exception {
    String body = "token=x&team_id=" + TEAM + "&team_domain=test&channel_id=D0&channel_name=directmessage&user_id=" + userId
        + "&user_name=" + userId + "&command=%2Fmentoring&text=" + enc(text) + "&api_app_id=A1&response_url="
        + enc(api.baseUrl() + "/response") + "&trigger_id=" + enc("trigger." + userId);
    return signedPost(body, "application/x-www-form-urlencoded");
  }

  public HttpResponse<String> click(String userId, String actionId, String value) throws Exception {
    String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + TEAM + "\",\"domain\":\"test\"},"
        + "\"user\":{\"id\":\"" + userId + "\",\"team_id\":\"" + TEAM + "\"},\"api_app_id\":\"A1\",\"token\":\"x\","
        + "\"trigger_id\":\"trigger." + userId + "\",\"response_url\":\"" + api.baseUrl() + "/response\","
        + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000100\",\"channel_id\":\"DCONV\"},"
        + "\"channel\":{\"id\":\"DCONV\"},"
        + "\"actions\":[{\"type\":\"button\",\"action_id\":\"" + actionId + "\",\"block_id\":\"actions-1\","
        + "\"value\":\"" + value + "\",\"action_ts\":\"1700000001.000200\",\"text\":{\"type\":\"plain_text\",\"text\":\"x\"}}]}";
    return signedPost("payload=" + enc(payload), "application/x-www-form-urlencoded");
  }

  /** Submits a modal: {@code values} are input id to value pairs (plain text inputs). */
  public HttpResponse<String> submit(String userId, String callbackId, java.util.Map<String, String> values) throws Exception {
    StringBuilder state = new StringBuilder("{");
    values.forEach((id, value) -> {
      if (state.length() > 1) {
        state.append(',');
      }
      String v = id.equals("role") || id.equals("consent")
          ? "{\"type\":\"radio_buttons\",\"selected_option\":{\"value\":\"" + value + "\",\"text\":{\"type\":\"plain_text\",\"text\":\"x\"}}}"
          : "{\"type\":\"plain_text_input\",\"value\":\"" + value + "\"}";
      state.append('"').append(id).append("\":{\"").append(id).append("\":").append(v).append('}');
    });
    state.append('}');
    String payload = "{\"type\":\"view_submission\",\"team\":{\"id\":\"" + TEAM + "\",\"domain\":\"test\"},"
        + "\"user\":{\"id\":\"" + userId + "\",\"team_id\":\"" + TEAM + "\"},\"api_app_id\":\"A1\",\"token\":\"x\","
        + "\"trigger_id\":\"t\",\"view\":{\"id\":\"V1\",\"team_id\":\"" + TEAM + "\",\"type\":\"modal\",\"callback_id\":\""
        + callbackId + "\",\"state\":{\"values\":" + state + "},\"hash\":\"h\"}}";
    return signedPost("payload=" + enc(payload), "application/x-www-form-urlencoded");
  }

  public HttpResponse<String> signedPost(String body, String contentType) throws Exception {
    long timestamp = System.currentTimeMillis() / 1000;
    return post(body, contentType, String.valueOf(timestamp), sign(SIGNING_SECRET, timestamp, body));
  }

  public HttpResponse<String> post(String body, String contentType, String timestamp, String signature) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(botUrl + "/slack/events"))
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

  /** Bodies of Web API calls to one method, decoded, oldest first. */
  public List<String> calls(String method) {
    return api.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/api/" + method)))
        .stream().map(LoggedRequest::getBodyAsString).map(b -> URLDecoder.decode(b, StandardCharsets.UTF_8)).toList();
  }

  /** Bodies posted to the response URL (answers to clicks and slow commands). */
  public List<String> responses() {
    return api.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/response")))
        .stream().map(LoggedRequest::getBodyAsString).toList();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    api.stop();
  }
}
