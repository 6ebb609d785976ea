package org.rmbot.mentoring.conversation;

import java.time.ZoneId;
import java.util.Optional;
import org.rmbot.mentoring.common.StorableText;
import org.rmbot.mentoring.participant.PlatformIdentity;

/**
 * Whoever sent a command, clicked a button or submitted a form, as the adapter knows them. The
 * identity is what the platform vouched for (a signed Slack request, a validated Teams token);
 * name, email and zone come from the platform's profile and may be missing.
 */
public record Caller(PlatformIdentity identity, String displayName, Optional<String> email, Optional<ZoneId> timeZone) {
  public Caller {
    displayName = StorableText.of(displayName);
    email = email.map(StorableText::of);
    displayName = displayName == null || displayName.isBlank() ? identity.userId() : displayName;
  }

  public static Caller of(PlatformIdentity identity) {
    return new Caller(identity, null, Optional.empty(), Optional.empty());
  }
}
