package org.rmbot.mentoring.teams;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.BotCallbackHandler;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rmbot.mentoring.replay.ReplayExemptions;
import org.rmbot.mentoring.replay.SeenRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each Teams activity is taken once. The Bot Framework signs a token, not the activity, so what
 * can be replayed is the same activity (same id in the same conversation) with a token still
 * valid: it is remembered until that token expires, plus the clock skew the SDK allows, and an
 * activity seen before runs nothing. The check runs inside the turn, after the SDK has validated
 * the token, so nobody can fill the store without one. The anonymous-feedback paths are never
 * recorded ({@link ReplayExemptions}).
 */
final class TeamsReplays {
  private static final Logger log = LoggerFactory.getLogger(TeamsReplays.class);
  /** The clock skew the SDK's token validation tolerates. */
  static final Duration SKEW = Duration.ofMinutes(5);

  private final SeenRequests seen;
  private final Clock clock;

  TeamsReplays(SeenRequests seen, Clock clock) {
    this.seen = seen;
    this.clock = clock;
  }

  /** The bot's turn, run only if this activity was not taken before; {@code replayed} says if it was. */
  BotCallbackHandler once(Activity activity, String authorization, BotCallbackHandler turn, AtomicBoolean replayed) {
    Optional<String> identifier = identifier(activity);
    if (identifier.isEmpty()) {
      return turn;
    }
    return context -> {
      if (!seen.firstTime(List.of(identifier.get()), until(authorization))) {
        log.info("ignored an activity already taken (a replay)");
        replayed.set(true);
        return CompletableFuture.completedFuture(null);
      }
      return turn.invoke(context);
    };
  }

  /** Empty for an anonymous-feedback click or submission, and for an activity without an id. */
  static Optional<String> identifier(Activity activity) {
    if (activity.getId() == null || activity.getId().isBlank() || exempt(activity)) {
      return Optional.empty();
    }
    String conversation = activity.getConversation() == null ? "" : activity.getConversation().getId();
    return Optional.of("teams-activity:" + activity.getChannelId() + "|" + conversation + "|" + activity.getId());
  }

  private static boolean exempt(Activity activity) {
    JsonNode value = activity.getValue() == null ? null : Json.MAPPER.valueToTree(activity.getValue());
    if (value == null) {
      return false;
    }
    // an Action.Execute invoke carries its data in value.action.data; an Action.Submit, in value
    JsonNode data = ActivityTypes.INVOKE.equals(activity.getType()) ? value.path("action").path("data") : value;
    String verb = value.path("action").path("verb").asText("");
    return ReplayExemptions.exemptAction(data.path(AdaptiveCardRenderer.DATA_ACTION).asText(verb))
        || ReplayExemptions.exemptForm(data.path(AdaptiveCardRenderer.DATA_FORM).asText(null));
  }

  /** When the token that carried the activity stops being accepted; the Emulator's mode has none. */
  private Instant until(String authorization) {
    Instant now = clock.instant();
    if (authorization != null && authorization.startsWith("Bearer ")) {
      try {
        // already validated by the SDK: read only for its expiry
        java.util.Date expires = JWT.decode(authorization.substring("Bearer ".length()).trim()).getExpiresAt();
        if (expires != null) {
          return expires.toInstant().plus(SKEW);
        }
      } catch (JWTDecodeException e) {
        // not a token the SDK would have accepted; fall through to the shortest window
      }
    }
    return now.plus(SKEW);
  }
}
