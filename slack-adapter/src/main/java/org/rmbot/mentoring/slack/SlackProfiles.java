package org.rmbot.mentoring.slack;

import com.slack.api.methods.MethodsClient;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.conversation.Directory;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a Slack user id into a {@link Caller} with name, email and time zone from
 * {@code users.info} (scopes users:read and users:read.email). Profiles are cached per process;
 * a failed lookup still yields a caller, known by id only.
 */
public final class SlackProfiles implements Directory {
  private static final Logger log = LoggerFactory.getLogger(SlackProfiles.class);
  private final MethodsClient methods;
  private final Map<String, Caller> cache = new ConcurrentHashMap<>();

  public SlackProfiles(MethodsClient methods) {
    this.methods = methods;
  }

  public Caller caller(String installation, String userId) {
    // a failed lookup is not cached (computeIfAbsent keeps no null), so the next request retries it
    Caller known = cache.computeIfAbsent(installation + "/" + userId, key -> lookUp(installation, userId));
    return known != null ? known : Caller.of(new PlatformIdentity(Platform.SLACK, installation, userId));
  }

  /** A mentioned person's profile email, for connecting them to the person imported by email. */
  @Override
  public Optional<String> emailOf(PlatformIdentity identity) {
    return caller(identity.workspaceId(), identity.userId()).email();
  }

  /** The caller's profile, or null when {@code users.info} could not be reached. */
  private Caller lookUp(String teamId, String userId) {
    PlatformIdentity identity = new PlatformIdentity(Platform.SLACK, teamId, userId);
    try {
      var response = methods.usersInfo(r -> r.user(userId));
      if (!response.isOk() || response.getUser() == null) {
        log.warn("users.info failed for a caller: {}", response.getError());
        return Caller.of(identity);
      }
      var user = response.getUser();
      var profile = user.getProfile();
      String name = profile != null && profile.getDisplayName() != null && !profile.getDisplayName().isBlank()
          ? profile.getDisplayName() : user.getRealName();
      Optional<String> email = profile == null ? Optional.empty() : Optional.ofNullable(profile.getEmail()).filter(e -> e.contains("@"));
      return new Caller(identity, name, email, zone(user.getTz()));
    } catch (Exception e) {
      // not cache.remove here: inside computeIfAbsent that is a "Recursive update" and failed the request
      log.warn("users.info failed for a caller: {}", e.getClass().getSimpleName());
      return null;
    }
  }

  private static Optional<ZoneId> zone(String tz) {
    try {
      return tz == null ? Optional.empty() : Optional.of(ZoneId.of(tz));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
