package org.rmbot.mentoring.infra.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.rmbot.mentoring.chat.ChatFailure;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.ChatPlatform;
import org.rmbot.mentoring.chat.Conversation;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;

/**
 * A minimal Slack-shaped JSON-over-HTTP platform for the fan-out bench: what the real adapter
 * will do on the wire (open a conversation, post a message carrying its delivery key), with
 * HTTP 429 and 5xx mapped to the port's failure kinds.
 */
final class HttpBenchPlatform implements ChatPlatform {
  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  HttpBenchPlatform(URI base) {
    this.base = base;
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
    String users = people.stream().map(p -> quote(p.userId())).collect(Collectors.joining(","));
    String answer = post("conversations.open", "{\"users\":[" + users + "]}");
    return new Conversation(Platform.SLACK, people.get(0).workspaceId(), field(answer, "channel"));
  }

  @Override
  public String send(Conversation conversation, ChatMessage message) throws ChatFailure {
    String body = "{\"channel\":" + quote(conversation.id()) + ",\"text\":" + quote(message.fallbackText())
        + (message.deliveryKey() == null ? "" : ",\"key\":" + quote(message.deliveryKey())) + "}";
    return field(post("chat.postMessage", body), "ts");
  }

  @Override
  public void update(Conversation conversation, String messageId, ChatMessage message) throws ChatFailure {
    throw new ChatFailure.Permanent("not_supported");
  }

  @Override
  public String upload(Conversation conversation, byte[] content, String fileName, String title) throws ChatFailure {
    throw new ChatFailure.Permanent("not_supported");
  }

  private String post(String method, String body) throws ChatFailure {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/" + method)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
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
    if (response.statusCode() == 429) {
      throw new ChatFailure.RateLimited(Duration.ofSeconds(
          response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L)));
    }
    if (response.statusCode() >= 500) {
      throw new ChatFailure.Transient("http_" + response.statusCode());
    }
    if (response.statusCode() >= 400 || !response.body().contains("\"ok\":true")) {
      throw new ChatFailure.Permanent("http_" + response.statusCode());
    }
    return response.body();
  }

  private static String field(String json, String name) {
    int at = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
    return json.substring(at, json.indexOf('"', at));
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
