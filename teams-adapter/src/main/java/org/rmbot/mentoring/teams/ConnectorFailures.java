package org.rmbot.mentoring.teams;

import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.restclient.RestException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.rmbot.mentoring.chat.ChatFailure;

/**
 * Sorts what the Bot Connector answered into what delivery should do (Teams docs, "Optimize your
 * bot: rate limiting"): 429 waits for Retry-After; 412, 5xx and timeouts may work later; 403
 * (bot blocked or removed) and 404 (conversation or user gone) never will, nor will 400 (the
 * message itself is refused). The code kept is the connector's error code or the HTTP status,
 * never its free text.
 */
final class ConnectorFailures {
  private ConnectorFailures() {}

  static ChatFailure from(Throwable thrown) {
    Throwable t = unwrap(thrown);
    if (t instanceof ChatFailure failure) {
      return failure;
    }
    if (t instanceof RestException rest && rest.response() != null) {
      int status = rest.response().code();
      if (status == 429 || status >= 500 || status == 412 || status == 408) {
        return fromStatus(status, rest.response().headers().get("Retry-After"));
      }
      String code = t instanceof ErrorResponseException e && e.body() != null && e.body().getError() != null
          && e.body().getError().getCode() != null ? e.body().getError().getCode() : "http_" + status;
      return new ChatFailure.Permanent(status == 400 ? code : "http_" + status + (code.startsWith("http_") ? "" : "_" + code));
    }
    if (t instanceof InterruptedIOException) {
      return new ChatFailure.Transient("timeout", t);
    }
    if (t instanceof IOException io) {
      // the credentials interceptor wraps a failed token request in an IOException
      return io.getCause() != null && unwrap(io.getCause()) instanceof AuthenticationException
          ? new ChatFailure.Transient("token_unavailable", t) : new ChatFailure.Transient("io_error", t);
    }
    if (t instanceof AuthenticationException) {
      return new ChatFailure.Transient("token_unavailable", t);
    }
    return new ChatFailure.Transient("connector_error", t);
  }

  /** A connector answer by its status alone (calls made without the SDK's client). */
  static ChatFailure fromStatus(int status, String retryAfter) {
    if (status == 429) {
      return new ChatFailure.RateLimited(retryAfter(retryAfter));
    }
    if (status >= 500 || status == 412 || status == 408) {
      return new ChatFailure.Transient("http_" + status);
    }
    return new ChatFailure.Permanent("http_" + status);
  }

  static Throwable unwrap(Throwable t) {
    Throwable current = t;
    while ((current instanceof CompletionException || current instanceof ExecutionException
        || (current instanceof RuntimeException && current.getClass() == RuntimeException.class))
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  static Duration retryAfter(String header) {
    try {
      long seconds = header == null ? 1 : Long.parseLong(header.trim());
      return Duration.ofSeconds(Math.max(1, Math.min(seconds, 3600)));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(1);
    }
  }
}
