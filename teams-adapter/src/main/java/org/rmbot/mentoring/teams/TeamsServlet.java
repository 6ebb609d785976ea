package org.rmbot.mentoring.teams;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.RoleTypes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.time.Clock;
import org.rmbot.mentoring.replay.SeenRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/messages}: the Bot Framework's messaging endpoint. Reads the activity with the
 * SDK's JSON settings and hands it to the SDK's adapter, which validates the bearer token before
 * anything runs. Answers: 401 for a missing or invalid token, 400 for a body that is not an
 * activity, 413 for an oversized body, the invoke response for invokes, 202 otherwise. Bad input
 * never causes a 5xx.
 */
public final class TeamsServlet extends HttpServlet {
  private static final Logger log = LoggerFactory.getLogger(TeamsServlet.class);
  /** Teams caps a message at about 28 KB; with a card's inputs and Teams' envelope, 256 KB is generous. */
  static final int MAX_BODY = 256 * 1024;
  private static final List<String> NEEDS_CONVERSATION = List.of(ActivityTypes.MESSAGE, ActivityTypes.INVOKE,
      ActivityTypes.CONVERSATION_UPDATE, ActivityTypes.INSTALLATION_UPDATE);

  private final transient TeamsAdapter adapter;
  private final transient TeamsBot bot;
  private final int maxBody;
  private final transient TeamsReplays replays;

  /**
   * @param maxBody the largest activity read; the web server in front refuses larger bodies first
   * @param seen where activities already taken are remembered, shared by every instance
   */
  public TeamsServlet(TeamsAdapter adapter, TeamsBot bot, int maxBody, SeenRequests seen) {
    this.adapter = adapter;
    this.bot = bot;
    this.maxBody = maxBody;
    // tokens expire by real time
    this.replays = new TeamsReplays(seen, Clock.systemUTC());
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(maxBody + 1);
    }
    if (body.length > maxBody) {
      error(response, 413, "activity too large");
      return;
    }
    Activity activity;
    try {
      JsonNode tree = Json.MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
      // the SDK walks its lists (entities, members, attachments...) without null checks: a null
      // element is nothing, so it is dropped before anything reads it
      activity = Json.MAPPER.treeToValue(withoutNullElements(tree), Activity.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      error(response, 400, "not a Bot Framework activity");
      return;
    }
    String problem = problem(activity);
    if (problem != null) {
      error(response, 400, problem);
      return;
    }
    if (activity.getRecipient() != null && activity.getRecipient().getRole() == null) {
      // the SDK's unauthenticated path reads the recipient's role without a null check (4.14.1)
      activity.getRecipient().setRole(RoleTypes.BOT);
    }
    if (activity.getLocale() != null && !wellFormedLocale(activity.getLocale())) {
      // the SDK builds a Locale from it and fails the turn on an ill-formed tag; it only
      // informs formatting, so an odd one is dropped rather than the request refused
      activity.setLocale(null);
    }
    if (activity.getValue() instanceof Map<?, ?> || activity.getValue() instanceof List<?>) {
      // the SDK reads card invokes from a JSON tree
      activity.setValue(Json.MAPPER.valueToTree(activity.getValue()));
    }
    InvokeResponse result;
    AtomicBoolean replayed = new AtomicBoolean();
    String authorization = request.getHeader("Authorization");
    try {
      result = adapter.processActivity(authorization, activity, replays.once(activity, authorization, bot::onTurn, replayed))
          .get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error(response, 503, "shutting down");
      return;
    } catch (TimeoutException e) {
      error(response, 503, "timed out");
      return;
    } catch (ExecutionException | RuntimeException e) {
      Throwable cause = ConnectorFailures.unwrap(e);
      if (cause instanceof AuthenticationException || cause instanceof JWTVerificationException) {
        // the reason stays in our log; the caller learns only that it is not authorised
        log.info("refused an activity: {}", cause.getMessage());
        error(response, 401, "unauthorized");
        return;
      }
      if (cause instanceof IllegalArgumentException) {
        error(response, 400, "invalid activity");
        return;
      }
      log.error("an activity failed: {} at {}", cause.getClass().getName(), cause.getStackTrace().length > 0 ? cause.getStackTrace()[0] : "?");
      error(response, 500, "internal error");
      return;
    }
    if (replayed.get()) {
      // taken already: acknowledged, and nothing ran
      response.setStatus(ActivityTypes.INVOKE.equals(activity.getType()) ? 200 : 202);
      return;
    }
    if (result == null) {
      response.setStatus(202);
      return;
    }
    if (result.getStatus() == 501) {
      // the SDK's answer to an invoke it has no handler for (a damaged or unknown name): the
      // caller sent something this bot does not take, which is a 400, not a server error
      error(response, 400, "unsupported invoke");
      return;
    }
    if (result.getStatus() >= 500) {
      // the SDK puts its exception's message in the body: keep that in our log only
      log.error("an invoke failed with status {}", result.getStatus());
      error(response, 500, "internal error");
      return;
    }
    response.setStatus(result.getStatus());
    if (result.getBody() != null) {
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(Json.MAPPER.writeValueAsString(result.getBody()));
    }
  }

  /** What makes this activity unusable, or null. */
  private static String problem(Activity activity) {
    if (activity == null || activity.getType() == null || activity.getType().isBlank()) {
      return "an activity needs a type";
    }
    if (activity.getChannelId() == null || activity.getChannelId().isBlank()) {
      // the SDK switches on it and would fail with a server error
      return "an activity needs a channelId";
    }
    if (activity.getServiceUrl() == null || activity.getServiceUrl().isBlank()) {
      return "an activity needs a serviceUrl";
    }
    if (NEEDS_CONVERSATION.contains(activity.getType())
        && (activity.getConversation() == null || activity.getConversation().getId() == null
            || activity.getFrom() == null || activity.getFrom().getId() == null)) {
      return "an activity needs a conversation and a sender";
    }
    if ((ActivityTypes.MESSAGE.equals(activity.getType()) || ActivityTypes.INVOKE.equals(activity.getType()))
        && (activity.getId() == null || activity.getId().isBlank())) {
      // Teams gives every activity an id; without one, a replay could not be told from the original
      return "an activity needs an id";
    }
    if (malformedCardAction(activity)) {
      return "a card action needs value.action with its type";
    }
    return null;
  }

  private static JsonNode withoutNullElements(JsonNode node) {
    if (node instanceof ArrayNode array) {
      for (int i = array.size() - 1; i >= 0; i--) {
        if (array.get(i).isNull()) {
          array.remove(i);
        }
      }
    }
    if (node != null && node.isContainerNode()) {
      node.forEach(TeamsServlet::withoutNullElements);
    }
    return node;
  }

  /**
   * A card action's invoke must hold {@code value.action.type}: the SDK compares it without a
   * null check (4.14.1) and reads the value with its own types, failing with a server error.
   */
  private static boolean malformedCardAction(Activity activity) {
    if (!ActivityTypes.INVOKE.equals(activity.getType()) || !"adaptiveCard/action".equals(activity.getName())) {
      return false;
    }
    JsonNode value = activity.getValue() == null ? null : Json.MAPPER.valueToTree(activity.getValue());
    if (value == null || value.isNull()) {
      return false; // the SDK answers a missing value with its own 400
    }
    JsonNode action = value.get("action");
    return !value.isObject() || action == null || !action.isObject() || !action.path("type").isTextual()
        || (action.has("verb") && !action.get("verb").isTextual() && !action.get("verb").isNull());
  }

  private static boolean wellFormedLocale(String tag) {
    try {
      new Locale.Builder().setLanguageTag(tag);
      return true;
    } catch (IllformedLocaleException e) {
      return false;
    }
  }

  private static void error(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"error\":\"" + message + "\"}");
  }
}
