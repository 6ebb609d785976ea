package org.rmbot.mentoring.infra.bench;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rmbot.mentoring.infra.bench.FaultySlack.ConversationKind.DIRECT;
import static org.rmbot.mentoring.infra.bench.FaultySlack.ConversationKind.GROUP;
import static org.rmbot.mentoring.infra.bench.FaultySlack.Fate.ANSWERED;
import static org.rmbot.mentoring.infra.bench.FaultySlack.Fate.HELD_AT_KILL;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.slack.SlackChatPlatform;

/**
 * The fault campaign's Slack, driven through the bot's own Slack client: it opens direct
 * messages as Slack does, refuses to read them back, and counts each repeat by what became of
 * the copy before it, so the campaign's duplicate figures per kind can be trusted.
 */
class FaultySlackTest {
  private final FaultySlack slack = new FaultySlack(new FaultySlack.Settings(0, 1_000_000, true, 0, 0, 1, 12_000));
  private final WireMockServer api = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
      .disableRequestJournal().extensions(slack));
  private final ExecutorService senders = Executors.newFixedThreadPool(4);
  private MethodsClient bot;
  private MethodsClient otherBot;

  @BeforeEach
  void start() {
    api.start();
    api.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.ok()));
    bot = SlackChatPlatform.client(api.baseUrl() + "/api/").methods("xoxb-one");
    otherBot = SlackChatPlatform.client(api.baseUrl() + "/api/").methods("xoxb-two");
  }

  @AfterEach
  void stop() {
    slack.releaseHeld();
    senders.shutdownNow();
    api.stop();
  }

  @Test
  void theSamePeopleGetTheSameConversationAndADirectMessageCannotBeReadBack() throws Exception {
    String ana = open(bot, "U1");
    assertThat(ana).startsWith("D").isEqualTo(open(otherBot, "U1")).isNotEqualTo(open(bot, "U2"));
    String pair = open(bot, "U1,U2");
    assertThat(pair).startsWith("G").isEqualTo(open(bot, "U2,U1"));
    assertThat(slack.opened(DIRECT)).isEqualTo(2);
    assertThat(slack.opened(GROUP)).isEqualTo(1);

    var history = bot.conversationsHistory(r -> r.channel(ana).includeAllMetadata(true).limit(50));
    assertThat(history.isOk()).isFalse();
    assertThat(history.getError()).isEqualTo("missing_scope");
    assertThat(slack.directHistoryAsked()).isEqualTo(1);
  }

  @Test
  void messagesHeldAtAKillAndSentAgainAreCountedPerKindAsHeld() throws Exception {
    String dm1 = open(bot, "U1");
    String dm2 = open(bot, "U3");
    String group = open(bot, "U5,U6");
    String elsewhere = open(otherBot, "U7");
    post(otherBot, elsewhere, "pairing:4/mentor_preparation");

    slack.holdAnswers("xoxb-one", 3);
    List<Future<?>> inFlight = new ArrayList<>();
    inFlight.add(senders.submit(() -> post(bot, dm1, "pairing:1/mentor_preparation")));
    inFlight.add(senders.submit(() -> post(bot, dm2, "pairing:2/mentor_preparation")));
    inFlight.add(senders.submit(() -> post(bot, group, "pairing:3/introduction")));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (slack.holding() < 3 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
    assertThat(slack.holding()).as("three answers held").isEqualTo(3);
    // the other bot is not held
    post(otherBot, open(otherBot, "U8"), "pairing:5/mentor_preparation");
    slack.releaseHeld();
    for (Future<?> f : inFlight) {
      f.get();
    }

    // after the kill: the bot, knowing of none of them, sends all again, and the other bot one of its own
    post(bot, dm1, "pairing:1/mentor_preparation");
    post(bot, dm2, "pairing:2/mentor_preparation");
    post(bot, group, "pairing:3/introduction");
    post(otherBot, elsewhere, "pairing:4/mentor_preparation");

    assertThat(slack.held(DIRECT)).isEqualTo(2);
    assertThat(slack.held(GROUP)).isEqualTo(1);
    assertThat(slack.duplicateCauses(DIRECT)).isEqualTo(Map.of(HELD_AT_KILL, 2, ANSWERED, 1));
    assertThat(slack.duplicateCauses(GROUP)).isEqualTo(Map.of(HELD_AT_KILL, 1));
    assertThat(slack.duplicates(DIRECT)).isEqualTo(3);
    assertThat(slack.duplicates()).isEqualTo(4);
    assertThat(slack.delivered(DIRECT)).isEqualTo(4);
    assertThat(slack.delivered(GROUP)).isEqualTo(1);
  }

  private static String open(MethodsClient client, String users) throws Exception {
    var open = client.conversationsOpen(r -> r.users(List.of(users.split(","))));
    assertThat(open.isOk()).as(open.getError()).isTrue();
    return open.getChannel().getId();
  }

  private static Void post(MethodsClient client, String channel, String key) throws Exception {
    var posted = client.chatPostMessage(r -> r.channel(channel).text("hello")
        .metadata(Message.Metadata.builder().eventType("mentoring_delivery").eventPayload(Map.of("key", key)).build()));
    assertThat(posted.isOk()).as(posted.getError()).isTrue();
    return null;
  }
}
