package org.rmbot.mentoring.teams;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.rmbot.mentoring.common.HttpUrls;

/**
 * Teams configuration from the environment.
 *
 * <ul>
 *   <li>{@code MICROSOFT_APP_ID} + {@code MICROSOFT_APP_PASSWORD}: the Azure Bot's app
 *       registration. Every inbound activity's token is validated; replies and nudges get a token
 *       from Microsoft Entra ID (client credentials).
 *   <li>{@code MICROSOFT_APP_TENANT_ID}: for a single-tenant app registration, the tenant that
 *       issues the bot's tokens (default {@code botframework.com}, multi-tenant).
 *   <li>{@code BOTFRAMEWORK_OPENID_METADATA_URL}: where the keys that sign inbound tokens are
 *       published (default Bot Framework's); tests point it at a local server.
 *   <li>{@code BOTFRAMEWORK_LOGIN_URL}: the full OAuth2 token endpoint (default
 *       {@code https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token}); tests point it at a
 *       local server.
 *   <li>{@code TEAMS_ENABLED=emulator} without credentials: the Bot Framework Emulator's
 *       unauthenticated mode, for trying the bot locally. Nothing is validated, so never expose
 *       it.
 * </ul>
 */
public record TeamsSettings(Optional<String> appId, Optional<String> appPassword, Optional<String> tenantId,
    Optional<String> openIdMetadataUrl, String loginUrl) {
  public static final String DEFAULT_TENANT = "botframework.com";
  public static final String LOGIN_URL_TEMPLATE = "https://login.microsoftonline.com/%s/oauth2/v2.0/token";
  private static final Pattern GUID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern DOMAIN = Pattern.compile("(?i)[a-z0-9-]+(\\.[a-z0-9-]+)+");

  /** Empty when Teams is not configured; a half configuration is an error naming what is missing. */
  public static Optional<TeamsSettings> from(Map<String, String> env) {
    Optional<String> id = value(env, "MICROSOFT_APP_ID");
    Optional<String> password = value(env, "MICROSOFT_APP_PASSWORD");
    Optional<String> tenant = value(env, "MICROSOFT_APP_TENANT_ID");
    Optional<String> metadata = value(env, "BOTFRAMEWORK_OPENID_METADATA_URL");
    Optional<String> login = value(env, "BOTFRAMEWORK_LOGIN_URL");
    Optional<String> enabled = value(env, "TEAMS_ENABLED").map(v -> v.toLowerCase(Locale.ROOT));
    if (enabled.isPresent() && !enabled.get().equals("emulator")) {
      throw new IllegalArgumentException("TEAMS_ENABLED can only be 'emulator' (Teams is otherwise enabled by"
          + " MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD), not '" + enabled.get() + "'");
    }
    if (id.isPresent() && password.isEmpty()) {
      throw new IllegalArgumentException("MICROSOFT_APP_ID is set but MICROSOFT_APP_PASSWORD is not: set the client secret of the app registration too");
    }
    if (password.isPresent() && id.isEmpty()) {
      throw new IllegalArgumentException("MICROSOFT_APP_PASSWORD is set but MICROSOFT_APP_ID is not: set the app registration's id too");
    }
    if (id.isEmpty()) {
      if (tenant.isPresent() || metadata.isPresent() || login.isPresent()) {
        throw new IllegalArgumentException("MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are not set, but "
            + (tenant.isPresent() ? "MICROSOFT_APP_TENANT_ID" : metadata.isPresent() ? "BOTFRAMEWORK_OPENID_METADATA_URL"
            : "BOTFRAMEWORK_LOGIN_URL") + " is: set the app id and password too");
      }
      if (enabled.isPresent()) {
        return Optional.of(new TeamsSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), ""));
      }
      return Optional.empty();
    }
    if (enabled.isPresent()) {
      throw new IllegalArgumentException("TEAMS_ENABLED=emulator turns authentication off and cannot be combined with MICROSOFT_APP_ID");
    }
    if (!GUID.matcher(id.get()).matches()) {
      throw new IllegalArgumentException("MICROSOFT_APP_ID must be the app registration's id, a GUID like"
          + " 00000000-0000-0000-0000-000000000000, not '" + id.get() + "'");
    }
    if (tenant.isPresent() && !GUID.matcher(tenant.get()).matches() && !DOMAIN.matcher(tenant.get()).matches()) {
      throw new IllegalArgumentException("MICROSOFT_APP_TENANT_ID must be a tenant id (a GUID) or domain"
          + " (contoso.onmicrosoft.com), not '" + tenant.get() + "'");
    }
    metadata.ifPresent(url -> HttpUrls.require("BOTFRAMEWORK_OPENID_METADATA_URL", url));
    login.ifPresent(url -> HttpUrls.require("BOTFRAMEWORK_LOGIN_URL", url));
    String loginUrl = login.orElse(String.format(LOGIN_URL_TEMPLATE, tenant.orElse(DEFAULT_TENANT)));
    return Optional.of(new TeamsSettings(id, password, tenant, metadata, loginUrl));
  }

  /** The Emulator's mode: no credentials, no validation. */
  public boolean unauthenticated() {
    return appId.isEmpty();
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  @Override
  public String toString() {
    return "TeamsSettings[" + (unauthenticated() ? "emulator, unauthenticated" : "app " + appId.get()
        + tenantId.map(t -> ", single tenant " + t).orElse("")) + "]";
  }
}
