package org.rmbot.mentoring.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.PagedMembersResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rmbot.mentoring.chat.ChatFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds people the bot has never talked to by their work email, in the member lists of the
 * teams and group chats it is installed in ({@code GET /v3/conversations/{id}/pagedmembers},
 * whose members carry {@code email}, {@code userPrincipalName} and {@code aadObjectId}). A bot
 * has no tenant-wide directory without Microsoft Graph, so someone in none of those rosters
 * stays unreachable until they install the app or say hi.
 *
 * <p>The rosters are read at most once per {@link #FRESH} period and kept in memory as an email
 * index: a batch of nudges to imported people costs one pass, not one per person.
 */
final class RosterSearch {
  private static final Logger log = LoggerFactory.getLogger(RosterSearch.class);
  static final Duration FRESH = Duration.ofMinutes(10);
  /** Pages of one roster read at most (Teams pages hold up to 500 members). */
  private static final int MAX_PAGES = 100;

  private final TeamsAdapter adapter;
  private final TeamsPeople people;
  private final Clock clock;
  private Map<String, TeamsPeople.Seen> byEmail = Map.of();
  private Instant readAt;

  RosterSearch(TeamsAdapter adapter, TeamsPeople people, Clock clock) {
    this.adapter = adapter;
    this.people = people;
    this.clock = clock;
  }

  synchronized Optional<TeamsPeople.Seen> find(String email) throws ChatFailure {
    String key = email.trim().toLowerCase(Locale.ROOT);
    TeamsPeople.Seen seen = byEmail.get(key);
    if (seen == null && (readAt == null || !clock.instant().isBefore(readAt.plus(FRESH)))) {
      byEmail = readAll();
      readAt = clock.instant();
      seen = byEmail.get(key);
    }
    return Optional.ofNullable(seen);
  }

  private Map<String, TeamsPeople.Seen> readAll() throws ChatFailure {
    Map<String, TeamsPeople.Seen> index = new HashMap<>();
    ChatFailure failed = null;
    int read = 0;
    for (TeamsPeople.Roster roster : people.rosters()) {
      try {
        readInto(roster, index);
        read++;
      } catch (ChatFailure failure) {
        if (failure instanceof ChatFailure.Permanent && (failure.code().startsWith("http_403")
            || failure.code().startsWith("http_404"))) {
          // the bot was removed from it (or it was deleted) without our hearing about it
          people.leftRoster(roster.conversationId());
        } else {
          failed = failure;
        }
        log.warn("could not read a Teams roster: {}", failure.code());
      }
    }
    if (read == 0 && failed != null) {
      throw failed;
    }
    return index;
  }

  private void readInto(TeamsPeople.Roster roster, Map<String, TeamsPeople.Seen> index) throws ChatFailure {
    String continuation = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      PagedMembersResult result = adapter.pagedMembers(roster.serviceUrl(), roster.conversationId(), continuation);
      if (result.getMembers() != null) {
        for (ChannelAccount member : result.getMembers()) {
          add(roster, member, index);
        }
      }
      continuation = result.getContinuationToken();
      if (continuation == null || continuation.isBlank()) {
        return;
      }
    }
  }

  private static void add(TeamsPeople.Roster roster, ChannelAccount member, Map<String, TeamsPeople.Seen> index) {
    if (member.getId() == null || !member.getId().startsWith("29:") || member.getAadObjectId() == null
        || member.getAadObjectId().isBlank()) {
      return;
    }
    String tenant = text(member, "tenantId").orElse(roster.tenantId());
    TeamsPeople.Seen seen = new TeamsPeople.Seen(tenant, member.getAadObjectId(), member.getId(), member.getName(),
        roster.serviceUrl(), null, null);
    for (String field : new String[] {"email", "userPrincipalName"}) {
      text(member, field).filter(v -> v.contains("@"))
          .ifPresent(v -> index.putIfAbsent(v.trim().toLowerCase(Locale.ROOT), seen));
    }
  }

  private static Optional<String> text(ChannelAccount member, String field) {
    JsonNode value = member.getProperties() == null ? null : member.getProperties().get(field);
    return value == null || !value.isTextual() || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
  }
}
