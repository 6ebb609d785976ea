package org.rmbot.mentoring.slack;

import com.google.gson.JsonParseException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: what Bolt's own servlet does (read the request, run the app, write
 * the answer), with bad input answered as such. Bolt's servlet turns any failure into a 500,
 * including a signed body with a field of the wrong type that its JSON reader chokes on; here
 * that is a 400, and so is a body Bolt cannot read at all. Signature checks happen inside
 * {@code App.run} first, so an unsigned request still gets Bolt's 401.
 */
public final class SlackEventsServlet extends HttpServlet {
  private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);
  static final long WINDOW_SECONDS = 300;
  private final transient App app;
  private final transient SlackAppServletAdapter adapter;

  public SlackEventsServlet(App app) {
    this.app = app;
    this.adapter = new SlackAppServletAdapter(app.config());
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (fromTheFuture(request.getHeader("X-Slack-Request-Timestamp"))) {
      // Bolt refuses timestamps older than five minutes but accepts any in the future: a request
      // signed ahead of time could then be replayed for ever
      error(response, 401, "invalid request");
      return;
    }
    Request<?> slackRequest;
    try {
      slackRequest = adapter.buildSlackRequest(request);
    } catch (RuntimeException e) {
      log.warn("refused a Slack request Bolt could not read: {}", e.getClass().getSimpleName());
      error(response, 400, "bad request");
      return;
    }
    if (slackRequest == null) {
      error(response, 400, "bad request");
      return;
    }
    Response answer;
    try {
      answer = app.run(slackRequest);
    } catch (Exception e) {
      if (fromTheJsonReader(e)) {
        log.warn("refused a Slack request with a malformed payload: {}", e.getClass().getSimpleName());
        error(response, 400, "bad request");
        return;
      }
      log.error("a Slack request failed: {}", e.getClass().getName());
      error(response, 500, "internal error");
      return;
    }
    adapter.writeResponse(response, answer);
  }

  /** Gson failing on a field of the wrong type or shape: a parse error, or its getters thrown from inside Gson. */
  private static boolean fromTheJsonReader(Exception e) {
    StackTraceElement[] at = e.getStackTrace();
    return e instanceof JsonParseException || (at.length > 0 && at[0].getClassName().startsWith("com.google.gson."));
  }

  private static void error(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.getWriter().write("{\"error\":\"" + message + "\"}");
  }

  /** A timestamp more than Slack's five-minute window ahead of this machine's clock (Slack signs with real time). */
  static boolean fromTheFuture(String timestamp) {
    try {
      return timestamp != null && Long.parseLong(timestamp.trim()) - System.currentTimeMillis() / 1000 > WINDOW_SECONDS;
    } catch (NumberFormatException e) {
      return false; // Bolt refuses it
    }
  }
}
