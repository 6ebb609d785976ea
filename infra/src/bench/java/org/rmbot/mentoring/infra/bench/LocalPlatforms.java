package org.rmbot.mentoring.infra.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rmbot.mentoring.infra.demo.BotFrameworkKeys;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One local WireMock playing both platforms for the benches, for a known list of people: Slack's
 * Web API ({@code auth.test}, {@code users.info}) and response URLs, and the Bot Framework (OpenID
 * metadata and a signing key endorsed for {@code msteams}, the token endpoint, the connector with
 * its member lookups). Requests to the bot are signed as the platforms sign them: Slack with the
 * signing secret, Teams with a JWT from the local key. No request journal: a long run would keep
 * every request in memory.
 */
final class LocalPlatforms implements AutoCloseable {
  static final String SLACK_TEAM = "TBENCH";
  static final String SIGNING_SECRET = "bench-signing-secret-0123456789abcdef";
  static final String TENANT = "bench-tenant-0000-0000-000000000000";
  static final String APP_ID = "b0e1c2d3-0000-4000-8000-000000000000";
  private static final String ISSUER = "https://api.botframework.com";
  /** The Bot Framework reuses a token for about an hour; so do we, but renew well before it ends. */
  private static final Duration TOKEN_REUSE = Duration.ofMinutes(20);
  /** Hot paths match first; WireMock tries stubs in priority order. */
  private static final int HOT = 1;
  private static final int PER_PERSON = 5;

  /** Someone known to both platforms by the same email. */
  record Person(int number, String email, String name) {
    String slackId() {
      return String.format("U%06d", number);
    }

    String aad() {
      return String.format("aad-%06d", number);
    }

    String teamsId() {
      return String.format("29:user-%06d", number);
    }

    String conversationId() {
      return String.format("a:personal-%06d", number);
    }
  }

  private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
      .disableRequestJournal().containerThreads(64));
  private final BotFrameworkKeys keys = new BotFrameworkKeys("bench-key-", "msteams");
  // a fresh path per run: the Teams SDK caches signing keys per metadata URL for the whole JVM
  private final String botFramework = "/botframework-" + UUID.randomUUID();
  private final Mac slackMac;
  private String token;
  private Instant tokenSignedAt = Instant.EPOCH;

  LocalPlatforms(List<Person> people) {
    try {
      slackMac = Mac.getInstance("HmacSHA256");
      slackMac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    server.start();
    server.stubFor(post("/api/auth.test").atPriority(HOT).willReturn(okJson(
        "{\"ok\":true,\"team_id\":\"" + SLACK_TEAM + "\",\"user\":\"bench\",\"user_id\":\"UBOT\",\"team\":\"Bench\"}")));
    server.stubFor(post(urlPathMatching("/slack-response/.*")).atPriority(HOT).willReturn(okJson("{\"ok\":true}")));
    server.stubFor(post("/api/chat.postMessage").atPriority(HOT).willReturn(okJson("{\"ok\":true,\"ts\":\"1.0\"}")));
    server.stubFor(post(botFramework + "/token").atPriority(HOT).willReturn(okJson(
        "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"bench-bot-token\"}")));
    server.stubFor(post(urlPathMatching("/teams/v3/conversations/[^/]+/activities(/[^/]+)?")).atPriority(HOT)
        .willReturn(okJson("{\"id\":\"1767765488332\"}")));
    server.stubFor(put(urlPathMatching("/teams/v3/conversations/[^/]+/activities/[^/]+")).atPriority(HOT)
        .willReturn(okJson("{\"id\":\"1767765488332\"}")));
    for (Person p : people) {
      server.stubFor(post(urlPathEqualTo("/api/users.info")).withRequestBody(containing("user=" + p.slackId()))
          .atPriority(PER_PERSON).willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"" + p.slackId() + "\",\"real_name\":\""
              + p.name() + "\",\"tz\":\"Europe/London\",\"profile\":{\"email\":\"" + p.email() + "\",\"display_name\":\""
              + p.name() + "\"}}}")));
      server.stubFor(get(urlPathMatching("/teams/v3/conversations/[^/]+/members/(" + p.teamsId() + "|" + p.aad() + ")"))
          .atPriority(PER_PERSON).willReturn(okJson("{\"id\":\"" + p.teamsId() + "\",\"name\":\"" + p.name()
              + "\",\"aadObjectId\":\"" + p.aad() + "\",\"email\":\"" + p.email() + "\",\"userPrincipalName\":\""
              + p.email() + "\",\"tenantId\":\"" + TENANT + "\"}")));
    }
  }

  /** The bot's environment for both platforms (Slack in HTTP mode), without database or port. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", "xoxb-bench");
    env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
    env.put("SLACK_API_URL", server.baseUrl() + "/api/");
    env.put("MICROSOFT_APP_ID", APP_ID);
    env.put("MICROSOFT_APP_PASSWORD", "bench-password");
    env.put("BOTFRAMEWORK_OPENID_METADATA_URL", keys.serveOn(server));
    env.put("BOTFRAMEWORK_LOGIN_URL", server.baseUrl() + botFramework + "/token");
    return env;
  }

  String slackResponseUrl(String id) {
    return server.baseUrl() + "/slack-response/" + id;
  }

  String teamsServiceUrl() {
    return server.baseUrl() + "/teams/";
  }

  /** Slack's v0 request signature; one caller thread at a time (the load generator's). */
  synchronized String slackSignature(long timestamp, String body) {
    byte[] mac = slackMac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
    return "v0=" + HexFormat.of().formatHex(mac);
  }

  /** A Bot Framework bearer token for this bot and service URL, renewed now and then as the real one is. */
  synchronized String teamsToken() {
    Instant now = Instant.now();
    if (token == null || now.isAfter(tokenSignedAt.plus(TOKEN_REUSE))) {
      token = jwt(now);
      tokenSignedAt = now;
    }
    return token;
  }

  private String jwt(Instant now) {
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keys.id() + "\"}";
    String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + APP_ID + "\",\"serviceurl\":\"" + teamsServiceUrl()
        + "\",\"nbf\":" + (now.getEpochSecond() - 60) + ",\"iat\":" + (now.getEpochSecond() - 60) + ",\"exp\":"
        + now.plus(Duration.ofHours(1)).getEpochSecond() + "}";
    String signed = base64(header.getBytes(StandardCharsets.UTF_8)) + "." + base64(claims.getBytes(StandardCharsets.UTF_8));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(keys.pair().getPrivate());
      rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + base64(rsa.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public void close() {
    server.stop();
  }
}
