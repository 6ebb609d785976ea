package org.rmbot.mentoring.infra.demo;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rmbot.mentoring.infra.demo.Cast.Member;
import org.rmbot.mentoring.persistence.Database;
import org.rmbot.mentoring.persistence.DatabaseUrl;

/**
 * The demo in Microsoft Teams: people type in their 1:1 chat with the bot and press the
 * Adaptive Cards' {@code Action.Execute} buttons, through a {@link FakeTeamsConnector}. The bot
 * answers a message with a reply activity, a button or a form in the invoke's HTTP response
 * (the card replaced, or a short message), and sends nudges into people's 1:1 chats. A message
 * to a pair arrives as one copy in each person's chat (Teams bots cannot start group chats); the
 * transcript shows the two copies as one line for both people. Files come as file-consent cards:
 * pressing Allow has the bot put the file in the person's OneDrive (on the fake) and show a file card.
 */
final class TeamsDemoWorkspace implements DemoWorkspace {
  private static final String CARD = "application/vnd.microsoft.card.adaptive";
  private static final String FILE_CONSENT = "application/vnd.microsoft.teams.card.file.consent";

  private final FakeTeamsConnector teams;
  private final DatabaseUrl databaseUrl;
  private final Map<String, FakeTeamsConnector.Person> people = new HashMap<>();
  private final Map<String, String> titles = new HashMap<>();
  private Database database;

  /** @param databaseUrl the bot's database, where the Teams adapter records which delivery key each activity carried */
  TeamsDemoWorkspace(Clock clock, DatabaseUrl databaseUrl) {
    this.teams = new FakeTeamsConnector(clock);
    this.databaseUrl = databaseUrl;
  }

  @Override
  public Wording wording() {
    return new Wording("Teams", "core, Teams adapter, Bot Framework connector client",
        "an in-process fake Teams (Bot Connector, token endpoint and signing keys; every activity signed)",
        "in both people's 1:1 chats (a Teams bot cannot start a group chat)", "(in each 1:1 chat) ", "");
  }

  @Override
  public Map<String, String> env() {
    return teams.env();
  }

  @Override
  public String adminId(Member coordinator) {
    return "teams:" + FakeTeamsConnector.TENANT + ":" + FakeTeamsConnector.aadOf(coordinator.userId());
  }

  @Override
  public void botAt(String url) {
    teams.botAt(url);
  }

  @Override
  public void person(Member m) {
    people.put(m.userId(), teams.person(m.userId(), m.name(), m.email(), m.zone().getId()));
  }

  @Override
  public long mark() {
    return teams.lastSeq();
  }

  @Override
  public Answer command(Member who, String text) throws Exception {
    long before = teams.lastSeq();
    FakeTeamsConnector.Inbound sent = teams.message(inTeams(who), text);
    requireOk(sent, "\"" + text + "\"");
    FakeTeamsConnector.Sent reply = teams.sentAfter(before).stream().filter(s -> sent.id().equals(s.replyTo()))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new IllegalStateException("the bot did not answer \"" + text + "\""));
    return read(reply.activity());
  }

  @Override
  public Answer click(Member who, ShownMessage on, ShownMessage.Button button) throws Exception {
    if (button.actionId().equals(ShownMessage.ALLOW_FILE)) {
      return allowFile(who, button);
    }
    JsonObject data = new JsonObject();
    data.addProperty("rmAction", button.actionId());
    data.addProperty("rmValue", button.value());
    long before = teams.lastSeq();
    FakeTeamsConnector.Inbound sent = teams.execute(inTeams(who), null, button.actionId(), data);
    requireOk(sent, "a click on " + button.actionId());
    JsonObject answer = JsonParser.parseString(sent.response().body()).getAsJsonObject();
    if (CARD.equals(answer.get("type").getAsString())) {
      return Answer.of(ShownMessage.card(answer.getAsJsonObject("value"), ""));
    }
    // a form comes as a new card in the chat (so the clicked card stays usable), with a short note
    Optional<FakeTeamsConnector.Sent> form = teams.sentAfter(before).stream()
        .filter(s -> sent.id().equals(s.replyTo())).findFirst();
    if (form.isPresent()) {
      return read(form.get().activity());
    }
    return Answer.of(ShownMessage.card(textActivity(answer.get("value").getAsString()), ""));
  }

  @Override
  public Answer submit(Member who, ShownForm form, Map<String, String> values) throws Exception {
    JsonObject data = new JsonObject();
    data.addProperty("rmForm", form.callbackId());
    values.forEach(data::addProperty);
    FakeTeamsConnector.Inbound sent = teams.execute(inTeams(who), null, "rm.submit", data);
    requireOk(sent, "the " + form.title() + " form");
    JsonObject answer = JsonParser.parseString(sent.response().body()).getAsJsonObject();
    if (CARD.equals(answer.get("type").getAsString())) {
      return Answer.of(ShownMessage.card(answer.getAsJsonObject("value"), ""));
    }
    // the form stays as it was, with the bot's message saying what to correct
    return Answer.errors(answer.get("value").getAsString().replace("\n\n", " ").replace("\n", " "));
  }

  /**
   * Allow on a file-consent card: Teams echoes the card's accept context and gives an upload URL;
   * the bot puts the file there and answers with a file card (or says why it could not).
   */
  private Answer allowFile(Member who, ShownMessage.Button allow) throws Exception {
    FakeTeamsConnector.Person person = inTeams(who);
    JsonObject context = JsonParser.parseString(allow.value()).getAsJsonObject();
    FakeTeamsConnector.Sent card = teams.sentAfter(0).stream()
        .filter(s -> s.conversationId().equals(person.conversationId()) && consentCard(s.activity())
            .filter(c -> context.equals(c.getAsJsonObject("content").get("acceptContext"))).isPresent())
        .reduce((first, second) -> second)
        .orElseThrow(() -> new IllegalStateException("no file-consent card in " + who.name() + "'s chat for " + context));
    JsonObject attachment = consentCard(card.activity()).orElseThrow();
    String fileName = attachment.get("name").getAsString();
    long before = teams.lastSeq();
    FakeTeamsConnector.Inbound sent = teams.allowFile(person, card.id(), fileName, context);
    requireOk(sent, "Allow on " + fileName);
    titles.put(fileName, attachment.getAsJsonObject("content").get("description").getAsString());
    return read(teams.sentAfter(before).stream().filter(s -> sent.id().equals(s.replyTo())).findFirst()
        .orElseThrow(() -> new IllegalStateException("the bot did not answer Allow on " + fileName)).activity());
  }

  /** A reply activity: a form card, a message card, or plain text. */
  private static Answer read(JsonObject activity) {
    Optional<JsonObject> card = card(activity);
    if (card.isPresent() && ShownForm.isForm(card.get())) {
      return Answer.of(ShownForm.card(card.get()));
    }
    return Answer.of(ShownMessage.card(activity, ""));
  }

  @Override
  public List<Delivered> deliveredSince(long mark, Cast cast) {
    // copies of one message to a pair share a delivery key: one entry, seen by both
    Map<String, List<Member>> byKey = new LinkedHashMap<>();
    Map<String, Delivered> first = new LinkedHashMap<>();
    List<Delivered> delivered = new ArrayList<>();
    for (FakeTeamsConnector.Sent s : teams.sentAfter(mark)) {
      if (s.update() || s.replyTo() != null) {
        continue;
      }
      Member to = member(cast, s.conversationId());
      Optional<String> key = deliveryKey(s);
      ShownMessage message = ShownMessage.card(s.activity(), key.orElse(""));
      if (key.isEmpty()) {
        delivered.add(new Delivered(s.at(), List.of(to), message));
      } else {
        byKey.computeIfAbsent(key.get(), k -> new ArrayList<>()).add(to);
        first.putIfAbsent(key.get(), new Delivered(s.at(), List.of(to), message));
      }
    }
    first.forEach((key, d) -> delivered.add(new Delivered(d.at(), List.copyOf(byKey.get(key)), d.message())));
    return delivered;
  }

  @Override
  public List<Delivered> postedTo(Member who, long mark) {
    String conversation = inTeams(who).conversationId();
    List<Delivered> posted = new ArrayList<>();
    for (FakeTeamsConnector.Sent s : teams.sentAfter(mark)) {
      if (!s.update() && s.replyTo() == null && s.conversationId().equals(conversation)) {
        posted.add(new Delivered(s.at(), List.of(who), ShownMessage.card(s.activity(), "")));
      }
    }
    return posted;
  }

  /** The files the bot put in people's OneDrive once they pressed Allow, titled as their consent cards described them. */
  @Override
  public List<SharedFile> files() {
    return teams.uploads().stream()
        .map(u -> new SharedFile(u.fileName(), titles.getOrDefault(u.fileName(), u.fileName()), u.content())).toList();
  }

  private FakeTeamsConnector.Person inTeams(Member who) {
    FakeTeamsConnector.Person person = people.get(who.userId());
    if (person == null) {
      throw new IllegalStateException(who.name() + " is not in the fake Teams tenant");
    }
    return person;
  }

  private static Member member(Cast cast, String conversationId) {
    return cast.byUser(conversationId.substring("a:".length())).orElseThrow(() ->
        new IllegalStateException("a message went to an unknown Teams conversation " + conversationId));
  }

  /** The delivery key the adapter recorded for this activity (nudges carry one; replies do not). */
  private Optional<String> deliveryKey(FakeTeamsConnector.Sent s) {
    if (database == null) {
      database = Database.connect(databaseUrl, 1);
    }
    return database.jdbi().withHandle(h -> h.createQuery(
            "select delivery_key from teams_delivery where conversation_id = :conversation and activity_id = :id")
        .bind("conversation", s.conversationId()).bind("id", s.id()).mapTo(String.class).findFirst());
  }

  private static Optional<JsonObject> card(JsonObject activity) {
    return attachment(activity, CARD).map(a -> a.getAsJsonObject("content"));
  }

  private static Optional<JsonObject> consentCard(JsonObject activity) {
    return attachment(activity, FILE_CONSENT);
  }

  /** The activity's first attachment of this content type. */
  private static Optional<JsonObject> attachment(JsonObject activity, String contentType) {
    if (!activity.has("attachments")) {
      return Optional.empty();
    }
    for (JsonElement attachment : activity.getAsJsonArray("attachments")) {
      JsonObject a = attachment.getAsJsonObject();
      if (contentType.equals(a.get("contentType").getAsString())) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  private static JsonObject textActivity(String text) {
    JsonObject activity = new JsonObject();
    activity.addProperty("type", "message");
    activity.addProperty("text", text);
    return activity;
  }

  private static void requireOk(FakeTeamsConnector.Inbound sent, String what) {
    int status = sent.response().statusCode();
    if (status < 200 || status > 202) {
      throw new IllegalStateException("Teams could not deliver " + what + " to the bot: HTTP " + status + " "
          + sent.response().body());
    }
  }

  @Override
  public void close() {
    if (database != null) {
      database.close();
    }
    teams.close();
  }
}
