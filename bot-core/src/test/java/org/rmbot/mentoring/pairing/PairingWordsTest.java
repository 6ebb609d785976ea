package org.rmbot.mentoring.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.common.Outcome;

/** Every refusal of a move a pairing cannot make, and every state in words, word for word. */
class PairingWordsTest {

  @Test
  void everyStateIsSaidInWords() {
    List<String> said = new ArrayList<>();
    for (PairingState state : PairingState.values()) {
      said.add(state.describe());
    }
    assertThat(said).containsExactly("proposed", "accepted by the mentor", "accepted by the mentee", "active",
        "paused", "ended", "declined", "withdrawn for a rematch");
  }

  @Test
  void everyRefusedMoveSaysWhy() {
    List<String> said = new ArrayList<>();
    for (PairingState state : PairingState.values()) {
      for (PairingEvent event : PairingEvent.values()) {
        if (state.apply(event) instanceof Outcome.Rejected<PairingState> no) {
          said.add(state + " " + event + ": " + no.reason());
        }
      }
    }
    assertThat(said).containsExactlyElementsOf(List.of(EXPECTED.split("\n")));
  }

  private static final String EXPECTED = """
      PROPOSED PAUSE: only an active pairing can be paused (this one is proposed)
      PROPOSED RESUME: only a paused pairing can be resumed (this one is proposed)
      PROPOSED END: only an active or paused pairing can be ended (this one is proposed)
      ACCEPTED_BY_MENTOR MENTOR_ACCEPTS: you have already accepted this pairing
      ACCEPTED_BY_MENTOR PAUSE: only an active pairing can be paused (this one is accepted by the mentor)
      ACCEPTED_BY_MENTOR RESUME: only a paused pairing can be resumed (this one is accepted by the mentor)
      ACCEPTED_BY_MENTOR END: only an active or paused pairing can be ended (this one is accepted by the mentor)
      ACCEPTED_BY_MENTEE MENTEE_ACCEPTS: you have already accepted this pairing
      ACCEPTED_BY_MENTEE PAUSE: only an active pairing can be paused (this one is accepted by the mentee)
      ACCEPTED_BY_MENTEE RESUME: only a paused pairing can be resumed (this one is accepted by the mentee)
      ACCEPTED_BY_MENTEE END: only an active or paused pairing can be ended (this one is accepted by the mentee)
      ACTIVE MENTOR_ACCEPTS: this pairing is already under way
      ACTIVE MENTEE_ACCEPTS: this pairing is already under way
      ACTIVE DECLINE: this pairing can no longer be declined (it is active)
      ACTIVE RESUME: only a paused pairing can be resumed (this one is active)
      PAUSED MENTOR_ACCEPTS: this pairing is already under way
      PAUSED MENTEE_ACCEPTS: this pairing is already under way
      PAUSED DECLINE: this pairing can no longer be declined (it is paused)
      PAUSED PAUSE: only an active pairing can be paused (this one is paused)
      ENDED MENTOR_ACCEPTS: this pairing is no longer open for answers (it is ended)
      ENDED MENTEE_ACCEPTS: this pairing is no longer open for answers (it is ended)
      ENDED DECLINE: this pairing can no longer be declined (it is ended)
      ENDED PAUSE: only an active pairing can be paused (this one is ended)
      ENDED RESUME: only a paused pairing can be resumed (this one is ended)
      ENDED END: only an active or paused pairing can be ended (this one is ended)
      ENDED REMATCH: this pairing is already closed (ended)
      DECLINED MENTOR_ACCEPTS: this pairing is no longer open for answers (it is declined)
      DECLINED MENTEE_ACCEPTS: this pairing is no longer open for answers (it is declined)
      DECLINED DECLINE: this pairing can no longer be declined (it is declined)
      DECLINED PAUSE: only an active pairing can be paused (this one is declined)
      DECLINED RESUME: only a paused pairing can be resumed (this one is declined)
      DECLINED END: only an active or paused pairing can be ended (this one is declined)
      DECLINED REMATCH: this pairing is already closed (declined)
      REMATCHED MENTOR_ACCEPTS: this pairing is no longer open for answers (it is withdrawn for a rematch)
      REMATCHED MENTEE_ACCEPTS: this pairing is no longer open for answers (it is withdrawn for a rematch)
      REMATCHED DECLINE: this pairing can no longer be declined (it is withdrawn for a rematch)
      REMATCHED PAUSE: only an active pairing can be paused (this one is withdrawn for a rematch)
      REMATCHED RESUME: only a paused pairing can be resumed (this one is withdrawn for a rematch)
      REMATCHED END: only an active or paused pairing can be ended (this one is withdrawn for a rematch)
      REMATCHED REMATCH: this pairing is already closed (withdrawn for a rematch)
      """;
}
