package org.rmbot.mentoring.nudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NudgePolicyTest {
  @Test
  void anEmptyPolicyIsTheDefaults() {
    assertThat(NudgePolicy.fromJson("{}")).isEqualTo(NudgePolicy.defaults());
    assertThat(NudgePolicy.defaults().remindersBefore()).containsExactly(Duration.ofHours(24), Duration.ofHours(1));
  }

  @Test
  void aProgramOverridesOnlyWhatItNames() {
    NudgePolicy policy = NudgePolicy.fromJson("""
        {"bookFirstMeetingAfter": "P2D", "remindersBefore": ["PT2H"], "disabled": ["midpoint", "feedback_campaign"],
         "stalledAfterWindows": 3, "atRiskAfterWindows": 5}""");
    assertThat(policy.bookFirstMeetingAfter()).isEqualTo(Duration.ofDays(2));
    assertThat(policy.remindersBefore()).isEqualTo(List.of(Duration.ofHours(2)));
    assertThat(policy.disabled()).isEqualTo(Set.of(NudgeKind.MIDPOINT));
    assertThat(policy.opensCampaigns()).as("feedback_campaign switches the campaigns off").isFalse();
    assertThat(NudgePolicy.defaults().opensCampaigns()).isTrue();
    assertThat(policy.sends(NudgeKind.CHECK_IN)).isTrue();
    assertThat(policy.preparationAfter()).isEqualTo(NudgePolicy.defaults().preparationAfter());
  }

  @Test
  void typosAndNonsenseAreRefusedWithTheirName() {
    assertThatThrownBy(() -> NudgePolicy.fromJson("{\"bookFirstMeetingAftr\": \"P2D\"}"))
        .hasMessageContaining("unknown setting 'bookFirstMeetingAftr'");
    assertThatThrownBy(() -> NudgePolicy.fromJson("{\"reflectionAfter\": \"two hours\"}"))
        .hasMessageContaining("reflectionAfter must be an ISO-8601 duration");
    assertThatThrownBy(() -> NudgePolicy.fromJson("{\"disabled\": [\"pep_talk\"]}"))
        .hasMessageContaining("unknown nudge kind 'pep_talk'");
    assertThatThrownBy(() -> NudgePolicy.fromJson("{\"stalledAfterWindows\": 3, \"atRiskAfterWindows\": 2}"))
        .hasMessageContaining("stalledAfterWindows < atRiskAfterWindows");
  }
}
