package org.rmbot.mentoring.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatFailure;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Conversation;
import org.rmbot.mentoring.common.MovableClock;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.privacy.SealedBox;
import org.rmbot.mentoring.privacy.SecretKey;
import org.rmbot.mentoring.testing.SharedReference;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * The SDK's connector client against WireMock, answering with the recorded Bot Connector
 * exchanges in shared/reference/botframework/connector-session-records.
 */
class TeamsChatPlatformTest {
  @RegisterExtension static WireMockExtension connector = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();
  @RegisterExtension final TestDatabase db = new TestDatabase();

  static final String TENANT = "56653e9d-2158-46ee-90d7-675c39642038";
  static final String APP_ID = "aabdbd62-bc97-4afb-83ee-575594577de5";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private TeamsPeople people;
  private TeamsSettings settings;
  private FileConsent files;
  private TeamsChatPlatform platform;

  @BeforeEach
  void setUp() {
    settings = TeamsSettings.from(Map.of("MICROSOFT_APP_ID", APP_ID, "MICROSOFT_APP_PASSWORD", "secret",
        "BOTFRAMEWORK_LOGIN_URL", connector.baseUrl() + "/botframework.com/oauth2/v2.0/token")).orElseThrow();
    people = new TeamsPeopleInDatabase(db.jdbi(), clock);
    files = new FileConsent(new PendingFiles(db.jdbi(), new SealedBox(SecretKey.of("a-teams-test-secret-that-is-long-enough")),
        clock), Duration.ofSeconds(2));
    // generous, so a slow first answer on a busy machine is not a timeout; the timeout test uses its own
    platform = withTimeout(Duration.ofSeconds(10));
    connector.stubFor(post("/botframework.com/oauth2/v2.0/token").willReturn(okJson(
        "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"bot-token-1\"}")));
  }

  private TeamsChatPlatform withTimeout(Duration timeout) {
    return new TeamsChatPlatform(new TeamsAdapter(settings, clock, timeout), people, new AdaptiveCardRenderer(), files, clock);
  }

  /** The recorded response body of the n-th call of a session record. */
  static String recorded(String record, int call) throws Exception {
    JsonNode calls = JSON.readTree(SharedReference.read("botframework", "connector-session-records", record))
        .path("networkCallRecords");
    return calls.get(call).path("Response").path("Body").asText();
  }

  static int recordedStatus(String record, int call) throws Exception {
    JsonNode calls = JSON.readTree(SharedReference.read("botframework", "connector-session-records", record))
        .path("networkCallRecords");
    return Integer.parseInt(calls.get(call).path("Response").path("StatusCode").asText());
  }

  private void aUserSeenInAChannel(String aad, String userId) {
    people.seen(new TeamsPeople.Seen(TENANT, aad, userId, "Amara", connector.baseUrl() + "/amer/", null, null));
  }

  private void aUserWithAPersonalChat(String aad, String userId, String conversationId) {
    String reference = "{\"activityId\":null,\"user\":{\"id\":\"" + userId + "\"},\"bot\":{\"id\":\"28:" + APP_ID
        + "\"},\"conversation\":{\"id\":\"" + conversationId + "\",\"conversationType\":\"personal\",\"tenantId\":\""
        + TENANT + "\"},\"channelId\":\"msteams\",\"serviceUrl\":\"" + connector.baseUrl() + "/amer/\"}";
    people.seen(new TeamsPeople.Seen(TENANT, aad, userId, "Amara", connector.baseUrl() + "/amer/", conversationId, reference));
  }

  @Test
  void createsAPersonalConversationForSomeoneSeenOnlyInAChannelThenSendsACardWithTheBotToken() throws Exception {
    aUserSeenInAChannel("aad-1", "29:amara");
    connector.stubFor(post("/amer/v3/conversations").willReturn(okJson(recorded("CreateConversation.json", 0))));
    connector.stubFor(post(urlPathEqualTo("/amer/v3/conversations/B21S8SG7J:T03CWQ0QB:D8K7XGZU3/activities"))
        .willReturn(okJson(recorded("SendToConversation.json", 1))));

    Conversation direct = platform.openDirect(new PlatformIdentity(Platform.TEAMS, TENANT, "aad-1"));
    String id = platform.send(direct, ChatMessage.of("Did you meet?", new Block.Section("Did you *meet*?"),
        new Block.Actions(List.of(new Block.Button("check_in.met", "42|2026-01-05", "We met", Block.ButtonStyle.PRIMARY))))
        .withDeliveryKey("nudge:42"));

    assertThat(direct.id()).isEqualTo("B21S8SG7J:T03CWQ0QB:D8K7XGZU3");
    assertThat(id).isEqualTo("1514572239.000123");
    connector.verify(postRequestedFor(urlEqualTo("/amer/v3/conversations"))
        .withHeader("Authorization", equalTo("Bearer bot-token-1"))
        .withRequestBody(containing("\"id\":\"28:" + APP_ID + "\""))
        .withRequestBody(containing("\"id\":\"29:amara\""))
        .withRequestBody(containing(TENANT)));
    connector.verify(postRequestedFor(urlPathEqualTo("/amer/v3/conversations/B21S8SG7J:T03CWQ0QB:D8K7XGZU3/activities"))
        .withHeader("Authorization", equalTo("Bearer bot-token-1"))
        .withRequestBody(containing("application/vnd.microsoft.card.adaptive"))
        .withRequestBody(containing("\"verb\":\"check_in.met\""))
        .withRequestBody(containing("42|2026-01-05")));
    // the token is fetched once and reused; the conversation is remembered for next time
    assertThat(connector.findAll(postRequestedFor(urlEqualTo("/botframework.com/oauth2/v2.0/token")))).hasSize(1)
        .allSatisfy(r -> assertThat(r.getBodyAsString()).contains("grant_type=client_credentials")
            .contains("client_id=" + APP_ID).contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default"));
    assertThat(people.find(TENANT, "aad-1").orElseThrow().personalConversationId()).isEqualTo(direct.id());
    assertThat(platform.findSentMessage(direct, "nudge:42")).contains("1514572239.000123");
    assertThat(platform.findSentMessage(direct, "nudge:43")).isEmpty();
  }

  @Test
  void updatesAMessageInPlace() throws Exception {
    aUserWithAPersonalChat("aad-1", "29:amara", "a:conv1");
    connector.stubFor(put(urlPathEqualTo("/amer/v3/conversations/a:conv1/activities/1514572172.000187"))
        .willReturn(okJson(recorded("UpdateActivity.json", 2))));
    platform.update(new Conversation(Platform.TEAMS, TENANT, "a:conv1"), "1514572172.000187",
        ChatMessage.of("Thanks: recorded that you met."));
    connector.verify(putRequestedFor(urlPathEqualTo("/amer/v3/conversations/a:conv1/activities/1514572172.000187"))
        .withRequestBody(containing("recorded that you met")));
  }

  @Test
  void aPairGetsTheMessageInEachOneToOneChatOnceEvenWhenTheSecondSendFailedFirst() throws Exception {
    aUserWithAPersonalChat("aad-1", "29:amara", "a:conv1");
    aUserWithAPersonalChat("aad-2", "29:helen", "a:conv2");
    connector.stubFor(post(urlPathEqualTo("/amer/v3/conversations/a:conv1/activities")).willReturn(okJson("{\"id\":\"m1\"}")));
    connector.stubFor(post(urlPathEqualTo("/amer/v3/conversations/a:conv2/activities"))
        .willReturn(aResponse().withStatus(503)));
    Conversation pair = platform.openGroup(List.of(new PlatformIdentity(Platform.TEAMS, TENANT, "aad-1"),
        new PlatformIdentity(Platform.TEAMS, TENANT, "aad-2")));
    ChatMessage intro = ChatMessage.of("Meet your partner", new Block.Section("Amara will mentor Helen")).withDeliveryKey("intro:1");

    assertThatThrownBy(() -> platform.send(pair, intro)).isInstanceOf(ChatFailure.Transient.class).hasMessage("http_503");
    connector.stubFor(post(urlPathEqualTo("/amer/v3/conversations/a:conv2/activities")).willReturn(okJson("{\"id\":\"m2\"}")));
    assertThat(platform.send(pair, intro)).isEqualTo("m1 m2");

    assertThat(connector.findAll(postRequestedFor(urlPathEqualTo("/amer/v3/conversations/a:conv1/activities")))).hasSize(1)
        .allSatisfy(r -> assertThat(r.getBodyAsString()).contains("Amara will mentor Helen").contains("group chat"));
    assertThat(platform.findSentMessage(pair, "intro:1")).contains("m1 m2");
  }

  @Test
  void throttlingIsRateLimitedWithRetryAfter() throws Exception {
    aUserWithAPersonalChat("aad-1", "29:amara", "a:conv1");
    connector.stubFor(post(urlPathEqualTo("/amer/v3/conversations/a:conv1/activities"))
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
    assertThatThrownBy(() -> platform.send(new Conversation(Platform.TEAMS, TENANT, "a:conv1"), ChatMessage.of("hi")))
        .isInstanceOfSatisfying(ChatFailure.RateLimited.class, f -> assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
    // no retries of its own: delivery decides
    assertThat(connector.findAll(postRequestedFor(urlPathEqualTo("/amer/v3/conversations/a:conv1/activities")))).hasSize(1);
  }

  @Test
  void serverErrorsAndTimeoutsMayWorkLaterWithoutRetryingHere() throws Exception {
    aUserWithAPersonalChat("aad-1", "29:amara", "a:conv1");
    Conversation c = new Conversation(Platform.TEAMS, TENANT, "a:conv1");
    connector.stubFor(post(urlPathEqualTo("/amer/v3/conversations/a:conv1/activities")).willReturn(aResponse().withStatus(502)));
    assertThatThrownBy(() -> platform.send(c, ChatMessage.of("hi"))).isInstanceOf(ChatFailure.Transient.class).hasMessage("http_502");
    assertThat(connector.findAll(postRequestedFor(urlPathEqualTo("/amer/v3/conversations/a:conv1/activities")))).hasSize(1);

    connector.stubFor(post(urlPathEqualTo("/amer/v3/conversations/a:conv1/activities"))
        .willReturn(okJson("{\"id\":\"late\"}").withFixedDelay(3000)));
    TeamsChatPlatform impatient = withTimeout(Duration.ofSeconds(1));
    assertThatThrownBy(() -> impatient.send(c, ChatMessage.of("hi"))).isInstanceOf(ChatFailure.Transient.class).hasMessage("timeout");
  }

  @Test
  void aBotThatWasRemovedOrAConversationThatIsGoneIsPermanent() throws Exception {
    aUserWithAPersonalChat("aad-1", "29:amara", "a:conv1");
    Conversation c = new Conversation(Platform.TEAMS, TENANT, "a:conv1");
    connector.stubFor(post(urlPathEqualTo("/amer/v3/conversations/a:conv1/activities")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":\"BotDisabledByAdmin\",\"message\":\"x\"}}")));
    assertThatThrownBy(() -> platform.send(c, ChatMessage.of("hi"))).isInstanceOf(ChatFailure.Permanent.class)
        .hasMessage("http_403_BotDisabledByAdmin");
    connector.stubFor(post(urlPathEqualTo("/amer/v3/conversations/a:conv1/activities")).willReturn(aResponse().withStatus(404)));
    assertThatThrownBy(() -> platform.send(c, ChatMessage.of("hi"))).isInstanceOf(ChatFailure.Permanent.class).hasMessage("http_404");
  }

  @Test
  void recordedConnectorRefusalsArePermanentWithTheirCode() throws Exception {
    aUserWithAPersonalChat("aad-1", "29:amara", "a:conv1");
    String record = "SendToConversationWithInvalidConversationId.json";
    connector.stubFor(post(urlPathEqualTo("/amer/v3/conversations/a:conv1/activities")).willReturn(aResponse()
        .withStatus(recordedStatus(record, 1)).withHeader("Content-Type", "application/json").withBody(recorded(record, 1))));
    assertThatThrownBy(() -> platform.send(new Conversation(Platform.TEAMS, TENANT, "a:conv1"), ChatMessage.of("hi")))
        .isInstanceOf(ChatFailure.Permanent.class).hasMessage("ServiceError");

    aUserSeenInAChannel("aad-2", "28:another-bot");
    String bots = "CreateConversationWithBotMember.json";
    connector.stubFor(post("/amer/v3/conversations").willReturn(aResponse().withStatus(recordedStatus(bots, 0))
        .withHeader("Content-Type", "application/json").withBody(recorded(bots, 0))));
    assertThatThrownBy(() -> platform.openDirect(new PlatformIdentity(Platform.TEAMS, TENANT, "aad-2")))
        .isInstanceOf(ChatFailure.Permanent.class).hasMessage("BadArgument");
  }

  @Test
  void someoneTheBotHasNeverSeenCannotBeReached() {
    assertThatThrownBy(() -> platform.openDirect(new PlatformIdentity(Platform.TEAMS, TENANT, "aad-unknown")))
        .isInstanceOf(ChatFailure.Permanent.class).hasMessage("no_conversation_reference");
  }

  @Test
  void aTokenEndpointThatIsDownIsTransient() {
    aUserWithAPersonalChat("aad-1", "29:amara", "a:conv1");
    connector.stubFor(post("/botframework.com/oauth2/v2.0/token").willReturn(aResponse().withStatus(503)));
    assertThatThrownBy(() -> platform.send(new Conversation(Platform.TEAMS, TENANT, "a:conv1"), ChatMessage.of("hi")))
        .isInstanceOf(ChatFailure.Transient.class).hasMessage("token_unavailable");
    connector.verify(0, postRequestedFor(urlPathEqualTo("/amer/v3/conversations/a:conv1/activities")));
  }

  /** A page of a Teams roster: the recorded pagedmembers shape, with the fields Teams adds to each member. */
  private static String rosterPage(String continuation, String... members) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode page = (com.fasterxml.jackson.databind.node.ObjectNode)
        JSON.readTree(recorded("GetConversationPagedMembers.json", 1));
    var list = page.withArray("members");
    for (String m : members) {
      String[] f = m.split("\\|");
      list.addObject().put("id", f[0]).put("name", f[1]).put("aadObjectId", f[2]).put("email", f[3])
          .put("userPrincipalName", f[3].toUpperCase()).put("tenantId", TENANT).put("userRole", "user");
    }
    if (continuation != null) {
      page.put("continuationToken", continuation);
    }
    return page.toString();
  }

  @Test
  void someoneTheBotNeverSawIsFoundByEmailInATeamRosterAndReachedInANewOneToOneChat() throws Exception {
    people.inRoster(new TeamsPeople.Roster("19:general@thread.tacv2", TENANT, connector.baseUrl() + "/amer/", "team"));
    connector.stubFor(get(urlPathMatching("/amer/v3/conversations/[^/]+/pagedmembers"))
        .willReturn(okJson(rosterPage("page-2", "29:jonah|Jonah Reyes|aad-jonah|jonah@example.com"))));
    connector.stubFor(get(urlPathMatching("/amer/v3/conversations/[^/]+/pagedmembers")).withQueryParam("continuationToken",
        equalTo("page-2")).willReturn(okJson(rosterPage(null, "29:helen|Helen Carter|aad-helen|helen.carter@example.com"))));
    connector.stubFor(post("/amer/v3/conversations").willReturn(okJson(recorded("CreateConversation.json", 0))));
    connector.stubFor(post(urlPathEqualTo("/amer/v3/conversations/B21S8SG7J:T03CWQ0QB:D8K7XGZU3/activities"))
        .willReturn(okJson(recorded("SendToConversation.json", 1))));

    // matched by email or user principal name, whatever the case
    PlatformIdentity helen = platform.findPersonByEmail("Helen.Carter@Example.com").orElseThrow();
    assertThat(helen).isEqualTo(new PlatformIdentity(Platform.TEAMS, TENANT, "aad-helen"));
    assertThat(platform.findPersonByEmail("JONAH@EXAMPLE.COM")).contains(new PlatformIdentity(Platform.TEAMS, TENANT, "aad-jonah"));
    assertThat(platform.findPersonByEmail("nobody@example.com")).isEmpty();
    // one pass over the roster, with the bot's token, answered all three
    connector.verify(2, getRequestedFor(urlPathMatching("/amer/v3/conversations/[^/]+/pagedmembers"))
        .withHeader("Authorization", equalTo("Bearer bot-token-1")));
    connector.verify(getRequestedFor(urlPathEqualTo("/amer/v3/conversations/19%3Ageneral%40thread.tacv2/pagedmembers"))
        .withQueryParam("continuationToken", equalTo("page-2")));

    platform.send(platform.openDirect(helen), ChatMessage.of("Your match is ready."));
    connector.verify(postRequestedFor(urlEqualTo("/amer/v3/conversations"))
        .withRequestBody(containing("\"id\":\"29:helen\"")).withRequestBody(containing("\"tenantId\":\"" + TENANT + "\"")));
    connector.verify(postRequestedFor(urlPathEqualTo("/amer/v3/conversations/B21S8SG7J:T03CWQ0QB:D8K7XGZU3/activities"))
        .withRequestBody(containing("Your match is ready.")));

    // someone not found is looked for again only once the rosters are stale
    clock.advance(RosterSearch.FRESH);
    assertThat(platform.findPersonByEmail("nobody@example.com")).isEmpty();
    connector.verify(4, getRequestedFor(urlPathMatching("/amer/v3/conversations/[^/]+/pagedmembers")));
  }

  @Test
  void aRosterTheBotWasRemovedFromIsForgottenAndAnUnreachableOneIsTransient() throws Exception {
    people.inRoster(new TeamsPeople.Roster("19:gone@thread.tacv2", TENANT, connector.baseUrl() + "/amer/", "team"));
    connector.stubFor(get(urlPathMatching("/amer/v3/conversations/[^/]+/pagedmembers"))
        .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":{\"code\":\"BotNotInConversationRoster\",\"message\":\"The bot is not part of the conversation roster.\"}}")));
    assertThat(platform.findPersonByEmail("helen.carter@example.com")).isEmpty();
    assertThat(people.rosters()).isEmpty();

    people.inRoster(new TeamsPeople.Roster("19:busy@thread.tacv2", TENANT, connector.baseUrl() + "/amer/", "team"));
    connector.stubFor(get(urlPathMatching("/amer/v3/conversations/[^/]+/pagedmembers")).willReturn(aResponse().withStatus(503)));
    clock.advance(RosterSearch.FRESH);
    assertThatThrownBy(() -> platform.findPersonByEmail("helen.carter@example.com"))
        .isInstanceOf(ChatFailure.Transient.class).hasMessage("http_503");
    assertThat(people.rosters()).hasSize(1);
  }

  @Test
  void aFileIsOfferedWithAConsentCardAndWaitsSealed() throws Exception {
    aUserWithAPersonalChat("aad-1", "29:amara", "a:conv1");
    connector.stubFor(post(urlPathEqualTo("/amer/v3/conversations/a:conv1/activities"))
        .willReturn(okJson(recorded("SendToConversation.json", 1))));
    byte[] csv = "section,figure,value\nmeetings,confirmed,12\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    String id = platform.upload(new Conversation(Platform.TEAMS, TENANT, "a:conv1"), csv, "pilot-figures.csv", "Pilot: figures");

    assertThat(id).isEqualTo("1514572239.000123");
    JsonNode sent = JSON.readTree(connector.findAll(postRequestedFor(urlPathEqualTo("/amer/v3/conversations/a:conv1/activities")))
        .get(0).getBodyAsString());
    JsonNode attachment = sent.path("attachments").get(0);
    assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.teams.card.file.consent");
    assertThat(attachment.path("name").asText()).isEqualTo("pilot-figures.csv");
    assertThat(attachment.path("content").path("sizeInBytes").asLong()).isEqualTo(csv.length);
    assertThat(attachment.path("content").path("description").asText()).isEqualTo("Pilot: figures");
    String fileId = attachment.path("content").path("acceptContext").path("rmFile").asText();
    assertThat(attachment.path("content").path("declineContext").path("rmFile").asText()).isEqualTo(fileId);
    // the content is nowhere in the card, and in the database only sealed
    assertThat(sent.toString()).doesNotContain("meetings,confirmed");
    byte[] stored = db.jdbi().withHandle(h -> h.createQuery("select sealed from teams_pending_file where id = cast(:id as uuid)")
        .bind("id", fileId).mapTo(byte[].class).one());
    assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("meetings");

    assertThatThrownBy(() -> platform.upload(new Conversation(Platform.TEAMS, TENANT, "pair:a:conv1 a:conv2"), csv, "x.csv", "x"))
        .isInstanceOf(ChatFailure.Permanent.class).hasMessage("files_only_in_direct_chats");
    assertThatThrownBy(() -> platform.upload(new Conversation(Platform.TEAMS, TENANT, "a:unknown"), csv, "x.csv", "x"))
        .isInstanceOf(ChatFailure.Permanent.class).hasMessage("no_conversation_reference");
    int pending = db.jdbi().withHandle(h -> h.createQuery("select count(*) from teams_pending_file").mapTo(Integer.class).one());
    assertThat(pending).isEqualTo(1);
  }
}
