package org.rmbot.mentoring.teams;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsInfo;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.conversation.Directory;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People as Teams knows them. A Teams user is the core's {@code PlatformIdentity(TEAMS, tenant
 * id, AAD object id)}. Activities carry no email, so the member's profile is fetched from the
 * conversation ({@code GET /v3/conversations/{id}/members/{userId}}) and cached per process; a
 * failed lookup still yields a caller, known by id only. As the core's {@link Directory}, it
 * answers for people seen in this process (callers and people mentioned in a command) and, while
 * a turn is being handled, asks the turn's conversation.
 */
public final class TeamsProfiles implements Directory {
  private static final Logger log = LoggerFactory.getLogger(TeamsProfiles.class);
  private static final String EMULATOR_TENANT = "emulator";

  private final Map<String, Optional<String>> emails = new ConcurrentHashMap<>();
  private final ThreadLocal<TurnContext> turn = new ThreadLocal<>();

  /** The tenant of an activity; the Emulator has none. */
  static Optional<String> tenant(Activity activity) {
    if (activity.getConversation() != null && activity.getConversation().getTenantId() != null) {
      return Optional.of(activity.getConversation().getTenantId());
    }
    Object data = activity.getChannelData();
    if (data != null) {
      var tree = Json.MAPPER.valueToTree(data);
      String id = tree.path("tenant").path("id").asText("");
      if (!id.isEmpty()) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  /** The identity of the activity's sender: tenant and AAD object id (Emulator: its user id). */
  static Optional<PlatformIdentity> identity(Activity activity, boolean unauthenticated) {
    ChannelAccount from = activity.getFrom();
    if (from == null || from.getId() == null || from.getId().isBlank()) {
      return Optional.empty();
    }
    Optional<String> tenant = tenant(activity);
    if (tenant.isPresent() && from.getAadObjectId() != null && !from.getAadObjectId().isBlank()) {
      return Optional.of(new PlatformIdentity(Platform.TEAMS, tenant.get(), from.getAadObjectId()));
    }
    if (unauthenticated) {
      return Optional.of(new PlatformIdentity(Platform.TEAMS, tenant.orElse(EMULATOR_TENANT), from.getId()));
    }
    return Optional.empty();
  }

  Caller caller(TurnContext context, PlatformIdentity identity) {
    Activity activity = context.getActivity();
    String key = key(identity);
    Optional<String> email = emails.get(key);
    if (email == null || email.isEmpty()) {
      email = member(context, activity.getFrom().getId()).map(TeamsProfiles::emailOf).orElse(Optional.empty());
      if (email.isPresent()) {
        emails.put(key, email);
      }
    }
    return new Caller(identity, activity.getFrom().getName(), email, zone(activity));
  }

  /** Remembers a mentioned person's email, learnt from the conversation's member list. */
  Optional<TeamsChannelAccount> member(TurnContext context, String userId) {
    try {
      TeamsChannelAccount member = TeamsInfo.getMember(context, userId).get(15, TimeUnit.SECONDS);
      if (member != null && member.getAadObjectId() != null) {
        Optional<String> tenant = tenant(context.getActivity());
        Optional<String> email = emailOf(member);
        if (tenant.isPresent() && email.isPresent()) {
          emails.put(tenant.get() + "/" + member.getAadObjectId(), email);
        }
      }
      return Optional.ofNullable(member);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      log.warn("member lookup failed: {}", ConnectorFailures.unwrap(e).getClass().getSimpleName());
      return Optional.empty();
    }
  }

  @Override
  public Optional<String> emailOf(PlatformIdentity identity) {
    if (identity.platform() != Platform.TEAMS) {
      return Optional.empty();
    }
    Optional<String> known = emails.get(key(identity));
    if (known != null && known.isPresent()) {
      return known;
    }
    TurnContext current = turn.get();
    if (current == null) {
      return Optional.empty();
    }
    // Teams accepts the AAD object id as the member id
    return member(current, identity.userId()).flatMap(TeamsProfiles::emailOf);
  }

  /** Runs work with the turn available for directory lookups. */
  <T> T during(TurnContext context, java.util.function.Supplier<T> work) {
    turn.set(context);
    try {
      return work.get();
    } finally {
      turn.remove();
    }
  }

  private static Optional<String> emailOf(TeamsChannelAccount member) {
    String email = member.getEmail() != null && member.getEmail().contains("@") ? member.getEmail()
        : member.getUserPrincipalName() != null && member.getUserPrincipalName().contains("@") ? member.getUserPrincipalName() : null;
    return Optional.ofNullable(email);
  }

  static Optional<ZoneId> zone(Activity activity) {
    String tz = activity.getLocalTimezone();
    if ((tz == null || tz.isBlank()) && activity.getEntities() != null) {
      for (Entity entity : activity.getEntities()) {
        if ("clientInfo".equals(entity.getType()) && entity.getProperties() != null && entity.getProperties().get("timezone") != null) {
          tz = entity.getProperties().get("timezone").asText();
        }
      }
    }
    try {
      return tz == null || tz.isBlank() ? Optional.empty() : Optional.of(ZoneId.of(tz));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static String key(PlatformIdentity identity) {
    return identity.workspaceId() + "/" + identity.userId();
  }
}
