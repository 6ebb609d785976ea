package org.rmbot.mentoring.replay;

import java.time.Instant;
import java.util.Collection;

/**
 * Signed requests seen recently, shared by every instance, so that a request replayed inside the
 * window its signature is valid for has no second effect wherever the replay arrives.
 */
public interface SeenRequests {
  /**
   * Records what identifies a request (a Slack signature, an event id, a Teams activity) until
   * {@code until}, when the request could no longer be accepted anyway.
   *
   * @return true the first time; false if any of {@code identifiers} was already seen and has not
   *     expired, so the request is a replay or a retry of one already taken
   */
  boolean firstTime(Collection<String> identifiers, Instant until);
}
