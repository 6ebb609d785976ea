package org.rmbot.mentoring.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ITenantProfile;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.Authenticator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.CompletableFuture;

/**
 * The bot's own access token for the Bot Connector: the OAuth2 client-credentials grant against
 * the configured token endpoint, cached until five minutes before it expires.
 *
 * <p>Why not the SDK's MSAL-based authenticator: MSAL only accepts {@code https} authorities and
 * first asks {@code login.microsoftonline.com} for instance discovery, so it cannot be pointed
 * at a local server, and an untestable path is what breaks in production. This plugs into the
 * SDK's own extension point ({@code AppCredentials.buildAuthenticator}) and sends the same
 * request MSAL sends.
 */
final class ClientCredentialsAuthenticator implements Authenticator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration EARLY = Duration.ofMinutes(5);

  private final HttpClient http;
  private final String tokenUrl;
  private final String appId;
  private final String password;
  private final String scope;
  private final Clock clock;
  private Token cached;

  ClientCredentialsAuthenticator(HttpClient http, String tokenUrl, String appId, String password, String scope, Clock clock) {
    this.http = http;
    this.tokenUrl = tokenUrl;
    this.appId = appId;
    this.password = password;
    this.scope = scope;
    this.clock = clock;
  }

  @Override
  public synchronized CompletableFuture<IAuthenticationResult> acquireToken() {
    if (cached != null && clock.instant().isBefore(cached.expiresAt.minus(EARLY))) {
      return CompletableFuture.completedFuture(cached);
    }
    try {
      cached = fetch();
      return CompletableFuture.completedFuture(cached);
    } catch (AuthenticationException e) {
      return CompletableFuture.failedFuture(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(new AuthenticationException(e));
    } catch (Exception e) {
      return CompletableFuture.failedFuture(new AuthenticationException(e));
    }
  }

  private Token fetch() throws Exception {
    String form = "grant_type=client_credentials&client_id=" + enc(appId) + "&client_secret=" + enc(password)
        + "&scope=" + enc(scope);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      // the body may echo the request; only the status and the OAuth error code are kept
      String error = "";
      try {
        error = JSON.readTree(response.body()).path("error").asText("");
      } catch (Exception ignored) {
        // not JSON: the status says enough
      }
      String answer = "HTTP " + response.statusCode() + (error.isEmpty() ? "" : " (" + error + ")");
      throw response.statusCode() >= 400 && response.statusCode() < 500 ? new Refused(answer)
          : new AuthenticationException("token endpoint answered " + answer);
    }
    JsonNode body = JSON.readTree(response.body());
    String token = body.path("access_token").asText("");
    if (token.isEmpty()) {
      throw new AuthenticationException("token endpoint answered without an access_token");
    }
    long seconds = body.path("expires_in").asLong(3600);
    return new Token(token, clock.instant().plusSeconds(seconds));
  }

  /** The token endpoint said no to these credentials (a 4xx answer such as invalid_client). */
  static final class Refused extends AuthenticationException {
    Refused(String answer) {
      super("token endpoint answered " + answer);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private record Token(String accessToken, Instant expiresAt) implements IAuthenticationResult {
    @Override
    public String accessToken() {
      return accessToken;
    }

    @Override
    public String idToken() {
      return null;
    }

    @Override
    public IAccount account() {
      return null;
    }

    @Override
    public ITenantProfile tenantProfile() {
      return null;
    }

    @Override
    public String environment() {
      return null;
    }

    @Override
    public String scopes() {
      return null;
    }

    @Override
    public Date expiresOnDate() {
      return Date.from(expiresAt);
    }
  }
}
