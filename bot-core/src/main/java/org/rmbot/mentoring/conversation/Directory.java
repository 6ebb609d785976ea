package org.rmbot.mentoring.conversation;

import java.util.Optional;
import org.rmbot.mentoring.participant.PlatformIdentity;

/**
 * The platform's user directory, for people mentioned by a coordinator who have never talked
 * to the bot: their profile email connects them to the person imported by email.
 */
public interface Directory {
  Optional<String> emailOf(PlatformIdentity identity);

  /** For deployments without a directory lookup. */
  Directory NONE = identity -> Optional.empty();
}
