package org.rmbot.mentoring.infra.bench;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.BitSet;

/**
 * The bench's stand-in for a chat platform, as a WireMock extension: opens conversations
 * freely, accepts at most {@code rate} messages in each wall-clock second (429 with
 * Retry-After: 1 above that, as Slack does), and records every accepted message by the pairing
 * in its delivery key in a bit set, so duplicates and losses are counted without keeping the
 * messages.
 */
final class RateLimitedInbox implements ResponseDefinitionTransformerV2 {
  private final int rate;
  private final BitSet delivered = new BitSet();
  private long second = -1;
  private int acceptedThisSecond;
  private long accepted;
  private long duplicates;
  private long limited;
  private long requests;
  private long firstAcceptedNanos;
  private long lastAcceptedNanos;

  RateLimitedInbox(int rate) {
    this.rate = rate;
  }

  @Override
  public String getName() {
    return "rate-limited-inbox";
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    String url = event.getRequest().getUrl();
    String body = event.getRequest().getBodyAsString();
    if (url.endsWith("/conversations.open")) {
      return json(200, "{\"ok\":true,\"channel\":\"C" + Integer.toHexString(body.hashCode()) + "\"}");
    }
    if (!url.endsWith("/chat.postMessage")) {
      return json(404, "{\"ok\":false,\"error\":\"unknown_method\"}");
    }
    int pairing = pairingOf(body);
    synchronized (this) {
      requests++;
      long now = System.nanoTime();
      long thisSecond = System.currentTimeMillis() / 1000;
      if (thisSecond != second) {
        second = thisSecond;
        acceptedThisSecond = 0;
      }
      if (acceptedThisSecond >= rate) {
        limited++;
        return tooMany();
      }
      acceptedThisSecond++;
      accepted++;
      if (accepted == 1) {
        firstAcceptedNanos = now;
      }
      lastAcceptedNanos = now;
      if (pairing >= 0) {
        if (delivered.get(pairing)) {
          duplicates++;
        } else {
          delivered.set(pairing);
        }
      }
      return json(200, "{\"ok\":true,\"ts\":\"" + accepted + "\"}");
    }
  }

  private static ResponseDefinition tooMany() {
    return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition()
        .withStatus(429).withHeader("Retry-After", "1").withHeader("Content-Type", "application/json")
        .withBody("{\"ok\":false,\"error\":\"ratelimited\"}").build();
  }

  private static ResponseDefinition json(int status, String body) {
    return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status).withHeader("Content-Type", "application/json").withBody(body).build();
  }

  /** The pairing id inside the delivery key ({@code .../pairing:<id>/...}), or -1. */
  static int pairingOf(String body) {
    int at = body.indexOf("pairing:");
    if (at < 0) {
      return -1;
    }
    int end = at + "pairing:".length();
    int value = 0;
    while (end < body.length() && Character.isDigit(body.charAt(end))) {
      value = value * 10 + (body.charAt(end++) - '0');
    }
    return value;
  }

  synchronized int delivered() {
    return delivered.cardinality();
  }

  synchronized long duplicates() {
    return duplicates;
  }

  synchronized long limited() {
    return limited;
  }

  synchronized long requests() {
    return requests;
  }

  synchronized long accepted() {
    return accepted;
  }

  /** Accepted messages per second between the first and the last one. */
  synchronized double achievedRate() {
    double seconds = (lastAcceptedNanos - firstAcceptedNanos) / 1e9;
    return seconds <= 0 ? accepted : (accepted - 1) / seconds;
  }
}
