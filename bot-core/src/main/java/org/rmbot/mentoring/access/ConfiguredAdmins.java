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
 * belongs to: known only once Slack has answered {@code auth.test}, hence {@link #bind}.
 *
 * @param qualified the entries that name their platform and installation
 * @param bareSlackUsers the bare Slack user ids, waiting for the bot token's installation
 */
public record ConfiguredAdmins(Set<PlatformIdentity> qualified, Set<String> bareSlackUsers) {
  private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]{2,}");

  public ConfiguredAdmins {
    qualified = Set.copyOf(qualified);
    bareSlackUsers = Set.copyOf(bareSlackUsers);
  }

  /**
   * Reads the entries, before anything starts, so a wrong one stops {@code serve} at once.
   *
   * @param slackConfigured whether a bot token is configured, which bare ids need
   * @throws IllegalArgumentException naming {@code MENTORING_ADMINS} and the entry that is wrong
   */
  public static ConfiguredAdmins read(Collection<String> entries, boolean slackConfigured) {
    Set<PlatformIdentity> qualified = new LinkedHashSet<>();
    Set<String> bare = new LinkedHashSet<>();
    for (String raw : entries) {
      String entry = raw.trim();
      if (entry.isEmpty()) {
        continue;
      }
      String[] parts = entry.split(":", -1);
      if (parts.length == 1) {
        bare.add(bare(entry, slackConfigured));
      } else if (parts.length == 3 && !parts[1].isBlank() && !parts[2].isBlank()
          && (parts[0].equalsIgnoreCase("slack") || parts[0].equalsIgnoreCase("teams"))) {
        qualified.add(new PlatformIdentity(Platform.fromCode(parts[0]), parts[1].trim(), parts[2].trim()));
      } else {
        throw new IllegalArgumentException("MENTORING_ADMINS: '" + entry + "' is not an admin; write slack:<workspace id>:<user id>,"
            + " teams:<tenant id>:<AAD object id>, or a bare Slack user id such as U0123ABCD");
      }
    }
    return new ConfiguredAdmins(qualified, bare);
  }

  /** Every admin as an identity, the bare ids in the bot token's installation (empty without Slack). */
  public Set<PlatformIdentity> bind(Optional<String> slackInstallation) {
    if (!bareSlackUsers.isEmpty() && slackInstallation.isEmpty()) {
      throw new IllegalStateException("bare Slack admins need the bot token's installation");
    }
    Set<PlatformIdentity> all = new LinkedHashSet<>(qualified);
    bareSlackUsers.forEach(user -> all.add(new PlatformIdentity(Platform.SLACK, slackInstallation.get(), user)));
    return Set.copyOf(all);
  }

  private static String bare(String user, boolean slackConfigured) {
    if (!SLACK_USER.matcher(user).matches()) {
      throw new IllegalArgumentException("MENTORING_ADMINS: '" + user + "' is not a Slack user id (U... or W...);"
          + " write a Teams admin as teams:<tenant id>:<AAD object id>");
    }
    if (!slackConfigured) {
      throw new IllegalArgumentException("MENTORING_ADMINS: a bare user id ('" + user + "') means a user of the Slack"
          + " workspace the bot token belongs to, but SLACK_BOT_TOKEN is not set; write slack:<workspace id>:" + user
          + " or teams:<tenant id>:<AAD object id>");
    }
    return user;
  }
}
