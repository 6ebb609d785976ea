package org.rmbot.mentoring.chat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.rmbot.mentoring.participant.Platform;

/** The chat platforms this bot instance is connected to, one implementation per platform. */
public final class ChatPlatforms {
  private final Map<Platform, ChatPlatform> byPlatform = new EnumMap<>(Platform.class);

  public ChatPlatforms(ChatPlatform... platforms) {
    for (ChatPlatform platform : platforms) {
      if (byPlatform.put(platform.platform(), platform) != null) {
        throw new IllegalArgumentException("two implementations for " + platform.platform());
      }
    }
  }

  public java.util.Collection<ChatPlatform> all() {
    return java.util.List.copyOf(byPlatform.values());
  }

  public Optional<ChatPlatform> of(Platform platform) {
    return Optional.ofNullable(byPlatform.get(platform));
  }
}
