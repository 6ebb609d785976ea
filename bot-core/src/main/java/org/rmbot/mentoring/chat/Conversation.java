package org.rmbot.mentoring.chat;

import org.rmbot.mentoring.participant.Platform;

/**
 * A conversation the bot can post into: a direct message with one person or a group
 * conversation, identified by the platform's own id (Slack channel id, Teams conversation id).
 */
public record Conversation(Platform platform, String workspaceId, String id) {
  public Conversation {
    if (workspaceId == null || workspaceId.isBlank() || id == null || id.isBlank()) {
      throw new IllegalArgumentException("a conversation needs a workspace and an id");
    }
  }
}
