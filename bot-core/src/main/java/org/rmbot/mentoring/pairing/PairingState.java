package org.rmbot.mentoring.pairing;

import java.util.Locale;
import org.rmbot.mentoring.common.Outcome;

/**
 * The life of a pairing: proposed, accepted by one side, active once both accept (then
 * introduced), paused, ended; or declined, or withdrawn for a rematch. Every other move is
 * rejected with a reason.
 */
public enum PairingState {
  PROPOSED,
  ACCEPTED_BY_MENTOR,
  ACCEPTED_BY_MENTEE,
  ACTIVE,
  PAUSED,
  ENDED,
  DECLINED,
  REMATCHED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PairingState fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
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
    return switch (event) {
      case MENTOR_ACCEPTS, MENTEE_ACCEPTS -> switch (this) {
        case ACCEPTED_BY_MENTOR, ACCEPTED_BY_MENTEE -> "you have already accepted this pairing";
        case ACTIVE, PAUSED -> "this pairing is already under way";
        default -> "this pairing is no longer open for answers (it is " + describe() + ")";
      };
      case DECLINE -> "this pairing can no longer be declined (it is " + describe() + ")";
      case PAUSE -> "only an active pairing can be paused (this one is " + describe() + ")";
      case RESUME -> "only a paused pairing can be resumed (this one is " + describe() + ")";
      case END -> "only an active or paused pairing can be ended (this one is " + describe() + ")";
      case REMATCH -> "this pairing is already closed (" + describe() + ")";
    };
  }

  public String describe() {
    return switch (this) {
      case PROPOSED -> "proposed";
      case ACCEPTED_BY_MENTOR -> "accepted by the mentor";
      case ACCEPTED_BY_MENTEE -> "accepted by the mentee";
      case ACTIVE -> "active";
      case PAUSED -> "paused";
      case ENDED -> "ended";
      case DECLINED -> "declined";
      case REMATCHED -> "withdrawn for a rematch";
    };
  }
}
