package org.rmbot.mentoring.infra.bench;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.rmbot.mentoring.infra.demo.SlackCall;

/**
 * The fault campaign's Slack, as a WireMock extension: answers the Web API calls {@code serve}
 * makes to deliver nudges the way Slack does (auth.test, conversations.open,
 * chat.postMessage with message metadata, conversations.history with that metadata), records
 * every accepted message by its delivery key, and misbehaves on purpose:
 *
 * <ul>
 *   <li>a share of messages fail on their first attempt: 500, 503, a connection reset before
 *       Slack took the message, a reset or a timeout <em>after</em> Slack took it (the reply is
 *       lost, the message is there), or a slow answer;
 *   <li>429 storms: for {@code stormSeconds} of every {@code stormEverySeconds}, every call is
 *       answered 429 with Retry-After: 1;
 *   <li>messages for pairings whose id is a multiple of {@code goneEvery} get channel_not_found,
 *       an error no retry can fix.
 * </ul>
 *
 * conversations.open answers as Slack does: one person is a direct message, a {@code D}
 * channel, several a group, a {@code G} one, and the same people always get the same channel.
 * The bot's app has no {@code im:history}, so conversations.history on a direct message answers
 * {@code missing_scope}, as Slack would (and is counted: the bot should never ask). With {@code
 * history} off, conversations.history finds nothing in groups either, as on a platform that
 * cannot look sent messages up: then a crash between Slack accepting and the ledger recording
 * shows as a duplicate, which is how the campaign measures that bound.
 *
 * <p>For a kill at the worst moment the campaign can have Slack take the next messages of one
 * bot (by its token) and hold their answers ({@link #holdAnswers}) until it has killed that bot.
 * Every duplicate is counted per kind of conversation and by what became of the copy before it
 * ({@link Fate}), so each cause of a repeat can be checked against what caused it.
 */
final class FaultySlack implements ResponseDefinitionTransformerV2 {
  static final String TEAM = "T-BENCH";

  /** What a message that is picked for a fault gets on its first attempt. */
  enum FaultKind {
    HTTP_500, HTTP_503, RESET_BEFORE, RESET_AFTER_ACCEPTING, TIMEOUT_AFTER_ACCEPTING, SLOW
  }

  record Settings(int faultPerMille, int goneEvery, boolean history, int stormEverySeconds, int stormSeconds,
      long seed, int timeoutMillis) {}

  /**
   * What became of a copy Slack took, so what a later copy of the same message is owed to:
   * answered (the bot had the answer and lost it itself, in a kill or a database outage before
   * the ledger recorded it), its answer lost to a reset or a timeout, or held until the bot was
   * killed.
   */
  enum Fate {
    ANSWERED, RESET_AFTER_ACCEPTING, TIMEOUT_AFTER_ACCEPTING, HELD_AT_KILL
  }

  /** The two kinds of conversation, by the first letter of their channel id. */
  enum ConversationKind {
    DIRECT, GROUP;

    static ConversationKind of(String channel) {
      return channel.startsWith("D") ? DIRECT : GROUP;
    }
  }

  private final Settings settings;
  private final long startedMillis = System.currentTimeMillis();
  private final Map<String, Integer> acceptedByKey = new HashMap<>();
  private final Map<String, ConversationKind> kindOfKey = new HashMap<>();
  private final Map<String, Fate> lastFate = new HashMap<>();
  private final Map<ConversationKind, Map<Fate, Integer>> duplicateCauses = new EnumMap<>(ConversationKind.class);
  private final Map<String, Integer> attemptsByKey = new HashMap<>();
  private final Map<String, List<String[]>> channels = new HashMap<>();
  private final Map<String, String> channelOfPeople = new HashMap<>();
  private final Map<FaultKind, Integer> faults = new EnumMap<>(FaultKind.class);
  private final Map<ConversationKind, Integer> faultTurns = new EnumMap<>(ConversationKind.class);
  private final Map<ConversationKind, Integer> uncertain = new EnumMap<>(ConversationKind.class);
  private final Map<ConversationKind, Integer> held = new EnumMap<>(ConversationKind.class);
  private String holdToken;
  private int holdLeft;
  private int heldNow;
  private CountDownLatch holdRelease = new CountDownLatch(0);
  private long accepted;
  private long limited;
  private long gone;
  private long historyHits;
  private long directHistoryAsked;

  FaultySlack(Settings settings) {
    this.settings = settings;
  }

  @Override
  public String getName() {
    return "faulty-slack";
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    String url = event.getRequest().getUrl();
    SlackCall call = new SlackCall(0, null, url, event.getRequest().getBodyAsString());
    String method = call.method();
    if (method.equals("auth.test")) {
      return json("{\"ok\":true,\"team_id\":\"" + TEAM + "\",\"user\":\"mentoring-bot\",\"user_id\":\"UBOT\"}");
    }
    if (inStorm()) {
      synchronized (this) {
        limited++;
      }
      return ResponseDefinitionBuilder.responseDefinition().withStatus(429).withHeader("Retry-After", "1")
          .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"ratelimited\"}").build();
    }
    return switch (method) {
      case "conversations.open" -> json("{\"ok\":true,\"channel\":{\"id\":\"" + open(call.param("users")) + "\"}}");
      case "chat.postMessage" -> post(call.param("channel"), keyOf(call.param("metadata")),
          event.getRequest().getHeader("Authorization"));
      case "conversations.history" -> history(call.param("channel"));
      default -> ResponseDefinitionBuilder.responseDefinition().withStatus(404)
          .withBody("{\"ok\":false,\"error\":\"unknown_method\"}").build();
    };
  }

  /**
   * As Slack does: the same channel for the same people, whoever asks and however often; a
   * direct message (one person) is a D channel, a group a G one.
   */
  private synchronized String open(String users) {
    List<String> people = new ArrayList<>(List.of(users.split(",")));
    people.sort(null);
    return channelOfPeople.computeIfAbsent(String.join(",", people), p -> (people.size() == 1 ? "D" : "G")
        + String.format("%08X", channelOfPeople.size() + 1));
  }

  private ResponseDefinition post(String channel, String key, String authorization) {
    if (key == null) {
      return json("{\"ok\":false,\"error\":\"invalid_arguments\"}");
    }
    FaultKind fault;
    String ts;
    CountDownLatch release = null;
    synchronized (this) {
      if (pairingOf(key) % settings.goneEvery() == 0) {
        gone++;
        return json("{\"ok\":false,\"error\":\"channel_not_found\"}");
      }
      ConversationKind kind = ConversationKind.of(channel);
      int attempt = attemptsByKey.merge(key, 1, Integer::sum);
      fault = attempt == 1 ? faultFor(key, kind) : null;
      if (fault != null) {
        faults.merge(fault, 1, Integer::sum);
        if (fault == FaultKind.RESET_AFTER_ACCEPTING || fault == FaultKind.TIMEOUT_AFTER_ACCEPTING) {
          uncertain.merge(kind, 1, Integer::sum);
        }
      }
      if (fault == FaultKind.HTTP_500 || fault == FaultKind.HTTP_503 || fault == FaultKind.RESET_BEFORE) {
        ts = null;
      } else {
        accepted++;
        ts = "1700000000." + String.format("%06d", accepted);
        if (acceptedByKey.merge(key, 1, Integer::sum) > 1) {
          duplicateCauses.computeIfAbsent(kind, k -> new EnumMap<>(Fate.class)).merge(lastFate.get(key), 1, Integer::sum);
        }
        kindOfKey.putIfAbsent(key, kind);
        channels.computeIfAbsent(channel, c -> new ArrayList<>()).add(new String[] {ts, key});
        Fate fate = fault == FaultKind.RESET_AFTER_ACCEPTING ? Fate.RESET_AFTER_ACCEPTING
            : fault == FaultKind.TIMEOUT_AFTER_ACCEPTING ? Fate.TIMEOUT_AFTER_ACCEPTING
            : holdLeft > 0 && ("Bearer " + holdToken).equals(authorization) ? Fate.HELD_AT_KILL : Fate.ANSWERED;
        if (fate == Fate.HELD_AT_KILL) {
          holdLeft--;
          heldNow++;
          held.merge(kind, 1, Integer::sum);
          release = holdRelease;
        }
        lastFate.put(key, fate);
      }
    }
    if (release != null) {
      awaitRelease(release);
    }
    if (fault == null) {
      return json("{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\"}");
    }
    return switch (fault) {
      case HTTP_500 -> ResponseDefinitionBuilder.responseDefinition().withStatus(500).build();
      case HTTP_503 -> ResponseDefinitionBuilder.responseDefinition().withStatus(503).build();
      case RESET_BEFORE, RESET_AFTER_ACCEPTING ->
          ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
      case TIMEOUT_AFTER_ACCEPTING -> ResponseDefinitionBuilder.responseDefinition().withStatus(200)
          .withFixedDelay(settings.timeoutMillis()).withBody("{\"ok\":true,\"ts\":\"" + ts + "\"}").build();
      case SLOW -> ResponseDefinitionBuilder.responseDefinition().withStatus(200).withFixedDelay(1_500)
          .withHeader("Content-Type", "application/json")
          .withBody("{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\"}").build();
    };
  }

  private ResponseDefinition history(String channel) {
    if (ConversationKind.of(channel) == ConversationKind.DIRECT) {
      synchronized (this) {
        directHistoryAsked++;
      }
      return json("{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"im:history\",\"provided\":\"chat:write,im:write\"}");
    }
    JsonArray messages = new JsonArray();
    synchronized (this) {
      List<String[]> sent = settings.history() ? channels.getOrDefault(channel, List.of()) : List.of();
      if (!sent.isEmpty()) {
        historyHits++;
      }
      for (int i = sent.size() - 1; i >= 0; i--) {
        JsonObject payload = new JsonObject();
        payload.addProperty("key", sent.get(i)[1]);
        JsonObject metadata = new JsonObject();
        metadata.addProperty("event_type", "mentoring_delivery");
        metadata.add("event_payload", payload);
        JsonObject message = new JsonObject();
        message.addProperty("type", "message");
        message.addProperty("ts", sent.get(i)[0]);
        message.add("metadata", metadata);
        messages.add(message);
      }
    }
    JsonObject answer = new JsonObject();
    answer.addProperty("ok", true);
    answer.add("messages", messages);
    answer.addProperty("has_more", false);
    return json(answer.toString());
  }

  /** Held until the campaign has killed the bot that sent it; the answer then goes to a closed connection. */
  private static void awaitRelease(CountDownLatch release) {
    try {
      if (!release.await(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("a held answer was never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * From now on, the next {@code count} messages Slack takes from the bot with this token (and
   * would answer) are recorded, and their answers held until {@link #releaseHeld}: as
   * if that bot died with each of them taken by Slack and none answered yet.
   */
  synchronized void holdAnswers(String token, int count) {
    holdRelease.countDown();
    holdRelease = new CountDownLatch(1);
    holdToken = token;
    holdLeft = count;
    heldNow = 0;
  }

  /** Messages whose answers the current hold keeps. */
  synchronized int holding() {
    return heldNow;
  }

  /** Ends the hold: its answers go out (to connections the kill has closed). */
  synchronized void releaseHeld() {
    holdRelease.countDown();
    holdToken = null;
    holdLeft = 0;
  }

  private boolean inStorm() {
    if (settings.stormEverySeconds() <= 0) {
      return false;
    }
    long second = (System.currentTimeMillis() - startedMillis) / 1000;
    // the first storm comes after one full period, so start-up is not in one
    return second >= settings.stormEverySeconds() && second % settings.stormEverySeconds() < settings.stormSeconds();
  }

  /** The same messages fail in every run with the same seed. Called holding the lock. */
  private FaultKind faultFor(String key, ConversationKind conversation) {
    long h = mix(key.hashCode() ^ settings.seed());
    if (Math.floorMod(h, 1000) >= settings.faultPerMille()) {
      return null;
    }
    // kinds in turn, for each kind of conversation, so even a small run meets each of them in both
    FaultKind[] kinds = FaultKind.values();
    return kinds[(faultTurns.merge(conversation, 1, Integer::sum) - 1) % kinds.length];
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  private static String keyOf(String metadata) {
    if (metadata == null) {
      return null;
    }
    JsonObject payload = JsonParser.parseString(metadata).getAsJsonObject().getAsJsonObject("event_payload");
    return payload == null || !payload.has("key") ? null : payload.get("key").getAsString();
  }

  /** The pairing id inside a delivery key ({@code .../pairing:<id>/...}). */
  static long pairingOf(String key) {
    int at = key.indexOf("pairing:");
    int end = at + "pairing:".length();
    long value = 0;
    while (end < key.length() && Character.isDigit(key.charAt(end))) {
      value = value * 10 + (key.charAt(end++) - '0');
    }
    return value;
  }

  private static ResponseDefinition json(String body) {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(body).build();
  }

  /** Distinct messages Slack holds. */
  synchronized int delivered() {
    return acceptedByKey.size();
  }

  /** Messages Slack holds beyond the first for their delivery key. */
  synchronized long duplicates() {
    return accepted - acceptedByKey.size();
  }

  synchronized Set<String> deliveredKeys() {
    return Set.copyOf(acceptedByKey.keySet());
  }

  /** Distinct messages Slack holds in this kind of conversation. */
  synchronized int delivered(ConversationKind kind) {
    return (int) kindOfKey.values().stream().filter(kind::equals).count();
  }

  /** Messages Slack holds beyond the first for their delivery key, in this kind of conversation. */
  synchronized int duplicates(ConversationKind kind) {
    return duplicateCauses(kind).values().stream().mapToInt(Integer::intValue).sum();
  }

  /** This kind of conversation's duplicates by what became of the copy before each ({@link Fate}). */
  synchronized Map<Fate, Integer> duplicateCauses(ConversationKind kind) {
    Map<Fate, Integer> causes = new EnumMap<>(Fate.class);
    causes.putAll(duplicateCauses.getOrDefault(kind, Map.of()));
    return causes;
  }

  /** Both kinds' duplicates by what became of the copy before each. */
  synchronized Map<Fate, Integer> duplicateCauses() {
    Map<Fate, Integer> all = new EnumMap<>(Fate.class);
    duplicateCauses.values().forEach(causes -> causes.forEach((fate, n) -> all.merge(fate, n, Integer::sum)));
    return all;
  }

  /** Messages in this kind of conversation whose answers a hold kept, over all holds. */
  synchronized int held(ConversationKind kind) {
    return held.getOrDefault(kind, 0);
  }

  /** Channels conversations.open has given out for this kind of conversation. */
  synchronized int opened(ConversationKind kind) {
    return (int) channelOfPeople.values().stream().filter(c -> ConversationKind.of(c) == kind).count();
  }

  /**
   * First attempts in this kind of conversation that Slack took but whose answer was lost (a reset
   * or a timeout after accepting): where the bot cannot know the message arrived.
   */
  synchronized int uncertain(ConversationKind kind) {
    return uncertain.getOrDefault(kind, 0);
  }

  /** conversations.history calls on direct messages, each refused for the missing im:history scope. */
  synchronized long directHistoryAsked() {
    return directHistoryAsked;
  }

  synchronized Map<FaultKind, Integer> faults() {
    return new EnumMap<>(faults);
  }

  synchronized long limited() {
    return limited;
  }

  synchronized long gone() {
    return gone;
  }

  synchronized long historyHits() {
    return historyHits;
  }
}
