package org.rmbot.mentoring.matching;

import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.common.Outcome;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.PairingEvent;
import org.rmbot.mentoring.pairing.PairingLifecycle;
import org.rmbot.mentoring.pairing.Pairings;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.Participants;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * Coordinator rules for the matcher: {@code pair @a @b} (a pin the matcher keeps),
 * {@code never-pair @a @b}, and {@code unpair} (split a pairing so both return to the pool;
 * the two are not proposed to each other again).
 */
public final class SettingMatchRules {
  private static final Catalogue WORDS = Catalogue.english();
  private final Participants participants;
  private final Pairings pairings;
  private final MatchConstraints constraints;
  private final PairingLifecycle lifecycle;
  private final Authority authority;
  private final AuditLog audit;

  public SettingMatchRules(Participants participants, Pairings pairings, MatchConstraints constraints,
      PairingLifecycle lifecycle, Authority authority, AuditLog audit) {
    this.participants = participants;
    this.pairings = pairings;
    this.constraints = constraints;
    this.lifecycle = lifecycle;
    this.authority = authority;
    this.audit = audit;
  }

  /** Pins a mentor to a mentee for the next commit; either person may be named first. */
  public Outcome<Pin> pin(long programId, long personA, long personB, Actor actor) {
    if (!allowed(programId, actor, "pair")) {
      return Outcome.rejected(WORDS.phrase("matching.rules.only_coordinators_pin"));
    }
    var a = participants.find(programId, personA);
    var b = participants.find(programId, personB);
    if (a.isEmpty() || b.isEmpty()) {
      return Outcome.rejected(WORDS.phrase("matching.rules.not_participants"));
    }
    if (a.get().role() == b.get().role()) {
      return Outcome.rejected(WORDS.phrase("matching.rules.same_role", "role", a.get().role().code()));
    }
    Participant mentor = a.get().role() == Role.MENTOR ? a.get() : b.get();
    Participant mentee = a.get().role() == Role.MENTEE ? a.get() : b.get();
    if (!pairings.openFor(mentee.id()).isEmpty()) {
      return Outcome.rejected(WORDS.phrase("matching.rules.mentee_already_paired"));
    }
    constraints.pin(programId, mentor.id(), mentee.id(), actor.personId());
    audit.record(actor, "pair", programId,
        AuditSubject.described("pin participant " + mentor.id() + " -> participant " + mentee.id()));
    return Outcome.done(new Pin(mentor.id(), mentee.id()));
  }

  public Outcome<PersonPair> neverPair(long programId, long personA, long personB, Actor actor) {
    if (!allowed(programId, actor, "never-pair")) {
      return Outcome.rejected(WORDS.phrase("matching.rules.only_coordinators_never_pair"));
    }
    if (personA == personB) {
      return Outcome.rejected(WORDS.phrase("matching.rules.never_pair_needs_two"));
    }
    constraints.addNeverPair(programId, personA, personB, actor.personId());
    audit.record(actor, "never-pair", programId,
        AuditSubject.described("persons " + Math.min(personA, personB) + " and " + Math.max(personA, personB)));
    return Outcome.done(PersonPair.of(personA, personB));
  }

  public Outcome<Pairing> unpair(long pairingId, Actor actor) {
    var pairing = pairings.findById(pairingId);
    if (pairing.isEmpty()) {
      return Outcome.rejected(WORDS.phrase("pairing.no_such_pairing", "id", String.valueOf(pairingId)));
    }
    if (!allowed(pairing.get().programId(), actor, "unpair")) {
      return Outcome.rejected(WORDS.phrase("matching.rules.only_coordinators_unpair"));
    }
    Outcome<Pairing> split = lifecycle.apply(pairingId, PairingEvent.REMATCH);
    if (split.isDone()) {
      audit.record(actor, "unpair", pairing.get().programId(), AuditSubject.pairing(pairingId));
    }
    return split;
  }

  private boolean allowed(long programId, Actor actor, String action) {
    if (authority.canCoordinate(actor, programId)) {
      return true;
    }
    audit.refused(actor, action, programId, AuditSubject.described("not a coordinator"));
    return false;
  }
}
