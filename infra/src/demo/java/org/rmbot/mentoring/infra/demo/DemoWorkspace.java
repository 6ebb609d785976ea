package org.rmbot.mentoring.infra.demo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.rmbot.mentoring.infra.demo.Cast.Member;

/**
 * The chat platform the demo's people use, faked in-process: {@link SlackDemoWorkspace} or
 * {@link TeamsDemoWorkspace}. {@link DemoRun} tells the story; a workspace turns "Cora types
 * status" or "Amara clicks Accept" into the platform's own signed request to the real bot, and
 * reads back what the bot sent the way the person would see it.
 */
interface DemoWorkspace extends AutoCloseable {

  /** A file the bot shared in a conversation. */
  record SharedFile(String fileName, String title, byte[] content) {}

  /**
   * What a person's request led to: a message or a form, or the form's error text. An interim
   * acknowledgement ("Working on it…", when the bot is slow) is not part of it: whether one comes
   * depends on the machine's speed, and a seed must always give the same transcript.
   */
  record Answer(ShownMessage message, ShownForm form, String formErrors) {
    static Answer of(ShownMessage message) {
      return new Answer(message, null, null);
    }

    static Answer of(ShownForm form) {
      return new Answer(null, form, null);
    }

    static Answer errors(String text) {
      return new Answer(null, null, text);
    }
  }

  /** A message the bot posted into someone's conversation, and everyone who saw it. */
  record Delivered(Instant at, List<Member> to, ShownMessage message) {}

  /**
   * How the transcript speaks of the platform.
   *
   * @param name "Slack" or "Teams"
   * @param parts the bot's parts that run, for the header: "core, Slack adapter, Slack client"
   * @param fake what the bot runs against, for the header: "an in-process fake Slack"
   * @param pairPlace where a message to a pair shows, for the summary: "in group DMs"
   * @param pairMark what goes before a message to a pair: "(group DM) "
   * @param commandPrefix what goes before a command someone typed: "/mentoring " in Slack, nothing in Teams
   */
  record Wording(String name, String parts, String fake, String pairPlace, String pairMark, String commandPrefix) {}

  Wording wording();

  /** The platform's part of the bot's environment. */
  Map<String, String> env();

  /** How {@code MENTORING_ADMINS} names the coordinator on this platform. */
  String adminId(Member coordinator);

  /** Where the bot listens, such as {@code http://127.0.0.1:3000}. */
  void botAt(String url);

  /** Someone in the workspace: the bot can look up their name, email and time zone. */
  void person(Member member);

  /** Where the record of what the bot sent stands now. */
  long mark();

  /** {@code who} types {@code /mentoring text} (Slack) or the text in their chat with the bot (Teams). */
  Answer command(Member who, String text) throws Exception;

  /** {@code who} clicks a button of a message they saw. */
  Answer click(Member who, ShownMessage on, ShownMessage.Button button) throws Exception;

  /** {@code who} submits a form the bot showed them. */
  Answer submit(Member who, ShownForm form, Map<String, String> values) throws Exception;

  /** The messages the bot posted into people's conversations since {@code mark}, in order. */
  List<Delivered> deliveredSince(long mark, Cast cast);

  /** The messages the bot posted in {@code who}'s direct conversation since {@code mark}. */
  List<Delivered> postedTo(Member who, long mark);

  /** The files the bot has shared so far (in Teams, those the person allowed). */
  List<SharedFile> files();
}
