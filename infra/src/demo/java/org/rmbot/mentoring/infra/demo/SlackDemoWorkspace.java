package org.rmbot.mentoring.infra.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rmbot.mentoring.infra.demo.Cast.Member;

/**
 * The demo in Slack: people type {@code /mentoring} commands, click Block Kit buttons and submit
 * modals in a {@link FakeSlackWorkspace}; the bot answers through response URLs, opens modals
 * and posts into direct and group conversations.
 */
final class SlackDemoWorkspace implements DemoWorkspace {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final FakeSlackWorkspace slack;

  SlackDemoWorkspace(Clock clock) {
    this.slack = new FakeSlackWorkspace(clock);
  }

  @Override
  public Wording wording() {
    return new Wording("Slack", "core, Slack adapter, Slack client", "an in-process fake Slack", "in group DMs",
        "(group DM) ", "/mentoring ");
  }

  @Override
  public Map<String, String> env() {
    return Map.of(
        "SLACK_BOT_TOKEN", "xoxb-demo",
        "SLACK_SIGNING_SECRET", FakeSlackWorkspace.SIGNING_SECRET,
        "SLACK_API_URL", slack.apiUrl());
  }

  @Override
  public String adminId(Member coordinator) {
    return coordinator.userId();
  }

  @Override
  public void botAt(String url) {
    slack.botAt(url);
  }

  @Override
  public void person(Member m) {
    slack.person(m.userId(), m.name(), m.email(), m.zone().getId());
  }

  @Override
  public long mark() {
    return slack.lastSeq();
  }

  @Override
  public Answer command(Member who, String text) throws Exception {
    FakeSlackWorkspace.Sent sent = slack.command(who.userId(), text);
    requireOk(sent, "/mentoring " + text);
    if (sent.body().isBlank()) {
      // acknowledged without a word: the bot opens a form or answers through the response URL
      return answer(slack.awaitAnswer(sent, WAIT));
    }
    ShownMessage reply = ShownMessage.json(sent.body());
    if (reply.text().startsWith("Working on it")) {
      // too slow for Slack's 3 seconds, which depends on the machine: the answer that follows is what counts
      return answer(slack.awaitAnswer(sent, WAIT)); // a message, or the form a late `join` opens
    }
    return Answer.of(reply);
  }

  @Override
  public Answer click(Member who, ShownMessage on, ShownMessage.Button button) throws Exception {
    FakeSlackWorkspace.Sent sent = slack.click(who.userId(), button.actionId(), button.value());
    requireOk(sent, "a click on " + button.actionId());
    return answer(slack.awaitAnswer(sent, WAIT));
  }

  @Override
  public Answer submit(Member who, ShownForm form, Map<String, String> values) throws Exception {
    FakeSlackWorkspace.Sent sent = slack.submit(who.userId(), form.callbackId(), values, form.elementTypes());
    requireOk(sent, "the " + form.title() + " form");
    if (!sent.body().isBlank()) {
      return Answer.errors(sent.body());
    }
    return Answer.of(ShownMessage.posted(slack.awaitPostTo(who.userId(), sent, WAIT)));
  }

  private static Answer answer(SlackCall call) {
    return call.method().equals("views.open") ? Answer.of(ShownForm.opened(call)) : Answer.of(ShownMessage.json(call.body()));
  }

  @Override
  public List<Delivered> deliveredSince(long mark, Cast cast) {
    List<Delivered> delivered = new ArrayList<>();
    for (SlackCall call : slack.callsAfter(mark)) {
      String channel = call.param("channel");
      if (call.method().equals("chat.postMessage") && channel != null && !channel.startsWith("U")) {
        List<Member> to = slack.membersOf(channel).stream().map(u -> cast.byUser(u)
            .orElseThrow(() -> new IllegalStateException("a message went to an unknown Slack user " + u))).toList();
        delivered.add(new Delivered(call.at(), to, ShownMessage.posted(call)));
      }
    }
    return delivered;
  }

  @Override
  public List<Delivered> postedTo(Member who, long mark) {
    List<Delivered> posted = new ArrayList<>();
    for (SlackCall call : slack.callsAfter(mark)) {
      if (call.method().equals("chat.postMessage") && ("D" + who.userId()).equals(call.param("channel"))) {
        posted.add(new Delivered(call.at(), List.of(who), ShownMessage.posted(call)));
      }
    }
    return posted;
  }

  @Override
  public List<SharedFile> files() {
    return slack.uploads().stream().map(u -> new SharedFile(u.fileName(), u.title(), u.content())).toList();
  }

  private static void requireOk(FakeSlackWorkspace.Sent sent, String what) {
    if (sent.statusCode() != 200) {
      throw new IllegalStateException("Slack could not deliver " + what + " to the bot: HTTP " + sent.statusCode());
    }
  }

  @Override
  public void close() {
    slack.close();
  }
}
