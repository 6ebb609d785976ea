package org.rmbot.mentoring.infra;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.net.SocketTimeoutException;

/**
 * A service the bot needs at start did not answer: one line naming it, its address and why
 * ({@code cannot reach Slack at https://slack.com/api/ (unknown host slack.com)}), exit code 1.
 */
final class Unreachable extends IllegalStateException {
  Unreachable(String what, String url, Throwable cause) {
    super("cannot reach " + what + " at " + url + " (" + reason(cause) + ")", cause);
  }

  static String reason(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UnknownHostException) {
        return "unknown host" + (t.getMessage() == null ? "" : " " + t.getMessage().split(":")[0].strip());
      }
      if (t instanceof ConnectException) {
        return "connection refused";
      }
      if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
        return "no answer in time";
      }
    }
    String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
