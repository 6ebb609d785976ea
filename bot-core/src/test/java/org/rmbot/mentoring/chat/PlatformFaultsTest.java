package org.rmbot.mentoring.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.feedback.FeedbackCampaignsInAuditLog;
import org.rmbot.mentoring.nudge.Audience;
import org.rmbot.mentoring.nudge.DeliveringNudges;
import org.rmbot.mentoring.nudge.DeliveryLimits;
import org.rmbot.mentoring.nudge.Nudge;
import org.rmbot.mentoring.nudge.NudgeKind;
import org.rmbot.mentoring.nudge.NudgeLedger;
import org.rmbot.mentoring.nudge.NudgeLedgerInDatabase;
import org.rmbot.mentoring.nudge.NudgeState;
import org.rmbot.mentoring.nudge.PlannedNudge;
import org.rmbot.mentoring.nudge.RetryPolicy;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.testing.NudgeWorld;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/**
 * Delivery through a real HTTP client against a local WireMock server that misbehaves the way
 * chat platforms do: 429 with Retry-After, 5xx answers, answers slower than our timeout, and
 * permanent errors. Retries complete, only the hopeless go to the dead letters.
 */
class PlatformFaultsTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension final TestDatabase db = new TestDatabase();

  @Test
  void retriesFinishWhatCanBeDeliveredAndDeadLettersOnlyTheHopeless() {
    World world = new World(db.jdbi());
    world.clock.moveTo(Instant.parse("2026-01-05T10:00:00Z"));
    NudgeWorld setup = NudgeWorld.onFakeSlack(world);
    Program program = world.aReverseProgram();
    NudgeLedger ledger = new NudgeLedgerInDatabase(db.jdbi(), world.clock);
    List<String> names = List.of("rate limited", "flaky", "slow", "gone", "down");
    List<PlannedNudge> due = new ArrayList<>();
    List<String> users = new ArrayList<>();
    for (String name : names) {
      Person person = setup.aPersonIn("Person " + name, "Europe/London");
      String user = NudgeWorld.slackUser(person);
      users.add(user);
      server.stubFor(post(urlEqualTo("/conversations.open")).withRequestBody(matchingJsonPath("$.users[0]", equalTo(user)))
          .willReturn(okJson("{\"ok\": true, \"channel\": \"D-" + user + "\"}")));
      due.add(new PlannedNudge(program.id(), null, person.id(), Audience.PERSON, NudgeKind.KICKOFF, "kickoff",
          world.clock.instant(), null));
    }
    ledger.plan(due);
    answers(users.get(0), aResponse().withStatus(429).withHeader("Retry-After", "2")
        .withBody("{\"ok\": false, \"error\": \"ratelimited\"}"), delivered("1"));
    answers(users.get(1), aResponse().withStatus(500), aResponse().withStatus(502), delivered("2"));
    answers(users.get(2), delivered("3").withFixedDelay(6_000), delivered("4"));
    answers(users.get(3), okJson("{\"ok\": false, \"error\": \"user_not_found\"}"));
    answers(users.get(4), aResponse().withStatus(503), aResponse().withStatus(503), aResponse().withStatus(503),
        aResponse().withStatus(503));

    JsonHttpChatPlatform http = new JsonHttpChatPlatform(URI.create(server.baseUrl()), Duration.ofSeconds(4)); // slack enough for a loaded CI machine
    RetryPolicy retry = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10), RandomGenerator.of("L64X128MixRandom"));
    try (DeliveringNudges delivering = new DeliveringNudges(db.jdbi(), ledger, world.meetings, new ChatPlatforms(http),
        new DeliveryLimits(world.clock), new FeedbackCampaignsInAuditLog(world.audit), world.clock,
        new DeliveringNudges.Settings("worker", Duration.ofMinutes(1), 10, 1, retry))) {

      DeliveringNudges.Report first = delivering.dispatchDue();
      // the 429 paused the workspace: everyone after it in the batch waits its Retry-After
      assertThat(first.count(DeliveringNudges.Outcome.RETRYING)).isEqualTo(1);
      assertThat(first.count(DeliveringNudges.Outcome.DEFERRED)).isEqualTo(4);
      Nudge limited = ledger.ofProgram(program.id()).get(0);
      assertThat(limited.state()).isEqualTo(NudgeState.FAILED_RETRYING);
      assertThat(limited.lastError()).isEqualTo("rate_limited");
      assertThat(limited.attempts()).as("a 429 is not an attempt").isZero();
      assertThat(limited.nextAttemptAt()).isEqualTo(world.clock.instant().plusSeconds(2));

      for (int round = 0; round < 20 && ledger.nextAttemptAt().isPresent(); round++) {
        world.clock.advance(Duration.ofSeconds(15));
        delivering.dispatchAllDue();
      }
    } finally {
      setup.close();
    }

    Map<String, Nudge> byUser = new java.util.HashMap<>();
    List<Nudge> rows = ledger.ofProgram(program.id());
    for (int i = 0; i < rows.size(); i++) {
      byUser.put(names.get(i), rows.get(i));
    }
    assertThat(byUser.get("rate limited")).extracting(Nudge::state, Nudge::attempts, Nudge::platformMessageId)
        .containsExactly(NudgeState.SENT, 1, "1");
    assertThat(byUser.get("flaky")).extracting(Nudge::state, Nudge::attempts, Nudge::platformMessageId)
        .containsExactly(NudgeState.SENT, 3, "2");
    assertThat(byUser.get("slow")).extracting(Nudge::state, Nudge::attempts, Nudge::platformMessageId)
        .containsExactly(NudgeState.SENT, 2, "4");
    assertThat(byUser.get("gone")).extracting(Nudge::state, Nudge::attempts, Nudge::lastError)
        .containsExactly(NudgeState.DEAD, 1, "user_not_found");
    assertThat(byUser.get("down")).extracting(Nudge::state, Nudge::attempts, Nudge::lastError)
        .containsExactly(NudgeState.DEAD, 3, "http_503");
    assertThat(ledger.deadLetters(program.id())).extracting(Nudge::lastError).containsExactly("user_not_found", "http_503");
    int[] requests = {2, 3, 2, 1, 3};
    for (int i = 0; i < users.size(); i++) {
      server.verify(exactly(requests[i]), postRequestedFor(urlEqualTo("/chat.postMessage"))
          .withRequestBody(matchingJsonPath("$.channel", equalTo("D-" + users.get(i)))));
    }
    server.verify(exactly(3), postRequestedFor(urlEqualTo("/chat.postMessage"))
        .withRequestBody(matchingJsonPath("$.key", equalTo(byUser.get("down").idempotencyKey()))));
  }

  private static ResponseDefinitionBuilder delivered(String ts) {
    return okJson("{\"ok\": true, \"ts\": \"" + ts + "\"}");
  }

  /** The user's messages get these answers in turn; the last one repeats. */
  private static void answers(String user, ResponseDefinitionBuilder... answers) {
    for (int i = 0; i < answers.length; i++) {
      String state = i == 0 ? STARTED : "answer " + i;
      server.stubFor(post(urlEqualTo("/chat.postMessage"))
          .withRequestBody(matchingJsonPath("$.channel", equalTo("D-" + user)))
          .inScenario(user)
          .whenScenarioStateIs(state)
          .willSetStateTo(i + 1 < answers.length ? "answer " + (i + 1) : state)
          .willReturn(answers[i]));
    }
  }
}
