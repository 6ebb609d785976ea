package org.rmbot.mentoring.teams;

import com.microsoft.bot.connector.authentication.Authenticator;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import java.net.http.HttpClient;
import java.time.Clock;

/** The SDK's app credentials with the token endpoint taken from {@link TeamsSettings}. */
final class BotCredentials extends MicrosoftAppCredentials {
  private final String tokenUrl;
  private final HttpClient http;
  private final Clock clock;

  BotCredentials(String appId, String password, String tenant, String scope, String tokenUrl, HttpClient http, Clock clock) {
    super(appId, password, tenant, scope);
    this.tokenUrl = tokenUrl;
    this.http = http;
    this.clock = clock;
  }

  @Override
  public String oAuthEndpoint() {
    return tokenUrl;
  }

  @Override
  protected Authenticator buildAuthenticator() {
    return new ClientCredentialsAuthenticator(http, tokenUrl, getAppId(), getAppPassword(), oAuthScope(), clock);
  }
}
