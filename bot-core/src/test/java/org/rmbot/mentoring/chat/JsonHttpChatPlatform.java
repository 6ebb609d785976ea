package org.rmbot.mentoring.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;

/**
 * A tiny JSON-over-HTTP chat platform for tests, shaped like Slack's Web API ({@code
 * conversations.open}, {@code chat.postMessage}; {@code ok}/{@code error} envelope; 429 with
 * Retry-After), so that rate limits, 5xx answers and slow responses come from a real HTTP
 * server (WireMock) through a real HTTP client.
 */
public final class JsonHttpChatPlatform implements ChatPlatform {
  /** Error codes that no retry can fix. */
  private static final Set<String> PERMANENT = Set.of("user_not_found", "users_not_found", "user_disabled",
      "channel_not_found", "is_archived", "not_in_channel", "account_inactive", "invalid_auth", "invalid_blocks",
      "msg_too_long", "no_text", "missing_scope");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient http;
  private final Duration timeout;

  public JsonHttpChatPlatform(URI base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
  }

  @Override
  public Platform platform() {
    return Platform.SLACK;
  }

  @Override
  public Conversation openDirect(PlatformIdentity person) throws ChatFailure {
    return openGroup(List.of(person));
  }

  @Override
  public Conversation openGroup(List<PlatformIdentity> people) throws ChatFailure {
    ObjectNode body = JSON.createObjectNode();
    body.put("workspace", people.get(0).workspaceId());
    people.forEach(p -> body.withArray("users").add(p.userId()));
    JsonNode answer = call("conversations.open", body);
    return new Conversation(Platform.SLACK, people.get(0).workspaceId(), answer.path("channel").asText());
  }

  @Override
  public String send(Conversation conversation, ChatMessage message) throws ChatFailure {
    ObjectNode body = JSON.createObjectNode();
    body.put("channel", conversation.id());
    body.put("text", message.fallbackText());
    if (message.deliveryKey() != null) {
      body.put("key", message.deliveryKey());
    }
    return call("chat.postMessage", body).path("ts").asText();
  }

  @Override
  public void update(Conversation conversation, String messageId, ChatMessage message) throws ChatFailure {
    ObjectNode body = JSON.createObjectNode();
    body.put("channel", conversation.id());
    body.put("ts", messageId);
    body.put("text", message.fallbackText());
    call("chat.update", body);
  }

  @Override
  public String upload(Conversation conversation, byte[] content, String fileName, String title) throws ChatFailure {
    ObjectNode body = JSON.createObjectNode();
    body.put("channel", conversation.id());
    body.put("filename", fileName);
    body.put("title", title);
    body.put("bytes", content);
    return call("files.upload", body).path("ts").asText();
  }

  private JsonNode call(String method, ObjectNode body) throws ChatFailure {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/" + method))
        .timeout(timeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new ChatFailure.Transient("timeout", e);
    } catch (IOException e) {
      throw new ChatFailure.Transient("connection_failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatFailure.Transient("interrupted", e);
    }
    int status = response.statusCode();
    if (status == 429) {
      long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
      throw new ChatFailure.RateLimited(Duration.ofSeconds(seconds));
    }
    if (status >= 500) {
      throw new ChatFailure.Transient("http_" + status);
    }
    if (status >= 400) {
      throw new ChatFailure.Permanent("http_" + status);
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new ChatFailure.Transient("bad_response", e);
    }
    if (!answer.path("ok").asBoolean(false)) {
      String code = answer.path("error").asText("unknown_error");
      throw PERMANENT.contains(code) ? new ChatFailure.Permanent(code) : new ChatFailure.Transient(code);
    }
    return answer;
  }
}
