package org.rmbot.mentoring.access;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;

/**
 * The first admins, from {@code MENTORING_ADMINS}: each one a whole platform identity, because a
 * user id is unique only inside its installation (a Slack workspace or org-wide Enterprise Grid
 * install, a Teams tenant). Entries are {@code slack:<team or enterprise id>:<user id>},
 * {@code teams:<tenant id>:<AAD object id>}, or, for a single-workspace Slack deployment, a bare
 * Slack user id ({@code U0123ABCD}), which means that user in the installation the bot token
 * belongs to.
 */
public final class ConfiguredAdmins {
  private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]{2,}");

  private ConfiguredAdmins() {}

  /**
   * @param slackInstallation the bot token's installation (from {@code auth.test}), for bare ids;
   *     empty when Slack is not configured
   * @throws IllegalArgumentException naming {@code MENTORING_ADMINS} and the entry that is wrong
   */
  public static Set<PlatformIdentity> parse(Collection<String> entries, Optional<String> slackInstallation) {
    Set<PlatformIdentity> admins = new LinkedHashSet<>();
    for (String raw : entries) {
      String entry = raw.trim();
      if (entry.isEmpty()) {
        continue;
      }
      String[] parts = entry.split(":", -1);
      if (parts.length == 1) {
        admins.add(bare(entry, slackInstallation));
      } else if (parts.length == 3 && !parts[1].isBlank() && !parts[2].isBlank()
          && (parts[0].equalsIgnoreCase("slack") || parts[0].equalsIgnoreCase("teams"))) {
        admins.add(new PlatformIdentity(Platform.fromCode(parts[0]), parts[1].trim(), parts[2].trim()));
      } else {
        throw new IllegalArgumentException("MENTORING_ADMINS: '" + entry + "' is not an admin; write slack:<workspace id>:<user id>,"
            + " teams:<tenant id>:<AAD object id>, or a bare Slack user id such as U0123ABCD");
      }
    }
    return Set.copyOf(admins);
  }

  private static PlatformIdentity bare(String user, Optional<String> slackInstallation) {
    if (!SLACK_USER.matcher(user).matches()) {
      throw new IllegalArgumentException("MENTORING_ADMINS: '" + user + "' is not a Slack user id (U... or W...);"
          + " write a Teams admin as teams:<tenant id>:<AAD object id>");
    }
    if (slackInstallation.isEmpty()) {
      throw new IllegalArgumentException("MENTORING_ADMINS: a bare user id ('" + user + "') means a user of the Slack"
          + " workspace the bot token belongs to, but SLACK_BOT_TOKEN is not set; write slack:<workspace id>:" + user
          + " or teams:<tenant id>:<AAD object id>");
    }
    return new PlatformIdentity(Platform.SLACK, slackInstallation.get(), user);
  }
}
