package org.rmbot.mentoring.teams;

import java.util.List;
import java.util.Optional;

/**
 * What the bot knows about the Teams users it has seen: their Bot Framework user id, the latest
 * service URL and, once they have talked to the bot or installed it, their personal
 * conversation. Updated on every activity, read when the bot speaks first (nudges).
 */
public interface TeamsPeople {

  /** A user as last seen; {@code personalReference} is the SDK's ConversationReference as JSON. */
  record Seen(String tenantId, String aadObjectId, String userId, String displayName, String serviceUrl,
      String personalConversationId, String personalReference) {}

  /** Records a sighting. A null personal conversation keeps the one already stored. */
  void seen(Seen seen);

  Optional<Seen> find(String tenantId, String aadObjectId);

  /** The person whose personal conversation this is. */
  Optional<Seen> byPersonalConversation(String conversationId);

  /** The AAD object id behind a Bot Framework user id (29:...), if the bot has seen them. */
  Optional<String> aadObjectIdOf(String tenantId, String userId);

  /**
   * A team or group chat the bot is installed in, whose member list can be read to find people
   * the bot has never talked to. {@code kind} is {@code team} or {@code groupChat}.
   */
  record Roster(String conversationId, String tenantId, String serviceUrl, String kind) {}

  /** Records (or refreshes) a roster the bot is in. */
  void inRoster(Roster roster);

  /** The bot was removed from this team or group chat. */
  void leftRoster(String conversationId);

  /** The rosters the bot is in, most recently seen first. */
  List<Roster> rosters();

  void recordDelivery(String conversationId, String deliveryKey, String activityId);

  Optional<String> deliveredActivity(String conversationId, String deliveryKey);
}
