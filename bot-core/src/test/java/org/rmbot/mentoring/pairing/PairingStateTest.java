package org.rmbot.mentoring.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rmbot.mentoring.pairing.PairingEvent.*;
import static org.rmbot.mentoring.pairing.PairingState.*;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.common.Outcome;

class PairingStateTest {

  /** The whole legal table; every pair not listed here must be rejected with a reason. */
  private static final Map<PairingState, Map<PairingEvent, PairingState>> LEGAL = new EnumMap<>(PairingState.class);

  static {
    legal(PROPOSED, MENTOR_ACCEPTS, ACCEPTED_BY_MENTOR);
    legal(PROPOSED, MENTEE_ACCEPTS, ACCEPTED_BY_MENTEE);
    legal(PROPOSED, DECLINE, DECLINED);
    legal(PROPOSED, REMATCH, REMATCHED);
    legal(ACCEPTED_BY_MENTOR, MENTEE_ACCEPTS, ACTIVE);
    legal(ACCEPTED_BY_MENTOR, DECLINE, DECLINED);
    legal(ACCEPTED_BY_MENTOR, REMATCH, REMATCHED);
    legal(ACCEPTED_BY_MENTEE, MENTOR_ACCEPTS, ACTIVE);
    legal(ACCEPTED_BY_MENTEE, DECLINE, DECLINED);
    legal(ACCEPTED_BY_MENTEE, REMATCH, REMATCHED);
    legal(ACTIVE, PAUSE, PAUSED);
    legal(ACTIVE, END, ENDED);
    legal(ACTIVE, REMATCH, REMATCHED);
    legal(PAUSED, RESUME, ACTIVE);
    legal(PAUSED, END, ENDED);
    legal(PAUSED, REMATCH, REMATCHED);
  }

  private static void legal(PairingState from, PairingEvent event, PairingState to) {
    LEGAL.computeIfAbsent(from, s -> new EnumMap<>(PairingEvent.class)).put(event, to);
  }

  @Test
  void everyStateAndEventFollowsTheTable() {
    for (PairingState state : PairingState.values()) {
      for (PairingEvent event : PairingEvent.values()) {
        PairingState expected = LEGAL.getOrDefault(state, Map.of()).get(event);
        Outcome<PairingState> outcome = state.apply(event);
        if (expected == null) {
          assertThat(outcome).as(state + " + " + event).isInstanceOf(Outcome.Rejected.class);
          assertThat(((Outcome.Rejected<PairingState>) outcome).reason()).as(state + " + " + event).isNotBlank();
        } else {
          assertThat(outcome).as(state + " + " + event).isEqualTo(Outcome.done(expected));
        }
      }
    }
  }

  @Test
  void acceptingTwiceSaysSoInsteadOfChangingAnything() {
    assertThat(ACCEPTED_BY_MENTOR.apply(MENTOR_ACCEPTS))
        .isEqualTo(Outcome.rejected("you have already accepted this pairing"));
  }

  @Test
  void closedPairingsAreNotOpen() {
    assertThat(ENDED.isOpen()).isFalse();
    assertThat(DECLINED.isOpen()).isFalse();
    assertThat(REMATCHED.isOpen()).isFalse();
    assertThat(PAUSED.isOpen()).isTrue();
    assertThat(ACCEPTED_BY_MENTEE.awaitingConsent()).isTrue();
  }
}
