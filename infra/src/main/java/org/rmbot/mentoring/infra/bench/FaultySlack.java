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
 * With {@code history} off, conversations.history finds nothing, as on a platform that cannot
 * look sent messages up: then a crash between Slack accepting and the ledger recording shows as
 * a duplicate, which is how the campaign measures that bound.
 */
final class FaultySlack implements ResponseDefinitionTransformerV2 {
  static final String TEAM = "T-BENCH";

  /** What a message that is picked for a fault gets on its first attempt. */
  enum FaultKind {
    HTTP_500, HTTP_503, RESET_BEFORE, RESET_AFTER_ACCEPTING, TIMEOUT_AFTER_ACCEPTING, SLOW
  }

  record Settings(int faultPerMille, int goneEvery, boolean history, int stormEverySeconds, int stormSeconds,
      long seed, int timeoutMillis) {}

  private final Settings settings;
  private final long startedMillis = System.currentTimeMillis();
  private final Map<String, Integer> acceptedByKey = new HashMap<>();
  private final Map<String, Integer> attemptsByKey = new HashMap<>();
  private final Map<String, List<String[]>> channels = new HashMap<>();
  private final Map<FaultKind, Integer> faults = new EnumMap<>(FaultKind.class);
  private final Map<String, FaultKind> faultOf = new HashMap<>();
  private long accepted;
  private long limited;
  private long gone;
  private long historyHits;

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
      // as Slack does: a direct message is a D channel (which the bot, without im:history, cannot look up), a group a G one
      case "conversations.open" -> json("{\"ok\":true,\"channel\":{\"id\":\"" + (call.param("users").contains(",") ? "G" : "D")
          + call.param("users").replace(",", "-") + "\"}}");
      case "chat.postMessage" -> post(call.param("channel"), keyOf(call.param("metadata")));
      case "conversations.history" -> history(call.param("channel"));
      default -> ResponseDefinitionBuilder.responseDefinition().withStatus(404)
          .withBody("{\"ok\":false,\"error\":\"unknown_method\"}").build();
    };
  }

  private ResponseDefinition post(String channel, String key) {
    if (key == null) {
      return json("{\"ok\":false,\"error\":\"invalid_arguments\"}");
    }
    FaultKind fault;
    String ts;
    synchronized (this) {
      if (pairingOf(key) % settings.goneEvery() == 0) {
        gone++;
        return json("{\"ok\":false,\"error\":\"channel_not_found\"}");
      }
      int attempt = attemptsByKey.merge(key, 1, Integer::sum);
      fault = attempt == 1 ? faultFor(key) : null;
      if (fault != null) {
        faults.merge(fault, 1, Integer::sum);
        faultOf.put(key, fault);
      }
      if (fault == FaultKind.HTTP_500 || fault == FaultKind.HTTP_503 || fault == FaultKind.RESET_BEFORE) {
        ts = null;
      } else {
        accepted++;
        ts = "1700000000." + String.format("%06d", accepted);
        acceptedByKey.merge(key, 1, Integer::sum);
        channels.computeIfAbsent(channel, c -> new ArrayList<>()).add(new String[] {ts, key});
      }
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

  private boolean inStorm() {
    if (settings.stormEverySeconds() <= 0) {
      return false;
    }
    long second = (System.currentTimeMillis() - startedMillis) / 1000;
    // the first storm comes after one full period, so start-up is not in one
    return second >= settings.stormEverySeconds() && second % settings.stormEverySeconds() < settings.stormSeconds();
  }

  /** The same messages fail in every run with the same seed. Called holding the lock. */
  private FaultKind faultFor(String key) {
    long h = mix(key.hashCode() ^ settings.seed());
    if (Math.floorMod(h, 1000) >= settings.faultPerMille()) {
      return null;
    }
    // kinds in turn, so even a small run meets each of them
    FaultKind[] kinds = FaultKind.values();
    return kinds[faultOf.size() % kinds.length];
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

  /** Duplicated messages by the fault their first attempt met ({@code none} when it met none). */
  synchronized Map<String, Integer> duplicatesByFault() {
    Map<String, Integer> causes = new java.util.TreeMap<>();
    acceptedByKey.forEach((key, count) -> {
      if (count > 1) {
        causes.merge(faultOf.containsKey(key) ? faultOf.get(key).name() : "none", count - 1, Integer::sum);
      }
    });
    return causes;
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
