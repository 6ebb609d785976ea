package org.rmbot.mentoring.slack;

import java.util.Map;
import java.util.Optional;
import org.rmbot.mentoring.common.HttpUrls;

/**
 * Slack configuration from the environment. Socket Mode when {@code SLACK_APP_TOKEN} is set
 * (no public URL needed); otherwise the HTTP Events API, which needs the signing secret.
 */
public record SlackSettings(String botToken, Optional<String> signingSecret, Optional<String> appToken, String apiUrl) {
  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  /** Empty when Slack is not configured at all; a half configuration is an error naming what is missing. */
  public static Optional<SlackSettings> from(Map<String, String> env) {
    Optional<String> bot = value(env, "SLACK_BOT_TOKEN");
    Optional<String> secret = value(env, "SLACK_SIGNING_SECRET");
    Optional<String> app = value(env, "SLACK_APP_TOKEN");
    if (bot.isEmpty()) {
      if (secret.isPresent() || app.isPresent()) {
        throw new IllegalArgumentException("SLACK_BOT_TOKEN is not set, but "
            + (secret.isPresent() ? "SLACK_SIGNING_SECRET" : "SLACK_APP_TOKEN") + " is: set SLACK_BOT_TOKEN (xoxb-...) too");
      }
      return Optional.empty();
    }
    if (!bot.get().startsWith("xoxb-")) {
      throw new IllegalArgumentException("SLACK_BOT_TOKEN must be a bot token starting with xoxb-");
    }
    if (app.isPresent() && !app.get().startsWith("xapp-")) {
      throw new IllegalArgumentException("SLACK_APP_TOKEN must be an app-level token starting with xapp-");
    }
    if (secret.isEmpty() && app.isEmpty()) {
      throw new IllegalArgumentException(
          "SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is");
    }
    String api = HttpUrls.require("SLACK_API_URL", value(env, "SLACK_API_URL").orElse(DEFAULT_API_URL));
    return Optional.of(new SlackSettings(bot.get(), secret, app, api.endsWith("/") ? api : api + "/"));
  }

  public boolean socketMode() {
    return appToken.isPresent();
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  @Override
  public String toString() {
    return "SlackSettings[" + (socketMode() ? "socket mode" : "HTTP") + ", api=" + apiUrl + "]";
  }
}
