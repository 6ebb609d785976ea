package org.rmbot.mentoring.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatFailure;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.ChatPlatform;
import org.rmbot.mentoring.chat.Conversation;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * The outbound chat port over the Bot Connector, through the SDK's adapter and connector client.
 *
 * <ul>
 *   <li><b>Direct messages</b> go to the person's personal conversation with the bot, kept from
 *       the activities the bot has seen ({@link TeamsPeople}); for someone the bot has seen only
 *       in a team or group chat, a personal conversation is created with the connector's
 *       CreateConversation. Someone the bot has never seen (the app is not installed for them)
 *       is found by email in the member lists of the teams and group chats the bot is installed
 *       in ({@link RosterSearch}) and reached the same way; someone in none of them cannot be
 *       reached: a permanent failure, {@code no_conversation_reference}.
 *   <li><b>Groups</b>: a bot cannot create a Teams group chat through the Bot Framework (the
 *       connector's CreateConversation makes 1:1 chats only; group chats need Microsoft Graph
 *       with delegated user permissions). So {@link #openGroup} returns a "pair" conversation
 *       that stands for the people's 1:1 chats, and a message sent to it goes into each of them
 *       with a line saying so. Its id is {@code pair:} followed by the 1:1 conversation ids.
 *   <li>Proactive sends use the SDK's {@code continueConversation} with the stored reference;
 *       each delivery key is recorded, so {@link #findSentMessage} can find a message a crashed
 *       attempt already sent, and a pair message half sent is completed, not repeated.
 *   <li><b>Files</b> go through Teams' file-consent card in the person's 1:1 chat ({@link
 *       FileConsent}): the person accepts each file into their OneDrive.
 * </ul>
 */
public final class TeamsChatPlatform implements ChatPlatform {
  private static final Catalogue WORDS = Catalogue.english();
  static final String PAIR = "pair:";
  static final String PAIR_NOTE = WORDS.phrase("teams.pair_note");
  private static final long TIMEOUT_SECONDS = 60;

  private final TeamsAdapter adapter;
  private final TeamsPeople people;
  private final AdaptiveCardRenderer renderer;
  private final FileConsent files;
  private final RosterSearch rosters;

  public TeamsChatPlatform(TeamsAdapter adapter, TeamsPeople people, AdaptiveCardRenderer renderer, FileConsent files,
      Clock clock) {
    this.adapter = adapter;
    this.people = people;
    this.renderer = renderer;
    this.files = files;
    this.rosters = new RosterSearch(adapter, people, clock);
  }

  @Override
  public Platform platform() {
    return Platform.TEAMS;
  }

  @Override
  public Conversation openDirect(PlatformIdentity person) throws ChatFailure {
    TeamsPeople.Seen seen = people.find(person.workspaceId(), person.userId())
        .orElseThrow(() -> new ChatFailure.Permanent("no_conversation_reference"));
    if (seen.personalConversationId() != null) {
      return new Conversation(Platform.TEAMS, person.workspaceId(), seen.personalConversationId());
    }
    ConversationParameters parameters = new ConversationParameters();
    parameters.setIsGroup(false);
    parameters.setBot(new ChannelAccount("28:" + adapter.appId()));
    parameters.setMembers(List.of(new ChannelAccount(seen.userId())));
    parameters.setTenantId(seen.tenantId());
    TeamsChannelData data = new TeamsChannelData();
    data.setTenant(new TenantInfo(seen.tenantId()));
    parameters.setChannelData(data);
    AtomicReference<ConversationReference> created = new AtomicReference<>();
    try {
      adapter.createPersonalConversation(seen.serviceUrl(), parameters, turn -> {
        created.set(turn.getActivity().getConversationReference());
        return java.util.concurrent.CompletableFuture.completedFuture(null);
      }).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatFailure.Transient("interrupted", e);
    } catch (Exception e) {
      throw ConnectorFailures.from(e);
    }
    ConversationReference reference = created.get();
    reference.setActivityId(null);
    reference.getConversation().setConversationType("personal");
    reference.setUser(new ChannelAccount(seen.userId()));
    String conversationId = reference.getConversation().getId();
    people.seen(new TeamsPeople.Seen(seen.tenantId(), seen.aadObjectId(), seen.userId(), null, seen.serviceUrl(),
        conversationId, write(reference)));
    return new Conversation(Platform.TEAMS, person.workspaceId(), conversationId);
  }

  @Override
  public Conversation openGroup(List<PlatformIdentity> members) throws ChatFailure {
    if (members.size() == 1) {
      return openDirect(members.get(0));
    }
    List<String> ids = new ArrayList<>();
    for (PlatformIdentity person : members) {
      ids.add(openDirect(person).id());
    }
    return new Conversation(Platform.TEAMS, members.get(0).workspaceId(), PAIR + String.join(" ", ids));
  }

  @Override
  public String send(Conversation conversation, ChatMessage message) throws ChatFailure {
    if (!conversation.id().startsWith(PAIR)) {
      return sendOne(conversation.id(), message);
    }
    ChatMessage each = withNote(message);
    List<String> sent = new ArrayList<>();
    for (String direct : directs(conversation)) {
      Optional<String> earlier = message.deliveryKey() == null ? Optional.empty()
          : people.deliveredActivity(direct, message.deliveryKey());
      sent.add(earlier.isPresent() ? earlier.get() : sendOne(direct, each));
    }
    return String.join(" ", sent);
  }

  /** The message's cards, one activity each; the last one's id stands for the message (its buttons come last). */
  private String sendOne(String conversationId, ChatMessage message) throws ChatFailure {
    String activityId = "";
    for (var card : renderer.render(message)) {
      activityId = sendActivity(conversationId, TeamsBot.cardActivity(card, message.fallbackText()));
    }
    if (message.deliveryKey() != null) {
      people.recordDelivery(conversationId, message.deliveryKey(), activityId);
    }
    return activityId;
  }

  private String sendActivity(String conversationId, Activity activity) throws ChatFailure {
    ConversationReference reference = reference(conversationId);
    AtomicReference<String> id = new AtomicReference<>();
    // SendToConversation: a new message, not a reply to the continuation's made-up activity id
    activity.applyConversationReference(reference);
    activity.setReplyToId(null);
    proactive(reference, turn -> {
      ConnectorClient client = turn.getTurnState().get(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY);
      return client.getConversations().sendToConversation(reference.getConversation().getId(), activity)
          .thenAccept(r -> id.set(r == null ? null : r.getId()));
    });
    return id.get() == null ? "" : id.get();
  }

  @Override
  public void update(Conversation conversation, String messageId, ChatMessage message) throws ChatFailure {
    if (!conversation.id().startsWith(PAIR)) {
      updateOne(conversation.id(), messageId, message);
      return;
    }
    List<String> directs = directs(conversation);
    String[] ids = messageId.split(" ");
    if (ids.length != directs.size()) {
      throw new ChatFailure.Permanent("message_not_found");
    }
    for (int i = 0; i < ids.length; i++) {
      updateOne(directs.get(i), ids[i], withNote(message));
    }
  }

  /** Replaces the card; what does not fit in one card follows as new ones. */
  private void updateOne(String conversationId, String messageId, ChatMessage message) throws ChatFailure {
    ConversationReference reference = reference(conversationId);
    List<com.fasterxml.jackson.databind.node.ObjectNode> cards = renderer.render(message);
    Activity activity = TeamsBot.cardActivity(cards.get(0), message.fallbackText());
    activity.setId(messageId);
    proactive(reference, turn -> turn.updateActivity(activity).thenApply(r -> null));
    for (var card : cards.subList(1, cards.size())) {
      sendActivity(conversationId, TeamsBot.cardActivity(card, message.fallbackText()));
    }
  }

  /**
   * Offers the file with a file-consent card in the person's 1:1 chat (a small chart comes inline
   * too) and returns the card's message id; the upload happens when they accept ({@link
   * FileConsent}). Teams lets bots send files only in 1:1 chats, so a pair conversation is refused.
   */
  @Override
  public String upload(Conversation conversation, byte[] content, String fileName, String title) throws ChatFailure {
    if (conversation.id().startsWith(PAIR)) {
      throw new ChatFailure.Permanent("files_only_in_direct_chats");
    }
    reference(conversation.id());
    String id = "";
    for (Activity activity : files.offer(conversation.id(), content, fileName, title)) {
      id = sendActivity(conversation.id(), activity);
    }
    return id;
  }

  /**
   * Looks for the email in the member lists of the teams and group chats the bot is in, and
   * remembers the person found, so that {@link #openDirect} can create a 1:1 chat with them.
   */
  @Override
  public Optional<PlatformIdentity> findPersonByEmail(String email) throws ChatFailure {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    Optional<TeamsPeople.Seen> found = rosters.find(email);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    TeamsPeople.Seen seen = found.get();
    people.seen(seen);
    return Optional.of(new PlatformIdentity(Platform.TEAMS, seen.tenantId(), seen.aadObjectId()));
  }

  @Override
  public Optional<String> findSentMessage(Conversation conversation, String deliveryKey) {
    if (!conversation.id().startsWith(PAIR)) {
      return people.deliveredActivity(conversation.id(), deliveryKey);
    }
    List<String> ids = new ArrayList<>();
    for (String direct : directs(conversation)) {
      Optional<String> sent = people.deliveredActivity(direct, deliveryKey);
      if (sent.isEmpty()) {
        return Optional.empty();
      }
      ids.add(sent.get());
    }
    return Optional.of(String.join(" ", ids));
  }

  private ConversationReference reference(String conversationId) throws ChatFailure {
    TeamsPeople.Seen seen = people.byPersonalConversation(conversationId)
        .filter(s -> s.personalReference() != null)
        .orElseThrow(() -> new ChatFailure.Permanent("no_conversation_reference"));
    try {
      ConversationReference reference = Json.MAPPER.readValue(seen.personalReference(), ConversationReference.class);
      // the latest service URL seen for the person, which may have moved since the reference was taken
      reference.setServiceUrl(seen.serviceUrl());
      return reference;
    } catch (Exception e) {
      throw new ChatFailure.Permanent("bad_conversation_reference");
    }
  }

  private void proactive(ConversationReference reference, com.microsoft.bot.builder.BotCallbackHandler work)
      throws ChatFailure {
    // the adapter hands pipeline errors to its turn-error handler, so the failure is caught here
    AtomicReference<Throwable> failed = new AtomicReference<>();
    try {
      adapter.continueConversation(adapter.appId(), reference, turn -> {
        try {
          return work.invoke(turn).exceptionally(e -> {
            failed.set(e);
            return null;
          });
        } catch (RuntimeException e) {
          failed.set(e);
          return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
      }).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatFailure.Transient("interrupted", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new ChatFailure.Transient("timeout", e);
    } catch (Exception e) {
      throw ConnectorFailures.from(e);
    }
    if (failed.get() != null) {
      throw ConnectorFailures.from(failed.get());
    }
  }

  private static List<String> directs(Conversation conversation) {
    return List.of(conversation.id().substring(PAIR.length()).split(" "));
  }

  private static ChatMessage withNote(ChatMessage message) {
    List<Block> blocks = new ArrayList<>(message.blocks());
    blocks.add(new Block.Context(PAIR_NOTE));
    return new ChatMessage(message.fallbackText(), blocks, message.deliveryKey());
  }

  private static String write(Object value) throws ChatFailure {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (Exception e) {
      throw new ChatFailure.Permanent("bad_conversation_reference");
    }
  }
}
