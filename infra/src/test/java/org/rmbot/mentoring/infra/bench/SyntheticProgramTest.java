package org.rmbot.mentoring.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.matching.MatchProposal;
import org.rmbot.mentoring.matching.MatchingEngine;
import org.rmbot.mentoring.matching.ReportingLines;

class SyntheticProgramTest {
  @Test
  void isTheSameForTheSameSeed() {
    assertThat(SyntheticProgram.generate(200, 150, 3)).isEqualTo(SyntheticProgram.generate(200, 150, 3));
    assertThat(SyntheticProgram.generate(200, 150, 3)).isNotEqualTo(SyntheticProgram.generate(200, 150, 4));
  }

  @Test
  void producesPinsTheEngineAcceptsAndConstraintsThatBite() {
    SyntheticProgram program = SyntheticProgram.generate(400, 400, 11);

    MatchProposal proposal =
        new MatchingEngine()
            .propose(program.rules(), program.candidates(), ReportingLines.of(program.managers()));

    assertThat(program.rules().pins()).isNotEmpty();
    assertThat(proposal.pairs().stream().filter(p -> p.pinned()).count())
        .isEqualTo(program.rules().pins().size());
    assertThat(proposal.unmatched()).isNotEmpty();
  }
}
