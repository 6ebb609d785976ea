package org.rmbot.mentoring.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The anonymity notice word for word: people are promised exactly this, so it may change only on purpose. */
class FeedbackInvitationTest {
  private static final Instant OPENED = Instant.parse("2026-03-02T10:00:00Z");
  private static final Instant CLOSES = Instant.parse("2026-03-16T13:07:00Z");

  private static Campaign campaign(Purpose purpose, CampaignAudience audience) {
    return new Campaign(1, 1, purpose, "manual", audience, FeedbackForm.defaultFor(purpose), 5, OPENED, CLOSES, null, false,
        0, 20);
  }

  @Test
  void everyoneAskedWithAComment() {
    assertThat(FeedbackInvitation.notice(campaign(Purpose.FEEDBACK, CampaignAudience.EVERYONE), "Pilot", Optional.empty()))
        .isEqualTo("Who sees what: this is anonymous. Your answers are stored with no name, no id and no time finer than"
            + " this campaign. Until it closes at Mon 16 Mar, 13:07 UTC, answers are shown to no one. After that the"
            + " coordinators of Pilot see averages and spreads only if at least 5 people answered; with fewer, every"
            + " answer is deleted unread. Results by role are shown only if at least 5 mentors and at least 5 mentees"
            + " answered. Comments are shown only if more than 5 people answered, in random order and without names;"
            + " please leave out names and details that would identify you. Your invitation's button works once: the"
            + " bot keeps only a one-way mark that it was used, not who holds it, deleted when the campaign closes. So"
            + " it cannot tell who answered: it will not mark this message as answered, and any reminder goes to"
            + " everyone. Nobody, coordinators and admins included, can see what you answered.");
  }

  @Test
  void oneRoleAskedWithoutAComment() {
    Campaign mentees = campaign(Purpose.PRE_SURVEY, CampaignAudience.MENTEES);
    assertThat(FeedbackInvitation.notice(mentees, "Pilot", Optional.empty()))
        .isEqualTo("Who sees what: this is anonymous. Your answers are stored with no name, no id and no time finer than"
            + " this campaign. Until it closes at Mon 16 Mar, 13:07 UTC, answers are shown to no one. After that the"
            + " coordinators of Pilot see averages and spreads only if at least 5 people answered; with fewer, every"
            + " answer is deleted unread. Your invitation's button works once: the bot keeps only a one-way mark that"
            + " it was used, not who holds it, deleted when the campaign closes. So it cannot tell who answered: it"
            + " will not mark this message as answered, and any reminder goes to everyone. Nobody, coordinators and"
            + " admins included, can see what you answered.");
    assertThat(mentees.covers()).isEqualTo("mentees matched or being matched when it opened");
    assertThat(campaign(Purpose.POST_SURVEY, CampaignAudience.MENTORS).covers()).isEqualTo("mentors in a pair when it opened");
  }
}
