package org.rmbot.mentoring.infra;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Settings of {@code serve} beyond storage: where to listen, who the first admins are, instance name. */
record ServerSettings(String host, int port, Set<String> admins, String instanceId, int dispatchEverySeconds) {

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
    String instance = env.get("MENTORING_INSTANCE_ID");
    if (instance == null || instance.isBlank()) {
      instance = hostName() + "-" + ProcessHandle.current().pid();
    }
    String every = env.getOrDefault("MENTORING_DISPATCH_EVERY_SECONDS", "5").trim();
    int dispatchEvery;
    try {
      dispatchEvery = Integer.parseInt(every);
    } catch (NumberFormatException e) {
      dispatchEvery = -1;
    }
    if (dispatchEvery < 1 || dispatchEvery > 3600) {
      throw new IllegalArgumentException("MENTORING_DISPATCH_EVERY_SECONDS must be a whole number from 1 to 3600, not '" + every + "'");
    }
    return new ServerSettings(env.getOrDefault("HOST", "0.0.0.0").trim(), port, admins, instance.trim(), dispatchEvery);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "bot";
    }
  }
}
