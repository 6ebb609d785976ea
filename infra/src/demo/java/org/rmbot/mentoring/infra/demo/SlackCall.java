package org.rmbot.mentoring.infra.demo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request the bot made to the fake Slack, as recorded: a Web API call ({@code /api/<method>},
 * form encoded) or an answer posted to a response URL (JSON).
 *
 * @param seq the order of arrival, from 1
 * @param at the bot's clock when the request arrived (simulated time in the demo)
 * @param path the request path, such as {@code /api/chat.postMessage} or {@code /response/12}
 * @param body the raw body
 */
public record SlackCall(long seq, Instant at, String path, String body) {

  /** The Web API method ({@code chat.postMessage}), or {@code response} for a response URL. */
  public String method() {
    if (path.startsWith("/api/")) {
      return path.substring("/api/".length());
    }
    return path.startsWith("/response") ? "response" : path;
  }

  /** The form parameters of a Web API call, decoded; empty for a JSON body. */
  public Map<String, String> form() {
    if (body == null || body.isEmpty() || body.startsWith("{")) {
      return Map.of();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      values.put(name, value);
    }
    return Collections.unmodifiableMap(values);
  }

  public String param(String name) {
    return form().get(name);
  }

  /** The body with any form encoding undone, for searching in it. */
  public String decodedBody() {
    if (body == null || body.startsWith("{")) {
      return body == null ? "" : body;
    }
    return URLDecoder.decode(body, StandardCharsets.UTF_8);
  }
}
