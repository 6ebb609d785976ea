package org.rmbot.mentoring.slack;

import com.google.gson.JsonParseException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: what Bolt's own servlet does (read the request, run the app, write
 * the answer), with bad input answered as such. Bolt's servlet turns any failure into a 500,
 * including a signed body with a field of the wrong type that its JSON reader chokes on; here
 * that is a 400, and so is a body Bolt cannot read at all. Signature checks happen inside
 * {@code App.run} first, so an unsigned request still gets Bolt's 401.
 *
 * <p>The answer is written asynchronously, by whichever comes first: the app returning, or the
 * {@link AckDeadlines} watchdog sending the interim answer a handler armed (see
 * {@link Acknowledgement}). So a handler can work on this thread and still be acknowledged in time.
 */
public final class SlackEventsServlet extends HttpServlet {
  private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);
  static final long WINDOW_SECONDS = 300;
  private final transient App app;
  private final transient SlackAppServletAdapter adapter;
  private final transient Consumer<Duration> acked;
  /** Started with the servlet (the container calls init before the first request), stopped in destroy. */
  private transient AckDeadlines deadlines;

  public SlackEventsServlet(App app) {
    this(app, took -> { });
  }

  /** {@code acked} hears how long each request took to be acknowledged, from arrival to the answer leaving. */
  public SlackEventsServlet(App app, Consumer<Duration> acked) {
    this.app = app;
    this.adapter = new BodyReadingAdapter(app.config());
    this.acked = acked;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    long arrived = System.nanoTime();
    Request<?> slackRequest;
    try {
      slackRequest = adapter.buildSlackRequest(request);
    } catch (UnreadableBody e) {
      // the server's body limit (413) or a broken body (400): the server answers as it does on every path
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw (RuntimeException) e.getCause();
    } catch (RuntimeException e) {
      log.warn("refused a Slack request Bolt could not read: {}", e.getClass().getSimpleName());
      error(response, 400, "bad request");
      return;
    }
    // checked once the body is read: a refusal sent while the client is still sending makes Jetty
    // close the connection, and the client sees a broken pipe instead of the 401
    if (fromTheFuture(request.getHeader("X-Slack-Request-Timestamp"))) {
      // Bolt refuses timestamps older than five minutes but accepts any in the future: a request
      // signed ahead of time could then be replayed for ever
      error(response, 401, "invalid request");
      return;
    }
    if (slackRequest == null) {
      error(response, 400, "bad request");
      return;
    }
    AsyncContext async = request.startAsync();
    async.setTimeout(0); // Slack gives up after 3 s; the watchdog, not the container, keeps that promise
    Acknowledgement ack = deadlines.open(arrived, interim -> send(async, interim, arrived, true));
    Response answer = null;
    try (Acknowledgement.Scope serving = ack.serveOnThisThread()) {
      answer = app.run(slackRequest);
    } catch (Exception e) {
      answer = refusal(e);
    } finally {
      // also when an Error escapes: the exchange must still be answered and completed
      deadlines.done(ack);
      if (ack.claim()) {
        send(async, answer != null ? answer : errorResponse(500, "internal error"), arrived, false);
      }
    }
  }

  @Override
  public void init() {
    deadlines = new AckDeadlines();
  }

  @Override
  public void destroy() {
    if (deadlines != null) {
      deadlines.close();
    }
  }

  private static Response refusal(Exception e) {
    if (fromTheJsonReader(e) || beforeAnyListener(e)) {
      log.warn("refused a Slack request with a malformed payload: {}", e.getClass().getSimpleName());
      return errorResponse(400, "bad request");
    }
    log.error("a Slack request failed: {} at {}", e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
    return errorResponse(500, "internal error");
  }

  /**
   * Writes the acknowledgement and ends the exchange; a caller that has gone away only costs a log
   * line. When the watchdog sends ({@code early}), the request thread is still inside
   * {@code doPost} and the container defers {@code complete()} until it returns: the declared
   * length and the flush let Slack read the whole acknowledgement at once, and closing the
   * connection keeps Slack's next request off a connection that cannot be read until then.
   */
  private void send(AsyncContext async, Response answer, long arrived, boolean early) {
    try {
      HttpServletResponse response = (HttpServletResponse) async.getResponse();
      if (early) {
        response.setHeader("Connection", "close");
      }
      // counted before the write: once the declared length is written Jetty sends at once, and
      // whoever has the answer must also find it counted
      acked.accept(Duration.ofNanos(System.nanoTime() - arrived));
      write(response, answer);
      response.flushBuffer();
    } catch (IOException | RuntimeException e) {
      log.warn("could not write a Slack acknowledgement: {}", e.getClass().getSimpleName());
    } finally {
      async.complete();
    }
  }

  private static Response errorResponse(int status, String message) {
    return Response.builder().statusCode(status).contentType("application/json")
        .body("{\"error\":\"" + message + "\"}").build();
  }

  /**
   * Bolt failing while it routes a request, before any listener of this bot ran: a payload of a
   * shape Slack never sends, such as a block action whose {@code actions} are {@code [null]}
   * (Bolt reads the first action's id without a null check). A failure inside one of the bot's
   * listeners ({@link SlackBot}) has its frame above {@code App.run} and stays a server error.
   */
  static boolean beforeAnyListener(Throwable e) {
    for (StackTraceElement at : e.getStackTrace()) {
      if (at.getClassName().startsWith(SlackBot.class.getName())) {
        return false;
      }
      if (at.getClassName().equals(App.class.getName()) && at.getMethodName().equals("run")) {
        return true;
      }
    }
    return false;
  }

  /** Gson failing on a field of the wrong type or shape: a parse error, or its getters thrown from inside Gson. */
  private static boolean fromTheJsonReader(Exception e) {
    StackTraceElement[] at = e.getStackTrace();
    return e instanceof JsonParseException || (at.length > 0 && at[0].getClassName().startsWith("com.google.gson."));
  }

  /**
   * A refusal before the body was read. No declared length here: written that way, Jetty would
   * finish the exchange at once and close the connection on a client still sending its body.
   */
  private static void error(HttpServletResponse response, int status, String message) throws IOException {
    Response refusal = errorResponse(status, message);
    response.setStatus(refusal.getStatusCode());
    response.setContentType(refusal.getContentType());
    response.getWriter().write(refusal.getBody());
  }

  private static void write(HttpServletResponse response, Response answer) throws IOException {
    response.setStatus(answer.getStatusCode());
    if (answer.getHeaders() != null) {
      answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    }
    if (answer.getContentType() != null) {
      response.setHeader("Content-Type", answer.getContentType());
    }
    byte[] body = answer.getBody() == null ? new byte[0] : answer.getBody().getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** A body that could not be read: kept apart from one that was read but is not a Slack request. */
  private static final class UnreadableBody extends RuntimeException {
    UnreadableBody(Exception cause) {
      super(cause);
    }
  }

  /** Bolt's adapter, with a failure to read the body told apart from a body Bolt cannot parse. */
  private static final class BodyReadingAdapter extends SlackAppServletAdapter {
    BodyReadingAdapter(com.slack.api.bolt.AppConfig config) {
      super(config);
    }

    @Override
    protected String doReadRequestBodyAsString(HttpServletRequest request) {
      try {
        return super.doReadRequestBodyAsString(request);
      } catch (IOException | RuntimeException e) {
        throw new UnreadableBody(e);
      }
    }
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
