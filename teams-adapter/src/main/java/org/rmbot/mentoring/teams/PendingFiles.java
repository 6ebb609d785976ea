package org.rmbot.mentoring.teams;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.privacy.SealedBox;

/**
 * Files offered with a file-consent card, waiting for the person to accept or decline (table
 * {@code teams_pending_file}, migration V10). Reports, exports and a person's own data are
 * personal data, and the answer may reach any replica, so the content is kept in PostgreSQL
 * sealed with the instance's key and bound to its conversation (a row copied to another
 * conversation will not open), for at most {@link #KEEP}; expired rows are deleted whenever a
 * new file is offered. The statements are {@link PendingFilesSql}'s.
 */
public final class PendingFiles {
  /** Long enough to answer a card after a meeting or the next morning; short for personal data. */
  static final Duration KEEP = Duration.ofHours(24);

  /** A file waiting for the person's answer. */
  record Pending(String id, String conversationId, String fileName, byte[] content) {}

  private final Jdbi jdbi;
  private final PendingFilesSql sql;
  private final SealedBox box;
  private final Clock clock;

  public PendingFiles(Jdbi jdbi, SealedBox box, Clock clock) {
    this.jdbi = jdbi;
    this.sql = jdbi.onDemand(PendingFilesSql.class);
    this.box = box;
    this.clock = clock;
  }

  /** Holds a file for this conversation and returns its id, which the consent card carries. */
  String hold(String conversationId, String fileName, byte[] content) {
    String id = UUID.randomUUID().toString();
    byte[] sealed = box.seal(Base64.getEncoder().encodeToString(content), context(id, conversationId));
    jdbi.useTransaction(h -> {
      PendingFilesSql tx = h.attach(PendingFilesSql.class);
      tx.deleteExpired(clock.instant());
      tx.insert(id, conversationId, fileName, sealed, clock.instant().plus(KEEP));
    });
    return id;
  }

  /** The file, if it is still waiting in this conversation; anything else (expired, another chat, tampered) is empty. */
  Optional<Pending> find(String id, String conversationId) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return sql.find(uuid, conversationId, clock.instant())
        .flatMap(stored -> open(id, conversationId, stored.fileName(), stored.sealed()));
  }

  /** Forgets a file once it was delivered or declined. */
  void forget(String id) {
    try {
      UUID uuid = UUID.fromString(id);
      sql.delete(uuid);
    } catch (IllegalArgumentException e) {
      // not one of ours: nothing to forget
    }
  }

  private Optional<Pending> open(String id, String conversationId, String fileName, byte[] sealed) {
    try {
      byte[] content = Base64.getDecoder().decode(box.open(sealed, context(id, conversationId)));
      return Optional.of(new Pending(id, conversationId, fileName, content));
    } catch (SealedBox.SealedBoxException e) {
      return Optional.empty();
    }
  }

  private static String context(String id, String conversationId) {
    return "teams-file:" + id + ":" + conversationId;
  }
}
