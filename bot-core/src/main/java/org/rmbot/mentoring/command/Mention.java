package org.rmbot.mentoring.command;

import java.util.regex.Pattern;

/**
 * A person picked from the platform's mention autocomplete, known by their platform user id.
 *
 * <p>The grammar reads one neutral form, {@code <@ID>}, so that both platforms share it.
 * Adapters normalise what their platform sends before calling the parser:
 * <ul>
 *   <li>Slack already sends {@code <@U123ABC>} in slash command text, or {@code <@U123ABC|name>}
 *       when the command escapes user names; both are accepted as they are.
 *   <li>Teams sends {@code <at>Name</at>} in the text and the person's id in the activity's
 *       {@code mention} entities; the adapter replaces each {@code <at>...</at>} with
 *       {@code <@id>}, using the same id it stores as the person's platform user id.
 * </ul>
 * Adapters also strip the leading bot mention and undo their platform's HTML escaping
 * ({@code &amp;}, {@code &lt;}, {@code &gt;}), so the parser sees plain text.
 *
 * <p>A bare {@code @name} is never guessed at: names are not unique, and acting on the wrong
 * person (pairing, erasing) would be worse than asking again.
 */
public record Mention(String platformUserId) {
  /** Printable ASCII without spaces, quotes or the characters that delimit a mention. */
  static final Pattern USER_ID = Pattern.compile("[\\x21-\\x7E&&[^<>|@\"]]{1,256}");

  public Mention {
    if (platformUserId == null || !USER_ID.matcher(platformUserId).matches()) {
      throw new IllegalArgumentException("not a platform user id");
    }
  }

  /** The neutral form adapters hand to the parser: {@code <@ID>}. */
  public String neutralForm() {
    return "<@" + platformUserId + ">";
  }
}
