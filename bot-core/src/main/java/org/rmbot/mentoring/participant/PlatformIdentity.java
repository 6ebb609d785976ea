package org.rmbot.mentoring.participant;

import org.rmbot.mentoring.common.StorableText;

/**
 * How a person is known on one platform: Slack (team id, user id) or Teams (tenant id, AAD
 * object id).
 */
public record PlatformIdentity(Platform platform, String workspaceId, String userId) {
  public PlatformIdentity {
    workspaceId = StorableText.of(workspaceId);
    userId = StorableText.of(userId);
    if (workspaceId == null || workspaceId.isBlank() || userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("a platform identity needs a workspace and a user id");
    }
  }
}
