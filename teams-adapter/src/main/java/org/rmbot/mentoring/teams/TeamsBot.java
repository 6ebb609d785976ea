package org.rmbot.mentoring.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsActivityHandler;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.AdaptiveCardInvokeValue;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.teams.FileConsentCardResponse;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.conversation.ChatDesk;
import org.rmbot.mentoring.conversation.Reply;
import org.rmbot.mentoring.feedback.FeedbackInvitation;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.wording.Catalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot: every Teams activity becomes at most one {@link ChatDesk} call, and the neutral
 * {@link Reply} goes back into the same conversation.
 *
 * <ul>
 *   <li>Messages are commands. The bot's own {@code <at>} mention is removed; other mentions
 *       become the core's neutral {@code <@AAD object id>}.
 *   <li>{@code Action.Execute} buttons and form submits arrive as {@code adaptiveCard/action}
 *       invokes and are answered in the same HTTP response: the clicked card is replaced (so it
 *       cannot be pressed twice), or a short message is shown with the card left as it was.
 *   <li>{@code Action.Submit} (older clients) arrives as a message whose {@code value} holds the
 *       button's data or the form's inputs; the card is updated through the connector.
 *   <li>Every activity refreshes what the bot knows about the sender ({@link TeamsPeople}):
 *       their personal conversation and latest service URL, for proactive messages later; and
 *       about the team or group chat it came from, whose member list finds people by email.
 *   <li>{@code fileConsent/invoke}: the person allowed or declined a file ({@link FileConsent}).
 * </ul>
 */
public final class TeamsBot extends TeamsActivityHandler {
  private static final Logger log = LoggerFactory.getLogger(TeamsBot.class);
  private static final Catalogue WORDS = Catalogue.english();
  static final int MAX_TEXT = 4000;
  static final String SORRY = WORDS.phrase("teams.sorry");
  private static final Pattern AT_TAG = Pattern.compile("<at>[^<]*</at>");
  private static final String NO_LONGER_IN_USE = WORDS.phrase("teams.button_no_longer_in_use",
      "help", Markup.command("help"));

  private final ChatDesk desk;
  private final TeamsProfiles profiles;
  private final TeamsPeople people;
  private final AdaptiveCardRenderer renderer;
  private final FileConsent files;
  private final boolean unauthenticated;

  public TeamsBot(ChatDesk desk, TeamsProfiles profiles, TeamsPeople people, AdaptiveCardRenderer renderer,
      FileConsent files, boolean unauthenticated) {
    this.desk = desk;
    this.profiles = profiles;
    this.people = people;
    this.renderer = renderer;
    this.files = files;
    this.unauthenticated = unauthenticated;
  }

  @Override
  public CompletableFuture<Void> onTurn(TurnContext turn) {
    if (anonymous(turn.getActivity())) {
      // opening or sending an anonymous feedback form: nothing about the sender is written, not even "last seen"
      return super.onTurn(turn);
    }
    try {
      remember(turn.getActivity());
    } catch (RuntimeException e) {
      // a reference we could not store must not stop the person's request
      log.warn("could not store a conversation reference: {}", e.getClass().getName());
    }
    return super.onTurn(turn);
  }

  /**
   * Whether the activity is one of the anonymous feedback paths ({@code FeedbackInvitation.isAnonymous}):
   * the invitation's button or its form, as an {@code adaptiveCard/action} invoke or an older
   * client's message with a value.
   */
  static boolean anonymous(Activity activity) {
    Object raw = "invoke".equals(activity.getType()) && activity.getValue() != null
        ? Json.MAPPER.valueToTree(activity.getValue()).path("action").path("data")
        : activity.getValue();
    if (raw == null) {
      return false;
    }
    JsonNode data = raw instanceof JsonNode node ? node : Json.MAPPER.valueToTree(raw);
    return FeedbackInvitation.isAnonymous(data.path(AdaptiveCardRenderer.DATA_ACTION).asText(null))
        || FeedbackInvitation.isAnonymous(data.path(AdaptiveCardRenderer.DATA_FORM).asText(null));
  }

  /** The caller on an anonymous path: identity and zone from the activity, no profile lookup. */
  private Caller callerOf(TurnContext turn, PlatformIdentity identity) {
    return anonymous(turn.getActivity()) ? new Caller(identity, null, Optional.empty(), TeamsProfiles.zone(turn.getActivity()))
        : profiles.caller(turn, identity);
  }

  /** Stores the sender (and people added to a conversation) with the latest service URL. */
  void remember(Activity activity) {
    Optional<String> tenant = TeamsProfiles.tenant(activity);
    if (tenant.isEmpty() || activity.getServiceUrl() == null || activity.getConversation() == null) {
      return;
    }
    rosterOf(activity, tenant.get());
    boolean personal = "personal".equals(activity.getConversation().getConversationType());
    String reference = null;
    if (personal) {
      ConversationReference ref = activity.getConversationReference();
      // proactive messages are new messages, not replies to whatever was said last
      ref.setActivityId(null);
      reference = write(ref);
    }
    String conversationId = personal ? activity.getConversation().getId() : null;
    String finalReference = reference;
    remember(tenant.get(), activity.getFrom(), activity.getServiceUrl(), conversationId, finalReference);
    if (activity.getMembersAdded() != null) {
      for (ChannelAccount added : activity.getMembersAdded()) {
        remember(tenant.get(), added, activity.getServiceUrl(), conversationId, finalReference);
      }
    }
  }

  /**
   * A team (any of its channels) or group chat the bot is in, kept so its member list can be
   * read later; forgotten when the bot is removed from it.
   */
  private void rosterOf(Activity activity, String tenant) {
    String type = activity.getConversation().getConversationType();
    String id = "groupChat".equals(type) ? activity.getConversation().getId()
        : "channel".equals(type) && activity.getChannelData() != null
            ? Json.MAPPER.valueToTree(activity.getChannelData()).path("team").path("id").asText("") : "";
    if (id == null || id.isBlank()) {
      return;
    }
    String botId = activity.getRecipient() == null ? null : activity.getRecipient().getId();
    boolean botRemoved = botId != null && activity.getMembersRemoved() != null
        && activity.getMembersRemoved().stream().anyMatch(m -> botId.equals(m.getId()))
        || "installationUpdate".equals(activity.getType()) && activity.getAction() != null
        && activity.getAction().startsWith("remove");
    if (botRemoved) {
      people.leftRoster(id);
    } else {
      people.inRoster(new TeamsPeople.Roster(id, tenant, activity.getServiceUrl(), "groupChat".equals(type) ? "groupChat" : "team"));
    }
  }

  private void remember(String tenant, ChannelAccount account, String serviceUrl, String conversationId, String reference) {
    if (account == null || account.getAadObjectId() == null || account.getAadObjectId().isBlank()
        || account.getId() == null || !account.getId().startsWith("29:")) {
      return;
    }
    people.seen(new TeamsPeople.Seen(tenant, account.getAadObjectId(), account.getId(), account.getName(), serviceUrl,
        conversationId, reference));
  }

  @Override
  protected CompletableFuture<Void> onConversationUpdateActivity(TurnContext turn) {
    Activity activity = turn.getActivity();
    // the SDK switches on Teams' event type when nobody joined or left, and fails without one
    boolean nobodyMoved = activity.getMembersAdded() == null && activity.getMembersRemoved() == null;
    if (nobodyMoved && !Json.MAPPER.valueToTree(activity.getChannelData()).path("eventType").isTextual()) {
      return CompletableFuture.completedFuture(null);
    }
    return super.onConversationUpdateActivity(turn);
  }

  @Override
  protected CompletableFuture<Void> onEventActivity(TurnContext turn) {
    // the SDK switches on the event's name and fails on an event without one: nothing to do
    if (turn.getActivity().getName() == null) {
      return CompletableFuture.completedFuture(null);
    }
    return super.onEventActivity(turn);
  }

  @Override
  protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
    Activity activity = turn.getActivity();
    Optional<PlatformIdentity> identity = TeamsProfiles.identity(activity, unauthenticated);
    if (identity.isEmpty()) {
      return send(turn, text(WORDS.phrase("teams.only_in_an_organisation")));
    }
    JsonNode value = activity.getValue() == null ? null : Json.MAPPER.valueToTree(activity.getValue());
    if (value != null && value.isObject() && (value.has(AdaptiveCardRenderer.DATA_ACTION) || value.has(AdaptiveCardRenderer.DATA_FORM))) {
      return submitted(turn, identity.get(), (ObjectNode) value);
    }
    if (value != null && (activity.getText() == null || activity.getText().isBlank())) {
      return send(turn, card(ChatMessage.of(NO_LONGER_IN_USE)));
    }
    String raw = activity.getText() == null ? "" : activity.getText();
    if (raw.length() > MAX_TEXT) {
      return send(turn, card(ChatMessage.of(WORDS.phrase("teams.command_too_long",
          "max", String.valueOf(MAX_TEXT), "help", Markup.command("help")))));
    }
    Caller caller = profiles.caller(turn, identity.get());
    String command = commandText(turn, identity.get().workspaceId());
    Reply reply = safely(() -> profiles.during(turn, () -> desk.command(caller, command)));
    return answer(turn, reply, false);
  }

  /** An Action.Submit click or form (message activity with a value). */
  private CompletableFuture<Void> submitted(TurnContext turn, PlatformIdentity identity, ObjectNode data) {
    Caller caller = callerOf(turn, identity);
    if (data.has(AdaptiveCardRenderer.DATA_FORM)) {
      String formId = data.path(AdaptiveCardRenderer.DATA_FORM).asText("");
      Reply reply = safely(() -> profiles.during(turn, () -> desk.submit(caller, formId, inputs(data))));
      return answer(turn, reply, true);
    }
    Reply reply = safely(() -> profiles.during(turn, () -> desk.action(caller,
        data.path(AdaptiveCardRenderer.DATA_ACTION).asText(""), data.path(AdaptiveCardRenderer.DATA_VALUE).asText(""))));
    return answer(turn, reply, false);
  }

  /** Sends a reply in the conversation; a form's answer replaces the form card. */
  private CompletableFuture<Void> answer(TurnContext turn, Reply reply, boolean closesForm) {
    String cardId = turn.getActivity().getReplyToId();
    if (reply instanceof Reply.Replace replace) {
      return cardId != null ? update(turn, cardId, replace.message()) : send(turn, replace.message());
    }
    if (reply instanceof Reply.Say say) {
      return closesForm && cardId != null ? update(turn, cardId, say.message()) : send(turn, say.message());
    }
    if (reply instanceof Reply.ShowForm show) {
      return send(turn, cardActivity(renderer.render(show.form()), show.form().title()));
    }
    if (reply instanceof Reply.FormErrors errors) {
      return send(turn, text(errorsText(errors)));
    }
    return cardId != null && closesForm ? update(turn, cardId, cardActivity(renderer.closedForm(WORDS.phrase("teams.form.sent.title"),
        WORDS.phrase("teams.form.sent.text")), WORDS.phrase("teams.form.sent.summary")))
        : CompletableFuture.completedFuture(null);
  }

  @Override
  protected CompletableFuture<AdaptiveCardInvokeResponse> onAdaptiveCardInvoke(TurnContext turn, AdaptiveCardInvokeValue invoke) {
    Activity activity = turn.getActivity();
    Optional<PlatformIdentity> identity = TeamsProfiles.identity(activity, unauthenticated);
    JsonNode data = invoke.getAction() == null || invoke.getAction().getData() == null ? null
        : Json.MAPPER.valueToTree(invoke.getAction().getData());
    if (identity.isEmpty()) {
      return CompletableFuture.completedFuture(message(WORDS.phrase("teams.only_in_an_organisation")));
    }
    if (data == null || !data.isObject()
        || !(data.has(AdaptiveCardRenderer.DATA_ACTION) || data.has(AdaptiveCardRenderer.DATA_FORM))) {
      return CompletableFuture.completedFuture(message(plain(NO_LONGER_IN_USE)));
    }
    Caller caller = callerOf(turn, identity.get());
    if (data.has(AdaptiveCardRenderer.DATA_FORM)) {
      Reply reply = safely(() -> profiles.during(turn, () -> desk.submit(caller,
          data.path(AdaptiveCardRenderer.DATA_FORM).asText(""), inputs((ObjectNode) data))));
      if (reply instanceof Reply.FormErrors errors) {
        return CompletableFuture.completedFuture(message(errorsText(errors)));
      }
      if (reply instanceof Reply.Say say) {
        return replaceWith(turn, say.message());
      }
      if (reply instanceof Reply.Replace replace) {
        return replaceWith(turn, replace.message());
      }
      return CompletableFuture.completedFuture(replaceWith(renderer.closedForm(WORDS.phrase("teams.form.sent.title"), WORDS.phrase("teams.form.sent.text"))));
    }
    String verb = invoke.getAction().getVerb();
    String actionId = data.path(AdaptiveCardRenderer.DATA_ACTION).asText(verb == null ? "" : verb);
    Reply reply = safely(() -> profiles.during(turn, () -> desk.action(caller, actionId,
        data.path(AdaptiveCardRenderer.DATA_VALUE).asText(""))));
    if (reply instanceof Reply.Replace replace) {
      return replaceWith(turn, replace.message());
    }
    if (reply instanceof Reply.ShowForm show) {
      // the form comes as a new card, so the card with the button stays usable
      return send(turn, cardActivity(renderer.render(show.form()), show.form().title()))
          .thenApply(v -> message(WORDS.phrase("teams.form.sent_to_you", "title", plain(show.form().title()))));
    }
    if (reply instanceof Reply.Say say) {
      return CompletableFuture.completedFuture(message(plain(say.message().fallbackText())));
    }
    return CompletableFuture.completedFuture(message(WORDS.phrase("teams.done")));
  }

  @Override
  protected CompletableFuture<InvokeResponse> onTeamsFileConsent(TurnContext turn, FileConsentCardResponse response) {
    if (response == null || !("accept".equals(response.getAction()) || "decline".equals(response.getAction()))) {
      return CompletableFuture.completedFuture(new InvokeResponse(400, null));
    }
    return super.onTeamsFileConsent(turn, response);
  }

  @Override
  protected CompletableFuture<Void> onTeamsFileConsentAccept(TurnContext turn, FileConsentCardResponse response) {
    return files.accepted(turn, response);
  }

  @Override
  protected CompletableFuture<Void> onTeamsFileConsentDecline(TurnContext turn, FileConsentCardResponse response) {
    return files.declined(turn, response);
  }

  @Override
  protected CompletableFuture<Void> onMembersAdded(List<ChannelAccount> membersAdded, TurnContext turn) {
    Activity activity = turn.getActivity();
    boolean botAdded = membersAdded.stream().anyMatch(m -> activity.getRecipient() != null
        && m.getId() != null && m.getId().equals(activity.getRecipient().getId()));
    if (botAdded && activity.getConversation() != null && "personal".equals(activity.getConversation().getConversationType())) {
      return send(turn, ChatMessage.of(WORDS.phrase("teams.welcome",
          "help", Markup.command("help"), "join", Markup.command("join"))));
    }
    return CompletableFuture.completedFuture(null);
  }

  /** The message text as a command: bot mention gone, people as {@code <@AAD object id>}. */
  private String commandText(TurnContext turn, String tenant) {
    Activity activity = turn.getActivity();
    String text = activity.getText() == null ? "" : activity.getText();
    String botId = activity.getRecipient() == null ? "" : activity.getRecipient().getId();
    for (Mention mention : activity.getMentions()) {
      ChannelAccount who = mention.getMentioned();
      if (who == null || mention.getText() == null || who.getId() == null) {
        continue;
      }
      String replacement = "";
      if (!who.getId().equals(botId)) {
        String aad = who.getAadObjectId() != null ? who.getAadObjectId()
            : people.aadObjectIdOf(tenant, who.getId())
                .or(() -> profiles.member(turn, who.getId()).map(m -> m.getAadObjectId()))
                .orElse(who.getId());
        replacement = "<@" + aad + ">";
      }
      text = text.replace(mention.getText(), replacement);
    }
    // a mention without an entity (or of the bot by another name) is not a person we can name
    text = AT_TAG.matcher(text).replaceAll("");
    return unescape(text).strip();
  }

  private static String unescape(String text) {
    return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&");
  }

  /** Form inputs from a submission: everything but the card's own keys, as text. */
  private static Map<String, String> inputs(ObjectNode data) {
    Map<String, String> values = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      String key = field.getKey();
      if (key.equals(AdaptiveCardRenderer.DATA_FORM) || key.equals(AdaptiveCardRenderer.DATA_ACTION)
          || key.equals(AdaptiveCardRenderer.DATA_VALUE) || field.getValue().isContainerNode()) {
        continue;
      }
      String value = field.getValue().asText("");
      if (!value.isEmpty()) {
        values.put(key, value.length() > 10_000 ? value.substring(0, 10_000) : value);
      }
    }
    return values;
  }

  private static String errorsText(Reply.FormErrors errors) {
    return WORDS.phrase("teams.form.check_answers", "errors", String.join("\n- ", errors.errors().values()));
  }

  private static Reply safely(Supplier<Reply> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      log.error("a Teams request failed: {}", e.getClass().getName());
      return Reply.say(SORRY);
    }
  }

  private Activity card(ChatMessage message) {
    return cardActivity(renderer.render(message).get(0), message.fallbackText());
  }

  static Activity cardActivity(ObjectNode card, String summary) {
    Attachment attachment = new Attachment();
    attachment.setContentType(AdaptiveCardRenderer.CONTENT_TYPE);
    attachment.setContent(card);
    Activity activity = MessageFactory.attachment(attachment);
    activity.setSummary(AdaptiveCardRenderer.summary(summary, 200));
    return activity;
  }

  private static Activity text(String text) {
    return MessageFactory.text(text);
  }

  private static String plain(String neutral) {
    return AdaptiveCardRenderer.plain(neutral);
  }

  private static CompletableFuture<Void> send(TurnContext turn, Activity activity) {
    return turn.sendActivity(activity).thenApply(r -> null);
  }

  /** Every card of the message, one activity after another, in order. */
  private CompletableFuture<Void> send(TurnContext turn, ChatMessage message) {
    CompletableFuture<Void> sent = CompletableFuture.completedFuture(null);
    for (ObjectNode card : renderer.render(message)) {
      sent = sent.thenCompose(v -> send(turn, cardActivity(card, message.fallbackText())));
    }
    return sent;
  }

  /** The clicked card becomes the message's first card; the rest follow as new ones. */
  private CompletableFuture<Void> update(TurnContext turn, String activityId, ChatMessage message) {
    List<ObjectNode> cards = renderer.render(message);
    CompletableFuture<Void> sent = update(turn, activityId, cardActivity(cards.get(0), message.fallbackText()));
    for (ObjectNode card : cards.subList(1, cards.size())) {
      sent = sent.thenCompose(v -> send(turn, cardActivity(card, message.fallbackText())));
    }
    return sent;
  }

  private static CompletableFuture<Void> update(TurnContext turn, String activityId, Activity activity) {
    activity.setId(activityId);
    return turn.updateActivity(activity).thenApply(r -> null);
  }

  /** The invoke's answer replaces the card with the first card; the rest follow as new activities. */
  private CompletableFuture<AdaptiveCardInvokeResponse> replaceWith(TurnContext turn, ChatMessage message) {
    List<ObjectNode> cards = renderer.render(message);
    CompletableFuture<Void> rest = CompletableFuture.completedFuture(null);
    for (ObjectNode card : cards.subList(1, cards.size())) {
      rest = rest.thenCompose(v -> send(turn, cardActivity(card, message.fallbackText())));
    }
    return rest.thenApply(v -> replaceWith(cards.get(0)));
  }

  private static AdaptiveCardInvokeResponse replaceWith(ObjectNode card) {
    AdaptiveCardInvokeResponse response = new AdaptiveCardInvokeResponse();
    response.setStatusCode(200);
    response.setType(AdaptiveCardRenderer.CONTENT_TYPE);
    response.setValue(card);
    return response;
  }

  private static AdaptiveCardInvokeResponse message(String text) {
    AdaptiveCardInvokeResponse response = new AdaptiveCardInvokeResponse();
    response.setStatusCode(200);
    response.setType("application/vnd.microsoft.activity.message");
    response.setValue(text);
    return response;
  }

  private static String write(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException("could not write a conversation reference", e);
    }
  }
}
