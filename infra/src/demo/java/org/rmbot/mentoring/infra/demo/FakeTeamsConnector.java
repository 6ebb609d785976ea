package org.rmbot.mentoring.infra.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake Microsoft Teams, in-process: WireMock plays the Bot Framework's side the way Microsoft
 * documents it (OpenID metadata and a signing key endorsed for {@code msteams}, the token
 * endpoint, and the Bot Connector at the service URL: members, CreateConversation,
 * SendToConversation, ReplyToActivity, UpdateActivity) and records every activity the bot sends,
 * and plays OneDrive's upload URLs, recording every file the bot puts there after someone allows it.
 * People's messages and card actions reach the bot's real {@code /api/messages} with a bearer
 * token signed by the fake's key (RS256, issuer {@code https://api.botframework.com}, audience
 * the app id, the {@code serviceurl} claim), exactly as the Bot Framework signs them.
 *
 * <p>Each person has one personal (1:1) conversation with the bot, {@code a:<user>}.
 */
final class FakeTeamsConnector implements AutoCloseable {
  static final String TENANT = "7c0a9f1e-5d2b-4c7e-9a31-0d3e8b6f2a10";
  static final String APP_ID = "5b2f9c44-1e7d-4a63-8f0b-6c2d1e9a7b35";
  private static final String ONEDRIVE = "/onedrive/";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  /** A person the connector knows: their Teams user id, AAD object id and 1:1 conversation. */
  record Person(String name, String email, String userId, String aad, String conversationId, String zone) {}

  /**
   * An activity the bot sent to the connector.
   *
   * @param replyTo the activity it answers (ReplyToActivity), or null for a new message (SendToConversation)
   * @param id the id the connector gave it, or the id of the activity it updated
   * @param update whether it replaced an earlier activity (UpdateActivity)
   */
  record Sent(long seq, Instant at, String conversationId, String replyTo, String id, boolean update, JsonObject activity) {}

  /** A file the bot saved in someone's OneDrive: the bytes it put at the upload URL {@link #allowFile} gave. */
  record Upload(String fileName, byte[] content) {}

  private final Clock clock;
  private final WireMockServer api;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final BotFrameworkKeys keys = new BotFrameworkKeys("demo-key-", "msteams");
  private final String metadataUrl;
  private final Map<String, Person> byUserId = new ConcurrentHashMap<>();
  private final Map<String, Person> byConversation = new ConcurrentHashMap<>();
  private final List<Sent> sent = new ArrayList<>();
  private final List<Upload> uploads = new ArrayList<>();
  private final AtomicLong activityIds = new AtomicLong(1_767_000_000_000L);
  private final AtomicLong inboundIds = new AtomicLong();
  private volatile String botUrl;

  /** @param clock stamps each recorded activity: the bot's clock, so a demo's records carry simulated time */
  FakeTeamsConnector(Clock clock) {
    this.clock = clock;
    this.api = new WireMockServer(wireMockConfig().dynamicPort().disableRequestJournal().extensions(new Connector()));
    api.start();
    metadataUrl = keys.serveOn(api);
    api.stubFor(post("/botframework.com/oauth2/v2.0/token").willReturn(okJson(
        "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"demo-bot-token\"}")));
    // the connector: answered per request by Connector
    api.stubFor(any(urlPathMatching("/teams/v3/.*")).willReturn(okJson("{}")));
    // OneDrive's upload URLs, handed out by allowFile: Upload records each file put there
    api.stubFor(any(urlPathMatching(ONEDRIVE + ".*")).willReturn(aResponse().withStatus(201).withBody("{}")));
  }

  /** The bot's Teams configuration: trust this fake's key and get tokens here. */
  Map<String, String> env() {
    return Map.of("MICROSOFT_APP_ID", APP_ID, "MICROSOFT_APP_PASSWORD", "demo-password",
        "BOTFRAMEWORK_OPENID_METADATA_URL", metadataUrl,
        "BOTFRAMEWORK_LOGIN_URL", api.baseUrl() + "/botframework.com/oauth2/v2.0/token");
  }

  String serviceUrl() {
    return api.baseUrl() + "/teams/";
  }

  void botAt(String url) {
    this.botUrl = url;
  }

  /** The AAD object id of the person added with {@code id}. */
  static String aadOf(String id) {
    return UUID.nameUUIDFromBytes(("demo/" + id).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Adds a person; {@code id} is a short unique name, from which their Teams ids are made. */
  Person person(String id, String name, String email, String zone) {
    String aad = aadOf(id);
    Person person = new Person(name, email, "29:" + id, aad, "a:" + id, zone);
    byUserId.put(person.userId(), person);
    byUserId.put(aad, person);
    byConversation.put(person.conversationId(), person);
    return person;
  }

  Person inConversation(String conversationId) {
    return byConversation.get(conversationId);
  }

  /** An activity posted to the bot: its id (which the bot's replies name) and the bot's HTTP answer. */
  record Inbound(String id, HttpResponse<String> response) {}

  /** A message the person types in their chat with the bot. */
  Inbound message(Person from, String text) throws Exception {
    JsonObject activity = activity("message", from);
    activity.addProperty("text", text);
    activity.addProperty("textFormat", "plain");
    return send(activity);
  }

  /** An Action.Execute click or form submit on a card the bot sent, answered in the HTTP response. */
  Inbound execute(Person from, String cardId, String verb, JsonObject data) throws Exception {
    JsonObject activity = activity("invoke", from);
    activity.addProperty("name", "adaptiveCard/action");
    if (cardId != null) {
      activity.addProperty("replyToId", cardId);
    }
    JsonObject action = new JsonObject();
    action.addProperty("type", "Action.Execute");
    action.addProperty("verb", verb);
    action.add("data", data);
    JsonObject value = new JsonObject();
    value.add("action", action);
    value.addProperty("trigger", "manual");
    activity.add("value", value);
    return send(activity);
  }

  /**
   * The person pressed Allow on a file-consent card the bot sent: a {@code fileConsent/invoke}
   * echoing the card's accept context, with an upload URL in their OneDrive (on this fake) where
   * the bot is to put the file.
   */
  Inbound allowFile(Person from, String cardId, String fileName, JsonObject acceptContext) throws Exception {
    JsonObject activity = activity("invoke", from);
    activity.addProperty("name", "fileConsent/invoke");
    activity.addProperty("replyToId", cardId);
    JsonObject upload = new JsonObject();
    upload.addProperty("name", fileName);
    upload.addProperty("fileType", fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.') + 1) : "");
    String file = URLEncoder.encode(fileName, StandardCharsets.UTF_8);
    upload.addProperty("uploadUrl", api.baseUrl() + ONEDRIVE + from.aad() + "/" + file);
    upload.addProperty("contentUrl", "https://contoso-my.sharepoint.com/personal/" + from.aad() + "/Documents/" + file);
    upload.addProperty("uniqueId", UUID.nameUUIDFromBytes((from.aad() + "/" + fileName).getBytes(StandardCharsets.UTF_8))
        .toString());
    JsonObject value = new JsonObject();
    value.addProperty("type", "fileUpload");
    value.addProperty("action", "accept");
    value.add("context", acceptContext);
    value.add("uploadInfo", upload);
    activity.add("value", value);
    return send(activity);
  }

  private JsonObject activity(String type, Person from) {
    JsonObject activity = new JsonObject();
    activity.addProperty("type", type);
    activity.addProperty("id", "demo-" + inboundIds.incrementAndGet());
    activity.addProperty("timestamp", Instant.now().toString());
    activity.addProperty("serviceUrl", serviceUrl());
    activity.addProperty("channelId", "msteams");
    JsonObject sender = new JsonObject();
    sender.addProperty("id", from.userId());
    sender.addProperty("name", from.name());
    sender.addProperty("aadObjectId", from.aad());
    activity.add("from", sender);
    JsonObject bot = new JsonObject();
    bot.addProperty("id", "28:" + APP_ID);
    bot.addProperty("name", "Mentoring");
    activity.add("recipient", bot);
    JsonObject conversation = new JsonObject();
    conversation.addProperty("id", from.conversationId());
    conversation.addProperty("conversationType", "personal");
    conversation.addProperty("tenantId", TENANT);
    activity.add("conversation", conversation);
    JsonObject tenant = new JsonObject();
    tenant.addProperty("id", TENANT);
    JsonObject channelData = new JsonObject();
    channelData.add("tenant", tenant);
    activity.add("channelData", channelData);
    activity.addProperty("locale", "en-GB");
    activity.addProperty("localTimezone", from.zone());
    return activity;
  }

  private Inbound send(JsonObject activity) throws Exception {
    if (botUrl == null) {
      throw new IllegalStateException("call botAt(url) first: the connector does not know where the bot listens");
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(botUrl + "/api/messages"))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token())
        .POST(HttpRequest.BodyPublishers.ofString(activity.toString()))
        .build();
    return new Inbound(activity.get("id").getAsString(), http.send(request, HttpResponse.BodyHandlers.ofString()));
  }

  /** A Bot Framework token for this bot and service URL, signed with real time, whatever the bot's clock says. */
  private String token() throws Exception {
    long now = Instant.now().getEpochSecond();
    JsonObject header = new JsonObject();
    header.addProperty("alg", "RS256");
    header.addProperty("typ", "JWT");
    header.addProperty("kid", keys.id());
    JsonObject claims = new JsonObject();
    claims.addProperty("iss", BotFrameworkKeys.ISSUER);
    claims.addProperty("aud", APP_ID);
    claims.addProperty("serviceurl", serviceUrl());
    claims.addProperty("iat", now - 60);
    claims.addProperty("nbf", now - 60);
    claims.addProperty("exp", now + 3600);
    String signed = B64.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
        + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initSign(keys.pair().getPrivate());
    rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
    return signed + "." + B64.encodeToString(rs256.sign());
  }

  // What the bot sent

  synchronized long lastSeq() {
    return sent.size();
  }

  /** Activities the bot sent after {@code seq}, oldest first. */
  synchronized List<Sent> sentAfter(long seq) {
    return List.copyOf(sent.subList((int) Math.min(seq, sent.size()), sent.size()));
  }

  /** The files the bot put in people's OneDrive, oldest first. */
  synchronized List<Upload> uploads() {
    return List.copyOf(uploads);
  }

  @Override
  public void close() {
    api.stop();
  }

  private synchronized Sent record(String conversationId, String replyTo, String id, boolean update, JsonObject activity) {
    Sent s = new Sent(sent.size() + 1, clock.instant(), conversationId, replyTo, id, update, activity);
    sent.add(s);
    return s;
  }

  /**
   * The Bot Connector's REST API (v3): a member's profile, a new 1:1 conversation, and activities
   * sent, replied and updated, each recorded before it is answered, so what a request to the bot
   * made the bot send is all on record when that request returns.
   */
  private final class Connector implements ResponseDefinitionTransformerV2 {
    @Override
    public ResponseDefinition transform(ServeEvent event) {
      String url = event.getRequest().getUrl();
      if (url.startsWith(ONEDRIVE) && event.getRequest().getMethod().getName().equals("PUT")) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String fileName = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
        synchronized (FakeTeamsConnector.this) {
          uploads.add(new Upload(fileName, event.getRequest().getBody()));
        }
        return event.getResponseDefinition();
      }
      if (!url.startsWith("/teams/v3/")) {
        return event.getResponseDefinition();
      }
      String path = URLDecoder.decode(url.contains("?") ? url.substring(0, url.indexOf('?')) : url, StandardCharsets.UTF_8);
      String[] parts = path.substring("/teams/v3/".length()).split("/");
      String method = event.getRequest().getMethod().getName();
      // conversations/{id}/members/{member}
      if (parts.length == 4 && parts[2].equals("members") && method.equals("GET")) {
        Person person = byUserId.get(parts[3]);
        if (person == null) {
          return new ResponseDefinition(404, "{\"error\":{\"code\":\"MemberNotFoundInConversation\"}}");
        }
        JsonObject member = new JsonObject();
        member.addProperty("id", person.userId());
        member.addProperty("name", person.name());
        member.addProperty("aadObjectId", person.aad());
        member.addProperty("email", person.email());
        member.addProperty("userPrincipalName", person.email());
        member.addProperty("tenantId", TENANT);
        return okJson(member.toString()).build();
      }
      // conversations: CreateConversation, 1:1 only, as Teams allows a bot
      if (parts.length == 1 && method.equals("POST")) {
        JsonObject body = JsonParser.parseString(event.getRequest().getBodyAsString()).getAsJsonObject();
        String member = body.getAsJsonArray("members").get(0).getAsJsonObject().get("id").getAsString();
        Person person = byUserId.get(member);
        if (person == null) {
          return new ResponseDefinition(404, "{\"error\":{\"code\":\"MemberNotFoundInConversation\"}}");
        }
        return okJson("{\"id\":\"" + person.conversationId() + "\"}").build();
      }
      // conversations/{id}/activities[/{activityId}]
      if (parts.length >= 3 && parts[2].equals("activities") && (method.equals("POST") || method.equals("PUT"))) {
        JsonObject activity = JsonParser.parseString(event.getRequest().getBodyAsString()).getAsJsonObject();
        String conversation = parts[1];
        if (method.equals("PUT") && parts.length == 4) {
          record(conversation, null, parts[3], true, activity);
          return okJson("{\"id\":\"" + parts[3] + "\"}").build();
        }
        String id = String.valueOf(activityIds.incrementAndGet());
        record(conversation, parts.length == 4 ? parts[3] : null, id, false, activity);
        return okJson("{\"id\":\"" + id + "\"}").build();
      }
      return event.getResponseDefinition();
    }

    @Override
    public String getName() {
      return "fake-teams-connector";
    }
  }
}
