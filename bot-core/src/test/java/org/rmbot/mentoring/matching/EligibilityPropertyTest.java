package org.rmbot.mentoring.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The unrolled bit-set loop and the rule-by-rule check must never disagree. */
class EligibilityPropertyTest {

  @Property(tries = 300)
  void bitSetAgreesWithTheRuleByRuleCheck(@ForAll long seed) {
    MatchingEnginePropertyTest.Program program =
        MatchingEnginePropertyTest.Program.random(new Random(seed));
    Roster roster = Roster.of(program.candidates);
    Eligibility eligibility =
        new Eligibility(roster, program.rules, ReportingLines.of(program.managers));

    for (int e = 0; e < roster.mentees.length; e++) {
      long[] bits = eligibility.eligibleMentors(e);
      for (int m = 0; m < roster.mentors.length; m++) {
        boolean inBits = (bits[m >>> 6] & (1L << m)) != 0;
        assertThat(inBits)
            .as("mentor %d, mentee %d", m, e)
            .isEqualTo(eligibility.exclusion(m, e) == null);
      }
    }
  }
}
