package org.rmbot.mentoring.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.Message;
import com.slack.api.util.http.SlackHttpClient;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.rmbot.mentoring.chat.ChatFailure;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.ChatPlatform;
import org.rmbot.mentoring.chat.Conversation;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;

/**
 * The outbound chat port over Slack's Web API, through the real Slack client. Every message the
 * bot posts with a delivery key carries it as message metadata, so a delivery to a group
 * conversation that may have reached Slack before a crash can be found again instead of being
 * sent twice (direct messages cannot: see {@link #findSentMessage}).
 */
public final class SlackChatPlatform implements ChatPlatform {
  static final String METADATA_EVENT = "mentoring_delivery";

  /** Error codes that will not go away by trying again (Slack Web API docs). */
  private static final Set<String> PERMANENT = Set.of(
      "channel_not_found", "user_not_found", "users_not_found", "user_not_visible", "user_disabled",
      "is_archived", "not_in_channel", "invalid_blocks", "msg_blocks_too_long", "msg_too_long", "no_text",
      "invalid_auth", "account_inactive", "token_revoked", "token_expired", "not_authed", "missing_scope",
      "cannot_dm_bot", "method_not_supported_for_channel_type", "message_not_found", "cant_update_message",
      "edit_window_closed", "invalid_arguments", "too_many_attachments", "restricted_action", "team_access_not_granted");

  private final MethodsClient methods;
  private final String teamId;
  private final BlockKitRenderer renderer;

  /**
   * The Slack client the bot uses, for the Web API at {@code apiUrl}. Its HTTP client does not
   * silently send a request again when the connection breaks: OkHttp would, and a connection
   * reset after Slack took a message would then post it twice. The failure comes back to
   * delivery instead, which looks the message up by its delivery key before trying again.
   */
  public static Slack client(String apiUrl) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl);
    config.setPrettyResponseLoggingEnabled(false);
    // the Slack client's per-workspace statistics ask auth.test for the team first and log any
    // failure with a stack trace: the bot has its own rate limits and metrics, so they are off,
    // and a Slack that cannot be reached is one clear failure of the call that was made
    config.setStatsEnabled(false);
    SlackHttpClient http = new SlackHttpClient(
        SlackHttpClient.buildOkHttpClient(config).newBuilder().retryOnConnectionFailure(false).build());
    http.setConfig(config);
    return Slack.getInstance(config, http);
  }

  public SlackChatPlatform(Slack slack, String botToken, String teamId, BlockKitRenderer renderer) {
    this.methods = slack.methods(botToken);
    this.teamId = teamId;
    this.renderer = renderer;
  }

  @Override
  public Platform platform() {
    return Platform.SLACK;
  }

  @Override
  public Conversation openDirect(PlatformIdentity person) throws ChatFailure {
    return openGroup(List.of(person));
  }

  @Override
  public Conversation openGroup(List<PlatformIdentity> people) throws ChatFailure {
    String users = people.stream().map(PlatformIdentity::userId).collect(Collectors.joining(","));
    var response = call(() -> methods.conversationsOpen(r -> r.users(List.of(users.split(","))).returnIm(false)));
    return new Conversation(Platform.SLACK, people.get(0).workspaceId(), response.getChannel().getId());
  }

  /**
   * Posts the message, as several messages when it is longer than one may be. The last carries
   * the delivery key (so a message found by its key was sent whole) and its id is returned: it
   * holds the buttons, which come last.
   */
  @Override
  public String send(Conversation conversation, ChatMessage message) throws ChatFailure {
    List<BlockKitRenderer.Page> pages = renderer.pages(message);
    String ts = null;
    for (int i = 0; i < pages.size(); i++) {
      ts = post(conversation, pages.get(i), i == pages.size() - 1 ? message.deliveryKey() : null);
    }
    return ts;
  }

  private String post(Conversation conversation, BlockKitRenderer.Page page, String deliveryKey) throws ChatFailure {
    var response = call(() -> methods.chatPostMessage(r -> {
      r.channel(conversation.id()).text(page.text()).blocks(page.blocks().isEmpty() ? null : page.blocks())
          .unfurlLinks(false).unfurlMedia(false);
      if (deliveryKey != null) {
        r.metadata(com.slack.api.model.Message.Metadata.builder().eventType(METADATA_EVENT)
            .eventPayload(Map.of("key", deliveryKey)).build());
      }
      return r;
    }));
    return response.getTs();
  }

  /** Replaces the message; what does not fit in it follows as new messages. */
  @Override
  public void update(Conversation conversation, String messageId, ChatMessage message) throws ChatFailure {
    List<BlockKitRenderer.Page> pages = renderer.pages(message);
    BlockKitRenderer.Page first = pages.get(0);
    call(() -> methods.chatUpdate(r -> r.channel(conversation.id()).ts(messageId)
        .text(first.text()).blocks(first.blocks())));
    for (BlockKitRenderer.Page page : pages.subList(1, pages.size())) {
      post(conversation, page, null);
    }
  }

  @Override
  public String upload(Conversation conversation, byte[] content, String fileName, String title) throws ChatFailure {
    var response = call(() -> methods.filesUploadV2(r -> r.channel(conversation.id()).fileData(content)
        .filename(fileName).title(title)));
    return response.getFile() == null ? "" : response.getFile().getId();
  }

  /**
   * Looks in a group conversation's history (mpim:history) for the delivery key. Direct messages
   * cannot be looked up: the bot has no im:history, on purpose, so that nobody holding its token
   * can read an invitation back and tie its ballot token to the person (docs/PRIVACY.md); a
   * direct message whose first attempt may have arrived is sent again.
   */
  @Override
  public Optional<String> findSentMessage(Conversation conversation, String deliveryKey) throws ChatFailure {
    if (conversation.id().startsWith("D")) {
      return Optional.empty();
    }
    var response = call(() -> methods.conversationsHistory(r -> r.channel(conversation.id())
        .includeAllMetadata(true).limit(50)));
    if (response.getMessages() == null) {
      return Optional.empty();
    }
    for (Message m : response.getMessages()) {
      var metadata = m.getMetadata();
      if (metadata != null && METADATA_EVENT.equals(metadata.getEventType()) && metadata.getEventPayload() != null
          && deliveryKey.equals(String.valueOf(metadata.getEventPayload().get("key")))) {
        return Optional.of(m.getTs());
      }
    }
    return Optional.empty();
  }

  /** users.lookupByEmail (scope users:read.email): reaches people imported by email. */
  @Override
  public Optional<PlatformIdentity> findPersonByEmail(String email) throws ChatFailure {
    try {
      var response = call(() -> methods.usersLookupByEmail(r -> r.email(email)));
      return response.getUser() == null ? Optional.empty()
          : Optional.of(new PlatformIdentity(Platform.SLACK, teamId, response.getUser().getId()));
    } catch (ChatFailure.Permanent e) {
      return Optional.empty(); // users_not_found: not in this workspace
    }
  }

  public String teamId() {
    return teamId;
  }

  @FunctionalInterface
  interface SlackCall<T extends SlackApiTextResponse> {
    T call() throws IOException, SlackApiException;
  }

  /** Runs one Web API call and sorts any failure into what delivery should do next. */
  static <T extends SlackApiTextResponse> T call(SlackCall<T> call) throws ChatFailure {
    T response;
    try {
      response = call.call();
    } catch (SlackApiException e) {
      int status = e.getResponse().code();
      if (status == 429) {
        throw new ChatFailure.RateLimited(retryAfter(e.getResponse().header("Retry-After")));
      }
      if (status >= 500) {
        throw new ChatFailure.Transient("http_" + status);
      }
      String error = e.getError() != null && e.getError().getError() != null ? e.getError().getError() : "http_" + status;
      throw status == 408 ? new ChatFailure.Transient(error) : new ChatFailure.Permanent(error);
    } catch (InterruptedIOException e) {
      throw new ChatFailure.Transient("timeout", e);
    } catch (IOException e) {
      throw new ChatFailure.Transient("io_error", e);
    }
    if (response.isOk()) {
      return response;
    }
    String error = response.getError() == null ? "unknown_error" : response.getError();
    if (error.equals("ratelimited") || error.equals("rate_limited")) {
      throw new ChatFailure.RateLimited(Duration.ofSeconds(1));
    }
    if (PERMANENT.contains(error)) {
      throw new ChatFailure.Permanent(error);
    }
    throw new ChatFailure.Transient(error);
  }

  static Duration retryAfter(String header) {
    try {
      long seconds = header == null ? 1 : Long.parseLong(header.trim());
      return Duration.ofSeconds(Math.max(1, Math.min(seconds, 3600)));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(1);
    }
  }
}
