package org.rmbot.mentoring.matching;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Why a participant ended up without a partner. */
public sealed interface UnmatchedReason {

  /**
   * Every potential partner broke a hard constraint. {@code excludedBy} counts each partner once,
   * under the first constraint it broke (see {@link Exclusion} for the order).
   */
  record NoEligiblePartner(int partnersConsidered, Map<Exclusion, Integer> excludedBy)
      implements UnmatchedReason {
    public NoEligiblePartner {
      EnumMap<Exclusion, Integer> copy = new EnumMap<>(Exclusion.class);
      copy.putAll(excludedBy);
      excludedBy = Collections.unmodifiableMap(copy);
    }
  }

  /**
   * Eligible partners existed, but the optimum gave all of them to others: matching more people
   * overall, or the same number with a higher total score, needed them elsewhere.
   */
  record CapacityTaken(int eligiblePartners) implements UnmatchedReason {}
}
