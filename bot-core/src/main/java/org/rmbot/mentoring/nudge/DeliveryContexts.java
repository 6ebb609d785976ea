package org.rmbot.mentoring.nudge;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.participant.PlatformIdentity;

/**
 * Reads what delivery needs for a claimed row, through {@link DeliveryContextsSql}: one query for
 * the common part, small ones for the rest.
 */
final class DeliveryContexts {
  private final DeliveryContextsSql sql;

  DeliveryContexts(Jdbi jdbi) {
    this.sql = jdbi.onDemand(DeliveryContextsSql.class);
  }

  Optional<DeliveryContext> load(Nudge nudge) {
    return sql.load(nudge.programId(), nudge.pairingId(), nudge.recipientPersonId()).map(found -> found.of(nudge));
  }

  /** The person's identity on a connected platform; Slack first when they have both. */
  Optional<PlatformIdentity> identityOf(long personId) {
    return sql.identityOf(personId);
  }

  /** Identities of both people in one workspace, if they share one. */
  Optional<List<PlatformIdentity>> sharedWorkspace(long firstPersonId, long secondPersonId) {
    return sql.sharedWorkspace(firstPersonId, secondPersonId);
  }

  /** Display names of the mentors (or mentees) paired with this person in the program, for the closing message. */
  List<String> partnersOf(long programId, long personId) {
    return sql.partnersOf(programId, personId);
  }

  String emailOf(long personId) {
    return sql.emailOf(personId).orElse(null);
  }

  void link(long personId, PlatformIdentity identity) {
    sql.link(identity.platform().code(), identity.workspaceId(), identity.userId(), personId);
  }

  /** Whether the person is in a pairing of the program that is proposed, active or paused. */
  boolean inOpenPairing(long programId, long personId) {
    return sql.inOpenPairing(programId, personId);
  }

  /** Whether the pair has ever confirmed a meeting: a "we met" answer, or a meeting marked held. */
  boolean everMet(long pairingId) {
    return sql.everMet(pairingId);
  }

  /** Why the matcher proposed this pairing, for the proposal message. */
  String explanationOf(long pairingId) {
    return sql.explanationOf(pairingId).orElse("");
  }

  /** Whether nobody has marked the help request done yet. */
  boolean helpRequestOpen(long helpRequestId) {
    return sql.helpRequestOpen(helpRequestId).orElse(false);
  }

  /** The name of the person behind a help request (coordinators need to reach them). */
  String helpRequesterName(long helpRequestId) {
    return sql.helpRequesterName(helpRequestId).orElse("Someone");
  }

  /** Every mentor who took part in the program, by name. */
  List<String> mentorsOf(long programId) {
    return sql.mentorsOf(programId);
  }

  /** Windows whose check-ins were skipped because the pairing was paused: the ledger remembers pauses. */
  Set<WindowRef> pausedWindows(long pairingId) {
    return sql.pausedWindows(pairingId);
  }
}
