package org.rmbot.mentoring.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;

/** The SDK's own JSON configuration, so activities read and write exactly as the SDK expects. */
final class Json {
  static final ObjectMapper MAPPER = new JacksonAdapter().serializer();

  private Json() {}
}
