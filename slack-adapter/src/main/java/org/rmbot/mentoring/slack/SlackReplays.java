package org.rmbot.mentoring.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rmbot.mentoring.replay.ReplayExemptions;
import org.rmbot.mentoring.replay.SeenRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each signed Slack request is taken once. Runs after Bolt has checked the signature and the
 * timestamp window: a request whose signature was seen inside that window (the same bytes sent
 * again, to this instance or another) is acknowledged and nothing else happens. An Events API
 * event is also known by its {@code event_id}: Slack re-signs its retries
 * ({@code X-Slack-Retry-Num}), and a retry of an event already taken is acknowledged the same way.
 * Socket Mode envelopes are not signed; they come over the bot's own connection to Slack.
 * The anonymous-feedback paths are never recorded ({@link ReplayExemptions}).
 */
public final class SlackReplays implements Middleware {
  private static final Logger log = LoggerFactory.getLogger(SlackReplays.class);
  /** Bolt refuses a request older than this, and the servlet one this far ahead. */
  static final Duration WINDOW = Duration.ofSeconds(SlackEventsServlet.WINDOW_SECONDS);
  /** Slack retries an event up to three times, over about an hour at the most. */
  static final Duration EVENT_RETRIES = Duration.ofHours(1);

  private final SeenRequests seen;

  public SlackReplays(SeenRequests seen) {
    this.seen = seen;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    String signature = req.getHeaders() == null ? null : req.getHeaders().getFirstValue("X-Slack-Signature");
    if (req.isSocketMode() || signature == null || exempt(req)) {
      return chain.next(req);
    }
    Instant signedAt = Instant.ofEpochSecond(Long.parseLong(req.getHeaders().getFirstValue("X-Slack-Request-Timestamp").trim()));
    List<String> identifiers = new ArrayList<>(List.of("slack-signature:" + signature));
    Instant until = signedAt.plus(WINDOW);
    String event = req instanceof EventRequest ? eventId(req.getRequestBodyAsString()) : null;
    if (event != null) {
      identifiers.add("slack-event:" + event);
      until = signedAt.plus(EVENT_RETRIES);
    }
    boolean first;
    try {
      first = seen.firstTime(identifiers, until);
    } catch (RuntimeException e) {
      // without the store a replay cannot be told apart: nothing runs, and Slack may try again
      log.warn("could not check a Slack request for replay: {}", e.getClass().getSimpleName());
      return Response.builder().statusCode(503).contentType("application/json").body("{\"error\":\"unavailable\"}").build();
    }
    if (!first) {
      log.info("acknowledged a Slack request already taken{}", event != null ? " (an event retried)" : " (a replay)");
      return Response.ok();
    }
    return chain.next(req);
  }

  private static boolean exempt(Request<?> req) {
    if (req instanceof BlockActionRequest click && click.getPayload() != null && click.getPayload().getActions() != null) {
      return click.getPayload().getActions().stream().filter(Objects::nonNull)
          .anyMatch(action -> ReplayExemptions.exemptAction(action.getActionId()));
    }
    if (req instanceof ViewSubmissionRequest form && form.getPayload() != null && form.getPayload().getView() != null) {
      return ReplayExemptions.exemptForm(form.getPayload().getView().getCallbackId());
    }
    return false;
  }

  /** The event's id with its workspace ({@code team_id/event_id}), or null if the body has none. */
  static String eventId(String body) {
    try {
      JsonElement json = JsonParser.parseString(body);
      if (!json.isJsonObject()) {
        return null;
      }
      JsonElement id = json.getAsJsonObject().get("event_id");
      JsonElement team = json.getAsJsonObject().get("team_id");
      if (id == null || !id.isJsonPrimitive() || id.getAsString().isBlank()) {
        return null;
      }
      return (team != null && team.isJsonPrimitive() ? team.getAsString() : "") + "/" + id.getAsString();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
