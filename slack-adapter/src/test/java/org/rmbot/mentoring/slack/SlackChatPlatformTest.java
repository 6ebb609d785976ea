package org.rmbot.mentoring.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.slack.api.Slack;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatFailure;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Conversation;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.testing.SharedReference;

/** The real Slack client against WireMock, answering with Slack's own documented examples. */
class SlackChatPlatformTest {
  @RegisterExtension
  static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private SlackChatPlatform platform;
  private final Conversation dm = new Conversation(Platform.SLACK, "T0001", "D069C7QFK");

  static Slack slackClientFor(String baseUrl) {
    return SlackChatPlatform.client(baseUrl + "/api/");
  }

  @BeforeEach
  void setUp() {
    platform = new SlackChatPlatform(slackClientFor(slack.baseUrl()), "xoxb-test", "T0001", new BlockKitRenderer());
  }

  private static String example(String name) {
    return SharedReference.read("slack-api-specs", "examples", name);
  }

  @Test
  void opensAGroupConversationWithBothPeople() throws Exception {
    slack.stubFor(post("/api/conversations.open").willReturn(okJson(example("conversations.open.ok.json"))));
    Conversation c = platform.openGroup(List.of(
        new PlatformIdentity(Platform.SLACK, "T0001", "U01"), new PlatformIdentity(Platform.SLACK, "T0001", "U02")));
    assertThat(c.id()).isEqualTo("D069C7QFK");
    slack.verify(postRequestedFor(urlEqualTo("/api/conversations.open")).withRequestBody(containing("users=U01%2CU02")));
  }

  @Test
  void postsBlocksWithFallbackTextAndTheDeliveryKeyAsMetadata() throws Exception {
    slack.stubFor(post("/api/chat.postMessage").willReturn(okJson(example("chat.postMessage.ok.json"))));
    ChatMessage message = ChatMessage.of("Did you meet?", new Block.Section("Did you *meet* this fortnight?"),
        new Block.Actions(List.of(new Block.Button("checkin.met", "42:2026-01-19", "We met", Block.ButtonStyle.PRIMARY))))
        .withDeliveryKey("nudge:42:checkin:2026-01-19");

    String ts = platform.send(dm, message);

    assertThat(ts).isEqualTo("1503435956.000247");
    slack.verify(postRequestedFor(urlEqualTo("/api/chat.postMessage"))
        .withHeader("Authorization", equalTo("Bearer xoxb-test"))
        .withRequestBody(containing("channel=D069C7QFK"))
        .withRequestBody(containing("checkin.met"))
        .withRequestBody(containing("mentoring_delivery"))
        .withRequestBody(containing("nudge%3A42%3Acheckin%3A2026-01-19")));
  }

  @Test
  void toleratesEveryFieldSlackHasEverSentForPostMessage() throws Exception {
    // the SDK's union-of-all-fields sample (2 MB, ok=false by construction): parsing must not fail
    String sample = SharedReference.read("slack-java-sdk-samples", "api", "chat.postMessage.json")
        .replaceFirst("\"ok\"\\s*:\\s*false", "\"ok\": true");
    slack.stubFor(post("/api/chat.postMessage").willReturn(okJson(sample)));
    assertThat(platform.send(dm, ChatMessage.of("hi"))).isNotNull();
  }

  @Test
  void rateLimitingHonoursRetryAfter() {
    slack.stubFor(post("/api/chat.postMessage").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
        .withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));
    assertThatThrownBy(() -> platform.send(dm, ChatMessage.of("hi")))
        .isInstanceOfSatisfying(ChatFailure.RateLimited.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
  }

  @Test
  void serverErrorsAreTransient() {
    slack.stubFor(post("/api/chat.postMessage").willReturn(aResponse().withStatus(503)));
    assertThatThrownBy(() -> platform.send(dm, ChatMessage.of("hi")))
        .isInstanceOfSatisfying(ChatFailure.Transient.class, e -> assertThat(e.code()).isEqualTo("http_503"));
  }

  @Test
  void aBrokenConnectionIsReportedNotSilentlyPostedAgain() {
    // the reset comes after Slack read the whole request: the message may well be in the channel
    slack.stubFor(post("/api/chat.postMessage").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> platform.send(dm, ChatMessage.of("hi").withDeliveryKey("intro/pairing:7/pair/start")))
        .isInstanceOfSatisfying(ChatFailure.Transient.class, e -> assertThat(e.code()).isEqualTo("io_error"));
    slack.verify(exactly(1), postRequestedFor(urlEqualTo("/api/chat.postMessage")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"channel_not_found", "user_not_found", "is_archived", "invalid_blocks", "not_in_channel"})
  void documentedPermanentErrorsStopAtOnce(String error) {
    slack.stubFor(post("/api/chat.postMessage").willReturn(okJson("{\"ok\":false,\"error\":\"" + error + "\"}")));
    assertThatThrownBy(() -> platform.send(dm, ChatMessage.of("hi")))
        .isInstanceOfSatisfying(ChatFailure.Permanent.class, e -> assertThat(e.code()).isEqualTo(error));
  }

  @Test
  void theSpecsOwnErrorExampleIsUnderstood() {
    slack.stubFor(post("/api/chat.postMessage").willReturn(okJson(example("chat.postMessage.error.json"))));
    assertThatThrownBy(() -> platform.send(dm, ChatMessage.of("hi"))).isInstanceOf(ChatFailure.class);
    slack.stubFor(post("/api/conversations.open").willReturn(okJson(example("conversations.open.error.json"))));
    assertThatThrownBy(() -> platform.openDirect(new PlatformIdentity(Platform.SLACK, "T0001", "U404")))
        .isInstanceOfSatisfying(ChatFailure.Permanent.class, e -> assertThat(e.code()).isEqualTo("channel_not_found"));
  }

  @Test
  void findsPeopleByEmailSoImportedPeopleCanBeReached() throws Exception {
    slack.stubFor(post("/api/users.lookupByEmail").withRequestBody(containing("email=ana%40example.com"))
        .willReturn(okJson(example("users.lookupByEmail.ok.json"))));
    slack.stubFor(post("/api/users.lookupByEmail").withRequestBody(containing("email=nobody%40example.com"))
        .willReturn(okJson(example("users.lookupByEmail.error.json"))));
    assertThat(platform.findPersonByEmail("ana@example.com")).hasValueSatisfying(identity -> {
      assertThat(identity.workspaceId()).isEqualTo("T0001");
      assertThat(identity.userId()).startsWith("W").isNotBlank();
    });
    assertThat(platform.findPersonByEmail("nobody@example.com")).isEmpty();
  }

  @Test
  void findsAGroupMessageAlreadySentWithTheSameDeliveryKeyButCannotLookIntoDirectMessages() throws Exception {
    slack.stubFor(post("/api/conversations.history").willReturn(okJson("""
        {"ok": true, "messages": [
          {"type": "message", "ts": "1700000001.000100", "text": "other"},
          {"type": "message", "ts": "1700000000.000200", "text": "Did you meet?",
           "metadata": {"event_type": "mentoring_delivery", "event_payload": {"key": "nudge:42"}}}
        ]}""")));
    Conversation group = new Conversation(Platform.SLACK, dm.workspaceId(), "G0PAIR");
    assertThat(platform.findSentMessage(group, "nudge:42")).contains("1700000000.000200");
    assertThat(platform.findSentMessage(group, "nudge:43")).isEmpty();
    // a direct message: no im:history, so no lookup (and no call that would need it); it is sent again
    assertThat(dm.id()).startsWith("D");
    slack.resetRequests();
    assertThat(platform.findSentMessage(dm, "nudge:42")).isEmpty();
    slack.verify(0, postRequestedFor(urlEqualTo("/api/conversations.history")));
  }
}
