package org.rmbot.mentoring.infra;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.rmbot.mentoring.infra.http.WebServer;

/**
 * Settings of {@code serve} beyond storage: where to listen, who the first admins are, instance
 * name, and how delivery paces itself.
 *
 * @param deliveryLeaseSeconds how long a claimed nudge stays with this instance; after a crash,
 *     the nudges it held go out once this has passed (at once if it restarts under the same
 *     name). It must stay above the longest a send may take (Slack's client gives up after
 *     10 s, Teams delivery after 60 s): a send still in flight when its lease ends may be sent
 *     again by another instance
 * @param slackMessagesPerSecond the workspace-wide budget for Slack messages (Slack publishes no
 *     figure; a workspace that Slack allows more can raise it)
 * @param maxRequestBytes the largest request body any endpoint accepts (413 above it)
 */
record ServerSettings(String host, int port, Set<String> admins, String instanceId, int dispatchEverySeconds,
    int deliveryLeaseSeconds, int slackMessagesPerSecond, int maxRequestBytes) {
  private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9._-]{1,100}");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[?[0-9A-Fa-f:.]{2,45}]?");

  static ServerSettings from(Map<String, String> env) {
    String portText = env.getOrDefault("PORT", "3000").trim();
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("PORT must be a number from 0 to 65535, not '" + portText + "'");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("PORT must be a number from 0 to 65535, not " + port);
    }
    Set<String> admins = Arrays.stream(env.getOrDefault("MENTORING_ADMINS", "").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    // each entry is checked by ConfiguredAdmins, which knows the forms an admin is written in
    String instance = env.get("MENTORING_INSTANCE_ID");
    if (instance == null || instance.isBlank()) {
      instance = hostName().replaceAll("[^A-Za-z0-9._-]", "-") + "-" + ProcessHandle.current().pid();
    } else if (!INSTANCE.matcher(instance.trim()).matches()) {
      throw new IllegalArgumentException("MENTORING_INSTANCE_ID must be 1 to 100 letters, digits, dots, dashes or"
          + " underscores, not '" + instance.trim() + "'");
    }
    String host = env.getOrDefault("HOST", "0.0.0.0").trim();
    if (!HOST.matcher(host).matches()) {
      throw new IllegalArgumentException("HOST must be a host name or an IP address to listen on, not '" + host + "'");
    }
    return new ServerSettings(host, port, admins, instance.trim(),
        wholeNumber(env, "MENTORING_DISPATCH_EVERY_SECONDS", 5, 1, 3600),
        wholeNumber(env, "MENTORING_DELIVERY_LEASE_SECONDS", 120, 90, 3600),
        wholeNumber(env, "SLACK_MESSAGES_PER_SECOND", 5, 1, 1000),
        wholeNumber(env, "MENTORING_MAX_REQUEST_BYTES", WebServer.DEFAULT_MAX_REQUEST_BYTES, 16 * 1024, 16 * 1024 * 1024));
  }

  private static int wholeNumber(Map<String, String> env, String name, int otherwise, int min, int max) {
    String text = env.getOrDefault(name, String.valueOf(otherwise)).trim();
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      value = min - 1;
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", not '" + text + "'");
    }
    return value;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "bot";
    }
  }
}
