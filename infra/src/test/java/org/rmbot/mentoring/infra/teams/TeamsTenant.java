package org.rmbot.mentoring.infra.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.rmbot.mentoring.infra.demo.BotFrameworkKeys;
import org.rmbot.mentoring.testing.SharedReference;

/**
 * A fake Microsoft Teams tenant for tests. WireMock plays the Bot Framework: its OpenID metadata
 * and signing keys (a test RSA key, endorsed for {@code msteams}), the token endpoint, and the
 * Bot Connector at the activities' service URL. Activities to the bot are built from the
 * captured payloads in shared/reference/botframework/teams-activities and carry tokens signed
 * with the test key, exactly as the Bot Framework signs them.
 */
public final class TeamsTenant implements AutoCloseable {
  public static final String TENANT = "56653e9d-2158-46ee-90d7-675c39642038";
  public static final String APP_ID = "aabdbd62-bc97-4afb-83ee-575594577de5";
  public static final String ISSUER = BotFrameworkKeys.ISSUER;
  static final ObjectMapper JSON = new ObjectMapper();

  public final WireMockServer api = new WireMockServer(wireMockConfig().dynamicPort());
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger ids = new AtomicInteger();
  private final BotFrameworkKeys keys = new BotFrameworkKeys("test-key-", "msteams", "webchat");
  final KeyPair key = keys.pair();
  final String keyId = keys.id();
  private final String metadataUrl;
  private String botUrl;
  private org.rmbot.mentoring.infra.Application app;

  public TeamsTenant() {
    api.start();
    metadataUrl = keys.serveOn(api);
    api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/botframework.com/oauth2/v2.0/token").willReturn(okJson(
        "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"bot-token\"}")));
    // the connector: replies, proactive sends and card updates all succeed
    api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathMatching("/teams/v3/conversations/[^/]+/activities(/[^/]+)?"))
        .willReturn(okJson("{\"id\":\"1767765488332\"}")));
    api.stubFor(put(urlPathMatching("/teams/v3/conversations/[^/]+/activities/[^/]+"))
        .willReturn(okJson("{\"id\":\"1767765488332\"}")));
  }

  /** The environment of a bot that trusts this tenant's keys and gets its tokens here. */
  public Map<String, String> env() {
    return Map.of("MICROSOFT_APP_ID", APP_ID, "MICROSOFT_APP_PASSWORD", "test-password",
        "BOTFRAMEWORK_OPENID_METADATA_URL", metadataUrl,
        "BOTFRAMEWORK_LOGIN_URL", api.baseUrl() + "/botframework.com/oauth2/v2.0/token");
  }

  public String serviceUrl() {
    return api.baseUrl() + "/teams/";
  }

  public void botAt(String url) {
    this.botUrl = url;
  }

  /** Starts the whole application on a free local port with this environment; {@link #close} stops it. */
  public org.rmbot.mentoring.infra.Application startBot(Map<String, String> env, java.time.Clock clock,
      java.io.PrintWriter out) throws Exception {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.putAll(Map.of("PORT", "0", "HOST", "127.0.0.1"));
    app = org.rmbot.mentoring.infra.Application.start(all, clock, out);
    botAt("http://127.0.0.1:" + app.port());
    return app;
  }

  /** Sends a command and returns what the bot sent the connector during that turn. */
  public String say(Person who, String text) throws Exception {
    int before = connectorCalls().size();
    HttpResponse<String> response = send(message(who, text));
    org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(text + ": " + response.body()).isBetween(200, 202);
    List<String> calls = connectorCalls();
    return String.join("\n", calls.subList(before, calls.size()));
  }

  /** A person: the connector's member lookup answers with their email. */
  public Person person(String name, String email) {
    String slug = name.toLowerCase().replaceAll("[^a-z]", "");
    Person person = new Person(name, email, "aad-" + slug, "29:" + slug, "a:personal-" + slug);
    api.stubFor(get(urlPathMatching("/teams/v3/conversations/[^/]+/members/(" + person.userId() + "|" + person.aad() + ")"))
        .willReturn(okJson("{\"id\":\"" + person.userId() + "\",\"name\":\"" + name + "\",\"aadObjectId\":\"" + person.aad()
            + "\",\"email\":\"" + email + "\",\"userPrincipalName\":\"" + email + "\",\"tenantId\":\"" + TENANT + "\"}")));
    return person;
  }

  public record Person(String name, String email, String aad, String userId, String conversationId) {}

  /** A message in the person's 1:1 chat with the bot, from the captured channel message's shape. */
  public ObjectNode message(Person from, String text) {
    ObjectNode activity = capture("message.channel-thread-mention.json");
    addressed(activity, from);
    activity.put("text", text);
    activity.remove("entities");
    activity.remove("attachments");
    return activity;
  }

  /** An Action.Execute click or form submit, from the captured invoke's shape. */
  public ObjectNode invoke(Person from, String verb, ObjectNode data) {
    ObjectNode activity = capture("invoke.adaptiveCard-action.Action.Execute.personal.json");
    addressed(activity, from);
    ObjectNode action = (ObjectNode) activity.with("value").with("action");
    action.put("verb", verb);
    action.set("data", data);
    return activity;
  }

  /** The person pressed Allow or Decline on a file-consent card ({@code fileConsent/invoke}). */
  public ObjectNode fileConsent(Person from, String action, String fileId, ObjectNode uploadInfo) {
    ObjectNode activity = capture("invoke.adaptiveCard-action.Action.Execute.personal.json");
    addressed(activity, from);
    activity.put("name", "fileConsent/invoke");
    activity.put("replyToId", "1767765488332");
    ObjectNode value = activity.putObject("value").put("type", "fileUpload").put("action", action);
    value.putObject("context").put("rmFile", fileId);
    if (uploadInfo != null) {
      value.set("uploadInfo", uploadInfo);
    }
    return activity;
  }

  /** A page of a team's member list as the connector returns it: Teams members carry email, UPN and AAD id. */
  public String rosterPage(Person... members) {
    com.fasterxml.jackson.databind.node.ArrayNode list = JSON.createArrayNode();
    list.addObject().put("id", "28:" + APP_ID).put("name", "Mentoring");
    for (Person p : members) {
      list.addObject().put("id", p.userId()).put("name", p.name()).put("aadObjectId", p.aad()).put("email", p.email())
          .put("userPrincipalName", p.email()).put("tenantId", TENANT).put("userRole", "user");
    }
    ObjectNode page = JSON.createObjectNode();
    page.set("members", list);
    return page.toString();
  }

  public ObjectNode button(String actionId, String value) {
    return JSON.createObjectNode().put("rmAction", actionId).put("rmValue", value);
  }

  public ObjectNode capture(String name) {
    try {
      return (ObjectNode) JSON.readTree(SharedReference.read("botframework", "teams-activities", name));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void addressed(ObjectNode activity, Person from) {
    activity.put("id", "act-" + ids.incrementAndGet());
    activity.put("serviceUrl", serviceUrl());
    activity.putObject("from").put("id", from.userId()).put("name", from.name()).put("aadObjectId", from.aad());
    activity.putObject("recipient").put("id", "28:" + APP_ID).put("name", "Mentoring");
    activity.putObject("conversation").put("id", from.conversationId()).put("conversationType", "personal")
        .put("tenantId", TENANT);
    activity.putObject("channelData").putObject("tenant").put("id", TENANT);
    activity.put("localTimezone", "Europe/London");
  }

  /** A valid Bot Framework token for this bot and this service URL. */
  /** The key this tenant signs its tokens with. */
  public KeyPair keyPair() {
    return keys.pair();
  }

  public String token() {
    return token(ISSUER, APP_ID, serviceUrl(), Instant.now().plusSeconds(3600), key);
  }

  public String token(String issuer, String audience, String serviceUrl, Instant expires, KeyPair signer) {
    return JWT.create().withKeyId(keyId).withIssuer(issuer).withAudience(audience).withClaim("serviceurl", serviceUrl)
        .withIssuedAt(Date.from(expires.minusSeconds(3600))).withNotBefore(Date.from(expires.minusSeconds(3600)))
        .withExpiresAt(Date.from(expires))
        .sign(Algorithm.RSA256((RSAPublicKey) signer.getPublic(), (RSAPrivateKey) signer.getPrivate()));
  }

  public HttpResponse<String> send(JsonNode activity) throws Exception {
    return post(activity.toString(), "Bearer " + token());
  }

  public HttpResponse<String> post(String body, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(botUrl + "/api/messages"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Bodies the bot sent to the connector (replies, proactive messages, updates), oldest first. */
  public List<String> connectorCalls() {
    return api.findAll(anyRequestedFor(urlPathMatching("/teams/v3/conversations/[^/]+/activities.*")))
        .stream().map(LoggedRequest::getBodyAsString).toList();
  }

  /** Proactive messages into one conversation (SendToConversation). */
  public List<String> sentTo(String conversationId) {
    return api.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
            urlPathEqualTo("/teams/v3/conversations/" + conversationId + "/activities")))
        .stream().map(LoggedRequest::getBodyAsString).toList();
  }

  public List<LoggedRequest> updates() {
    return api.findAll(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
        urlPathMatching("/teams/v3/conversations/[^/]+/activities/[^/]+")));
  }

  @Override
  public void close() {
    if (app != null) {
      app.close();
    }
    api.stop();
  }
}
