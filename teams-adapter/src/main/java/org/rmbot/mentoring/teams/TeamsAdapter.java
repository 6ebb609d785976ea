package org.rmbot.mentoring.teams;

import com.microsoft.bot.builder.BotCallbackHandler;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.PagedMembersResult;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import org.rmbot.mentoring.chat.ChatFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's adapter, configured for this bot: inbound tokens validated by the SDK
 * ({@code JwtTokenValidation}: issuer, audience = app id, lifetime, signing key from the OpenID
 * metadata and its endorsements, {@code serviceurl} claim), outbound calls made by the SDK's
 * {@link ConnectorClient} with two changes:
 * <ul>
 *   <li>the token comes from the configured endpoint ({@link BotCredentials});
 *   <li>the connector client does not retry by itself (the SDK's default retries 5xx three times
 *       with up to 10 s waits): the nudge delivery owns retries, backoff and rate limits.
 * </ul>
 *
 * <p>The OpenID metadata location is a static setting of the SDK ({@link ChannelValidation}), so
 * one process serves one Bot Framework cloud.
 */
public final class TeamsAdapter extends BotFrameworkHttpAdapter {
  private static final Logger log = LoggerFactory.getLogger(TeamsAdapter.class);
  private static final RetryStrategy NO_RETRY = new RetryStrategy("none", false) {
    @Override
    public boolean shouldRetry(int retryCount, Response response) {
      return false;
    }
  };

  private final TeamsSettings settings;
  private final HttpClient http;
  private final Clock clock;
  private final Duration timeout;
  private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();
  private final Map<String, AppCredentials> credentials = new ConcurrentHashMap<>();

  public TeamsAdapter(TeamsSettings settings, Clock clock, Duration timeout) {
    super(new SimpleCredentialProvider(settings.appId().orElse(null), settings.appPassword().orElse(null)),
        new SimpleChannelProvider());
    this.settings = settings;
    this.clock = clock;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    settings.openIdMetadataUrl().ifPresent(ChannelValidation::setOpenIdMetaDataUrl);
    setOnTurnError((turn, error) -> {
      // the bot answers its own failures; this is for the SDK's (a reply the connector refused)
      Throwable cause = ConnectorFailures.unwrap(error);
      log.error("turn failed: {} at {}", cause.getClass().getName(), cause.getStackTrace().length > 0 ? cause.getStackTrace()[0] : "?");
      return CompletableFuture.completedFuture(null);
    });
  }

  /** The bot's Microsoft App Id; empty in the Emulator's unauthenticated mode. */
  public String appId() {
    return settings.appId().orElse("");
  }

  public boolean unauthenticated() {
    return settings.unauthenticated();
  }

  @Override
  protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
    return CompletableFuture.completedFuture(credentials(scope));
  }

  /** The token endpoint answered and refused the app's credentials; the message is its answer ({@code HTTP 401 (invalid_client)}). */
  public static final class TokenRefused extends Exception {
    TokenRefused(String answer) {
      super(answer);
    }
  }

  /**
   * Gets the bot's own token for the Bot Connector now, as every send will: a check of the
   * credentials at start.
   *
   * @throws TokenRefused if the token endpoint refused the app id and password
   * @throws java.io.IOException if it could not be reached or did not answer properly
   */
  public void fetchOwnToken() throws TokenRefused, java.io.IOException {
    try {
      connectorCredentials().getToken().get(timeout.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted");
    } catch (java.util.concurrent.TimeoutException e) {
      throw new java.net.http.HttpTimeoutException("no token within " + timeout.toSeconds() + " s");
    } catch (java.util.concurrent.ExecutionException e) {
      for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof ClientCredentialsAuthenticator.Refused refused) {
          throw new TokenRefused(refused.getMessage().replaceFirst("^token endpoint answered ", ""));
        }
        if (t instanceof java.io.IOException io) {
          throw io;
        }
      }
      throw new java.io.IOException(e.getCause() == null ? "no token" : e.getCause().getMessage(), e.getCause());
    }
  }

  /** The app's credentials for the Bot Connector scope (used when creating conversations). */
  MicrosoftAppCredentials connectorCredentials() {
    return (MicrosoftAppCredentials) credentials(AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE);
  }

  private AppCredentials credentials(String scope) {
    if (settings.unauthenticated()) {
      return MicrosoftAppCredentials.empty();
    }
    return credentials.computeIfAbsent(scope, s -> new BotCredentials(settings.appId().get(), settings.appPassword().get(),
        settings.tenantId().orElse(TeamsSettings.DEFAULT_TENANT), s, settings.loginUrl(), http, clock));
  }

  @Override
  protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl, AppCredentials usingCredentials) {
    AppCredentials creds = usingCredentials != null ? usingCredentials : MicrosoftAppCredentials.empty();
    String key = serviceUrl + "|" + creds.getAppId() + "|" + creds.oAuthScope();
    try {
      return CompletableFuture.completedFuture(clients.computeIfAbsent(key, k -> new RestConnectorClient(
          RestConnectorClient.getDefaultRestClientBuilder(serviceUrl, creds)
              .withRetryStrategy(NO_RETRY)
              .withConnectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
              .withReadTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
              .build())));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("invalid service URL", e));
    }
  }

  /**
   * One page of a conversation's members ({@code GET v3/conversations/{id}/pagedmembers}). Made
   * here rather than by the SDK's connector client, whose call with a continuation token fails in
   * 4.14.1 before sending anything (Retrofit rejects its URL template); same token, same errors.
   */
  PagedMembersResult pagedMembers(String serviceUrl, String conversationId, String continuation) throws ChatFailure {
    String url = (serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/") + "v3/conversations/"
        + URLEncoder.encode(conversationId, StandardCharsets.UTF_8).replace("+", "%20") + "/pagedmembers?pageSize=500"
        + (continuation == null ? "" : "&continuationToken=" + URLEncoder.encode(continuation, StandardCharsets.UTF_8));
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "application/json");
      if (!settings.unauthenticated()) {
        request.header("Authorization", "Bearer " + connectorCredentials().getToken().get(timeout.toSeconds(), TimeUnit.SECONDS));
      }
      HttpResponse<String> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw ConnectorFailures.fromStatus(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null));
      }
      return Json.MAPPER.readValue(response.body(), PagedMembersResult.class);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatFailure.Transient("interrupted", e);
    } catch (java.util.concurrent.TimeoutException | java.net.http.HttpTimeoutException e) {
      throw new ChatFailure.Transient("timeout", e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ChatFailure.Transient("bad_response", e);
    } catch (ChatFailure e) {
      throw e;
    } catch (Exception e) {
      throw ConnectorFailures.from(e);
    }
  }

  /** Creates a 1:1 conversation with a user the bot knows (proactive install or a channel sighting). */
  CompletableFuture<Void> createPersonalConversation(String serviceUrl, ConversationParameters parameters,
      BotCallbackHandler callback) {
    return createConversation("msteams", serviceUrl, connectorCredentials(), parameters, callback);
  }
}
