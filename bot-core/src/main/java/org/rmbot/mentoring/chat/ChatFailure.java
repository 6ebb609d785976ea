package org.rmbot.mentoring.chat;

import java.time.Duration;

/**
 * Why a platform call failed, sorted by what the caller should do. The {@link #code()} is a
 * short machine code (the platform's own error code where it has one, e.g. {@code
 * user_not_found}, or {@code http_503}, {@code timeout}); it is what the bot stores and shows,
 * never the platform's free-text message.
 */
public abstract sealed class ChatFailure extends Exception
    permits ChatFailure.RateLimited, ChatFailure.Transient, ChatFailure.Permanent {

  private final String code;

  private ChatFailure(String code, Throwable cause) {
    super(code, cause, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The platform asked us to slow down: wait {@code retryAfter}, then the same call may work. */
  public static final class RateLimited extends ChatFailure {
    private final Duration retryAfter;

    public RateLimited(Duration retryAfter) {
      super("rate_limited", null);
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }

  /** Timeouts, 5xx answers, dropped connections: the same call may well work later. */
  public static final class Transient extends ChatFailure {
    public Transient(String code, Throwable cause) {
      super(code, cause);
    }

    public Transient(String code) {
      this(code, null);
    }
  }

  /**
   * Will not work however often it is tried: the user is gone, the bot was removed, the
   * channel is archived, the message itself is invalid.
   */
  public static final class Permanent extends ChatFailure {
    public Permanent(String code) {
      super(code, null);
    }
  }
}
