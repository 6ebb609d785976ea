package org.rmbot.mentoring.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.queue.impl.ConcurrentLinkedMessageQueue;
import com.slack.api.socket_mode.response.AckResponse;
import com.slack.api.util.json.GsonFactory;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Socket Mode: the bot opens a WebSocket to Slack (the URL comes from {@code apps.connections.open}
 * with the app-level token) and receives commands, clicks and events over it, so no public URL is
 * needed. Bolt acknowledges each envelope over the same socket.
 *
 * <p>The backend is Java-WebSocket, not Bolt's default Tyrus: the SDK's Tyrus client is written
 * against Tyrus 1 ({@code javax.websocket}), which cannot share a classpath cleanly with this
 * application's Jakarta stack (Jetty 12); Java-WebSocket has no such API dependency.
 *
 * <p>Envelopes are held to the same size limit as HTTP bodies: one over it is dropped, logged,
 * and never parsed. The WebSocket library receives each message whole before anything can look at
 * it, so the limit bounds what is parsed and run, not what that one message costs to receive; the
 * sender is Slack, on the connection the bot opened to it. Bolt's own {@code SocketModeApp}
 * offers no place to put that limit before it parses, so this class hands envelopes to the Bolt
 * app itself, as {@code SocketModeApp} does.
 */
public final class SlackSocketMode implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackSocketMode.class);
  private final SocketModeApp socket;

  private SlackSocketMode(SocketModeApp socket) {
    this.socket = socket;
  }

  /**
   * Checks the app-level token, then connects in the background (Bolt reconnects by itself).
   *
   * @param maxEnvelopeBytes the largest envelope (UTF-8 bytes) handed to the app
   * @throws IllegalArgumentException if Slack refuses the token, naming {@code SLACK_APP_TOKEN}
   */
  public static SlackSocketMode start(Slack slack, String appToken, App app, int maxEnvelopeBytes) throws Exception {
    var open = slack.methods(appToken).appsConnectionsOpen(r -> r);
    if (!open.isOk() || open.getUrl() == null) {
      throw new IllegalArgumentException("Slack refused SLACK_APP_TOKEN (apps.connections.open: " + open.getError()
          + "); it must be an app-level token with the connections:write scope");
    }
    SocketModeClient client = slack.socketMode(appToken, SocketModeClient.Backend.JavaWebSocket);
    client.setMessageQueue(new BoundedEnvelopes(maxEnvelopeBytes));
    SocketModeRequestParser parser = new SocketModeRequestParser(app.config());
    Gson gson = GsonFactory.createSnakeCase(slack.getConfig());
    client.addWebSocketMessageListener(message -> run(message, app, client, parser, gson));
    SocketModeApp socket = new SocketModeApp(client, app);
    socket.startAsync();
    return new SlackSocketMode(socket);
  }

  /** One envelope through the app, acknowledged with the app's answer, as Bolt's SocketModeApp does. */
  private static void run(String message, App app, SocketModeClient client, SocketModeRequestParser parser, Gson gson) {
    SocketModeRequest request;
    try {
      request = parser.parse(message);
    } catch (RuntimeException e) {
      log.warn("dropped a Socket Mode envelope Bolt could not read: {}", e.getClass().getSimpleName());
      return;
    }
    if (request == null) {
      return;
    }
    try {
      Response answer = app.run(request.getBoltRequest());
      if (answer.getStatusCode() != 200) {
        log.warn("a Socket Mode envelope was refused with status {}", answer.getStatusCode());
        return;
      }
      String envelope = request.getEnvelope().getEnvelopeId();
      if (answer.getBody() == null) {
        client.sendSocketModeResponse(new AckResponse(envelope));
      } else if (answer.getContentType() != null && answer.getContentType().startsWith("application/json")) {
        client.sendSocketModeResponse(gson.toJson(Map.of("envelope_id", envelope,
            "payload", gson.fromJson(answer.getBody(), JsonElement.class))));
      } else {
        client.sendSocketModeResponse(gson.toJson(Map.of("envelope_id", envelope, "payload", Map.of("text", answer.getBody()))));
      }
    } catch (Exception e) {
      log.warn("a Socket Mode envelope failed: {}", e.getClass().getSimpleName());
    }
  }

  /** The client's queue of received messages, refusing one over the limit before anything parses it. */
  static final class BoundedEnvelopes extends ConcurrentLinkedMessageQueue {
    private final int maxBytes;

    BoundedEnvelopes(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    @Override
    public void add(String message) {
      if (over(message, maxBytes)) {
        log.warn("dropped a Socket Mode envelope over {} bytes, unread", maxBytes);
        return;
      }
      super.add(message);
    }

    /** Whether the text takes more than {@code max} bytes in UTF-8, counted without encoding it. */
    static boolean over(String text, int max) {
      if (text.length() > max) {
        return true;
      }
      long bytes = 0;
      for (int i = 0; i < text.length() && bytes <= max; i++) {
        char c = text.charAt(i);
        bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
      }
      return bytes > max;
    }
  }

  @Override
  public void close() throws Exception {
    socket.stop();
  }
}
