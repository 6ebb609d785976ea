package org.rmbot.mentoring.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Private help requests; the optional note is sealed, readable only through the bot, by coordinators. */
public interface HelpRequests {
  /** One request not yet taken care of; {@code number} is how coordinators refer to it. */
  record Open(long number, long programId, long personId, String name, Instant createdAt, Optional<String> note) {}

  /** Opens a request and returns its number; a blank note is no note. */
  long open(long programId, long personId, String note);

  int openCount(long programId);

  /** The program's open requests, oldest first, with their notes unsealed. */
  List<Open> openIn(long programId);

  /** The program a request belongs to, if it exists and is still open. */
  Optional<Long> programOfOpen(long number);

  /** Marks the request taken care of; false if it was already. */
  boolean resolve(long number);
}
