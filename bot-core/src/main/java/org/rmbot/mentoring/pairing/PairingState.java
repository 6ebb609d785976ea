package org.rmbot.mentoring.pairing;

import org.rmbot.mentoring.common.Coded;
import org.rmbot.mentoring.common.Outcome;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * The life of a pairing: proposed, accepted by one side, active once both accept (then
 * introduced), paused, ended; or declined, or withdrawn for a rematch. Every other move is
 * rejected with a reason.
 */
public enum PairingState implements Coded {
  PROPOSED,
  ACCEPTED_BY_MENTOR,
  ACCEPTED_BY_MENTEE,
  ACTIVE,
  PAUSED,
  ENDED,
  DECLINED,
  REMATCHED;

  /** Read in many places, so it keeps this short form. */
  public static PairingState fromCode(String code) {
    return Coded.fromCode(PairingState.class, code);
  }

  /** Still waiting for one or both answers. */
  public boolean awaitingConsent() {
    return this == PROPOSED || this == ACCEPTED_BY_MENTOR || this == ACCEPTED_BY_MENTEE;
  }

  /** Holds its participants: not ended, declined or rematched. */
  public boolean isOpen() {
    return awaitingConsent() || this == ACTIVE || this == PAUSED;
  }

  public Outcome<PairingState> apply(PairingEvent event) {
    PairingState next = switch (this) {
      case PROPOSED -> switch (event) {
        case MENTOR_ACCEPTS -> ACCEPTED_BY_MENTOR;
        case MENTEE_ACCEPTS -> ACCEPTED_BY_MENTEE;
        case DECLINE -> DECLINED;
        case REMATCH -> REMATCHED;
        default -> null;
      };
      case ACCEPTED_BY_MENTOR -> switch (event) {
        case MENTEE_ACCEPTS -> ACTIVE;
        case DECLINE -> DECLINED;
        case REMATCH -> REMATCHED;
        default -> null;
      };
      case ACCEPTED_BY_MENTEE -> switch (event) {
        case MENTOR_ACCEPTS -> ACTIVE;
        case DECLINE -> DECLINED;
        case REMATCH -> REMATCHED;
        default -> null;
      };
      case ACTIVE -> switch (event) {
        case PAUSE -> PAUSED;
        case END -> ENDED;
        case REMATCH -> REMATCHED;
        default -> null;
      };
      case PAUSED -> switch (event) {
        case RESUME -> ACTIVE;
        case END -> ENDED;
        case REMATCH -> REMATCHED;
        default -> null;
      };
      case ENDED, DECLINED, REMATCHED -> null;
    };
    return next == null ? Outcome.rejected(whyNot(event)) : Outcome.done(next);
  }

  private String whyNot(PairingEvent event) {
    Catalogue words = Catalogue.english();
    String state = describe();
    return switch (event) {
      case MENTOR_ACCEPTS, MENTEE_ACCEPTS -> switch (this) {
        case ACCEPTED_BY_MENTOR, ACCEPTED_BY_MENTEE -> words.phrase("pairing.refused.already_accepted");
        case ACTIVE, PAUSED -> words.phrase("pairing.refused.under_way");
        default -> words.phrase("pairing.refused.not_open_for_answers", "state", state);
      };
      case DECLINE -> words.phrase("pairing.refused.decline", "state", state);
      case PAUSE -> words.phrase("pairing.refused.pause", "state", state);
      case RESUME -> words.phrase("pairing.refused.resume", "state", state);
      case END -> words.phrase("pairing.refused.end", "state", state);
      case REMATCH -> words.phrase("pairing.refused.rematch", "state", state);
    };
  }

  /** The state in words, as a coordinator or participant reads it: "accepted by the mentor". */
  public String describe() {
    return Catalogue.english().phrase("pairing.state", "state", code());
  }
}
