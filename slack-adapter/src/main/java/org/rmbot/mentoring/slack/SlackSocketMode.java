package org.rmbot.mentoring.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;

/**
 * Socket Mode: the bot opens a WebSocket to Slack (the URL comes from {@code apps.connections.open}
 * with the app-level token) and receives commands, clicks and events over it, so no public URL is
 * needed. Bolt acknowledges each envelope over the same socket.
 *
 * <p>The backend is Java-WebSocket, not Bolt's default Tyrus: the SDK's Tyrus client is written
 * against Tyrus 1 ({@code javax.websocket}), which cannot share a classpath cleanly with this
 * application's Jakarta stack (Jetty 12); Java-WebSocket has no such API dependency.
 */
public final class SlackSocketMode implements AutoCloseable {
  private final SocketModeApp socket;

  private SlackSocketMode(SocketModeApp socket) {
    this.socket = socket;
  }

  /**
   * Checks the app-level token, then connects in the background (Bolt reconnects by itself).
   *
   * @throws IllegalArgumentException if Slack refuses the token, naming {@code SLACK_APP_TOKEN}
   */
  public static SlackSocketMode start(Slack slack, String appToken, App app) throws Exception {
    var open = slack.methods(appToken).appsConnectionsOpen(r -> r);
    if (!open.isOk() || open.getUrl() == null) {
      throw new IllegalArgumentException("Slack refused SLACK_APP_TOKEN (apps.connections.open: " + open.getError()
          + "); it must be an app-level token with the connections:write scope");
    }
    SocketModeApp socket = new SocketModeApp(appToken, SocketModeClient.Backend.JavaWebSocket, app);
    socket.startAsync();
    return new SlackSocketMode(socket);
  }

  @Override
  public void close() throws Exception {
    socket.stop();
  }
}
