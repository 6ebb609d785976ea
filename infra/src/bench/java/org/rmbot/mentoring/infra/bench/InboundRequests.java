package org.rmbot.mentoring.infra.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.rmbot.mentoring.chat.ActionIds;

/**
 * Builds the requests of the inbound bench as the platforms send them, signed: Slack slash
 * commands and check-in button clicks (form posts with the v0 signature), Teams messages and
 * check-in card actions (Bot Framework activities with a bearer JWT). Participants take turns;
 * {@code status} always comes from the program's coordinator.
 */
final class InboundRequests {
  /** What one request is; the names are the bench's {@code --kinds} values. */
  enum Kind {
    SLACK_ME("slack-me"), SLACK_STATUS("slack-status"), SLACK_CHECKIN("slack-checkin"),
    TEAMS_ME("teams-me"), TEAMS_STATUS("teams-status"), TEAMS_CHECKIN("teams-checkin");

    final String label;

    Kind(String label) {
      this.label = label;
    }

    static Kind of(String label) {
      for (Kind kind : values()) {
        if (kind.label.equals(label)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown kind '" + label + "'; kinds are slack-me, slack-status, slack-checkin,"
          + " teams-me, teams-status, teams-checkin");
    }
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final LocalPlatforms platforms;
  private final URI slack;
  private final URI teams;
  private final List<LocalPlatforms.Person> paired;
  private final Map<Integer, Long> pairingOf;
  private final LocalPlatforms.Person coordinator;
  private final String today = LocalDate.now().toString();

  InboundRequests(LocalPlatforms platforms, int botPort, Map<Integer, Long> pairingOf,
      List<LocalPlatforms.Person> participants, LocalPlatforms.Person coordinator) {
    this.platforms = platforms;
    this.slack = URI.create("http://127.0.0.1:" + botPort + "/slack/events");
    this.teams = URI.create("http://127.0.0.1:" + botPort + "/api/messages");
    this.paired = participants.stream().filter(p -> pairingOf.containsKey(p.number())).toList();
    this.pairingOf = pairingOf;
    this.coordinator = coordinator;
    if (paired.isEmpty()) {
      throw new IllegalStateException("nobody was paired");
    }
  }

  /** The {@code seq}-th request of this kind. */
  HttpRequest request(Kind kind, long seq) {
    LocalPlatforms.Person who = paired.get((int) (seq % paired.size()));
    String checkIn = pairingOf.getOrDefault(who.number(), 0L) + "|" + today;
    return switch (kind) {
      case SLACK_ME -> slack(command(who, "me", seq));
      case SLACK_STATUS -> slack(command(coordinator, "status", seq));
      case SLACK_CHECKIN -> slack("payload=" + encode(blockAction(who, ActionIds.CHECK_IN_MET, checkIn, seq)));
      case TEAMS_ME -> teams(message(who, "me", seq));
      case TEAMS_STATUS -> teams(message(coordinator, "status", seq));
      case TEAMS_CHECKIN -> teams(invoke(who, ActionIds.CHECK_IN_MET, checkIn, seq));
    };
  }

  private HttpRequest slack(String body) {
    long timestamp = System.currentTimeMillis() / 1000;
    return HttpRequest.newBuilder(slack).timeout(TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
        .header("X-Slack-Signature", platforms.slackSignature(timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private HttpRequest teams(String activity) {
    return HttpRequest.newBuilder(teams).timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + platforms.teamsToken())
        .POST(HttpRequest.BodyPublishers.ofString(activity)).build();
  }

  private String command(LocalPlatforms.Person who, String text, long seq) {
    return "token=x&team_id=" + LocalPlatforms.SLACK_TEAM + "&team_domain=bench&channel_id=D0&user_id=" + who.slackId()
        + "&user_name=bench&command=%2Fmentoring&text=" + encode(text) + "&api_app_id=A1&response_url="
        + encode(platforms.slackResponseUrl("c" + seq)) + "&trigger_id=t" + seq;
  }

  private String blockAction(LocalPlatforms.Person who, String actionId, String value, long seq) {
    return "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + LocalPlatforms.SLACK_TEAM + "\",\"domain\":\"bench\"},"
        + "\"user\":{\"id\":\"" + who.slackId() + "\",\"username\":\"bench\",\"team_id\":\"" + LocalPlatforms.SLACK_TEAM + "\"},"
        + "\"api_app_id\":\"A1\",\"token\":\"x\",\"trigger_id\":\"t" + seq + "\","
        + "\"container\":{\"type\":\"message\",\"message_ts\":\"1.0\",\"channel_id\":\"D0\",\"is_ephemeral\":false},"
        + "\"channel\":{\"id\":\"D0\",\"name\":\"directmessage\"},"
        + "\"response_url\":\"" + platforms.slackResponseUrl("a" + seq) + "\","
        + "\"actions\":[{\"type\":\"button\",\"action_id\":\"" + actionId + "\",\"block_id\":\"b\",\"value\":\"" + value
        + "\",\"action_ts\":\"1.0\",\"text\":{\"type\":\"plain_text\",\"text\":\"We met\"}}]}";
  }

  private String message(LocalPlatforms.Person who, String text, long seq) {
    return activity(who, "message", seq, ",\"text\":\"" + text + "\",\"textFormat\":\"plain\"");
  }

  private String invoke(LocalPlatforms.Person who, String actionId, String value, long seq) {
    return activity(who, "invoke", seq, ",\"name\":\"adaptiveCard/action\",\"replyToId\":\"1767765488332\","
        + "\"value\":{\"action\":{\"type\":\"Action.Execute\",\"verb\":\"" + actionId + "\",\"data\":{\"rmAction\":\""
        + actionId + "\",\"rmValue\":\"" + value + "\"}},\"trigger\":\"manual\"}");
  }

  private String activity(LocalPlatforms.Person who, String type, long seq, String rest) {
    return "{\"type\":\"" + type + "\",\"channelId\":\"msteams\",\"id\":\"bench-" + seq + "\",\"serviceUrl\":\""
        + platforms.teamsServiceUrl() + "\",\"from\":{\"id\":\"" + who.teamsId() + "\",\"name\":\"" + who.name()
        + "\",\"aadObjectId\":\"" + who.aad() + "\"},\"recipient\":{\"id\":\"28:" + LocalPlatforms.APP_ID
        + "\",\"name\":\"Mentoring\"},\"conversation\":{\"id\":\"" + who.conversationId()
        + "\",\"conversationType\":\"personal\",\"tenantId\":\"" + LocalPlatforms.TENANT + "\"},"
        + "\"channelData\":{\"tenant\":{\"id\":\"" + LocalPlatforms.TENANT + "\"}},\"localTimezone\":\"Europe/London\""
        + rest + "}";
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
