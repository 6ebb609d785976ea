package org.rmbot.mentoring.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.Form;
import org.rmbot.mentoring.feedback.CampaignResults.Visibility;
import org.rmbot.mentoring.nudge.NudgeKind;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.privacy.SealedBox;
import org.rmbot.mentoring.privacy.SecretKey;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.testing.FakeChatPlatform;
import org.rmbot.mentoring.testing.NudgeWorld;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

class AnonymousFeedbackTest {
  static final SecretKey SECRET = SecretKey.of("a-feedback-test-secret-that-is-long-enough-42");

  @RegisterExtension final TestDatabase db = new TestDatabase();
  private World world;
  private NudgeWorld nudges;
  private AnonymousFeedback feedback;
  private Program program;
  private final List<Person> mentors = new ArrayList<>();
  private final List<Person> mentees = new ArrayList<>();
  private Actor coordinator;

  @BeforeEach
  void setUp() {
    world = new World(db.jdbi());
    // Monday 10:00 in London: inside everyone's working hours
    world.clock.moveTo(Instant.parse("2026-01-05T10:00:00Z"));
    nudges = NudgeWorld.withFeedback(world, SECRET);
    feedback = nudges.feedback;
    program = world.aReverseProgram();
    coordinator = Actor.person(world.aPerson("Cora Coordinator").id());
    for (int i = 1; i <= 6; i++) {
      Person mentor = nudges.aPersonIn("Mentor " + i, "Europe/London");
      mentors.add(mentor);
      Person mentee = nudges.aPersonIn("Mentee " + i, "Europe/London");
      mentees.add(mentee);
      // feedback asks people in a pairing
      nudges.activePairing(program, nudges.mentor(program, mentor), nudges.mentee(program, mentee));
    }
  }

  @AfterEach
  void tearDown() {
    nudges.close();
  }

  /** Delivers everything due, letting the clock move on past short rate-limit waits as it would. */
  private void deliver() {
    for (int pass = 0; pass < 20; pass++) {
      nudges.dispatchAllDue();
      Instant now = world.clock.instant();
      var next = nudges.nextDueAt().filter(t -> t.isBefore(now.plus(Duration.ofMinutes(1))));
      if (next.isEmpty()) {
        return;
      }
      world.clock.moveTo(next.get().isAfter(now) ? next.get() : now);
    }
  }

  private Campaign open(CampaignAudience audience) {
    return feedback.open(program.id(), Purpose.FEEDBACK, audience, world.clock.instant().plus(Duration.ofDays(7)),
        coordinator).value();
  }

  private static Map<String, String> answers(int safe, int working, int learned, String comment) {
    Map<String, String> values = new HashMap<>(Map.of("safe", String.valueOf(safe), "working", String.valueOf(working),
        "learned", String.valueOf(learned)));
    if (comment != null) {
      values.put("comment", comment);
    }
    return values;
  }

  /** The token in this person's invitation (one invitation each: asking again gives the same one). */
  private String token(Campaign campaign, Person person) {
    return tokens.computeIfAbsent(campaign.id() + "/" + person.id(), key -> WalLinkageTest.buttonValue(
        feedback.invitation(campaign.id(), person.id(), java.time.ZoneOffset.UTC).orElseThrow()));
  }

  private final Map<String, String> tokens = new HashMap<>();

  private Submission answer(Campaign campaign, Person person, int score, String comment) {
    return feedback.submit(token(campaign, person), answers(score, score, score, comment));
  }

  private Campaign close(Campaign campaign) {
    feedback.closeCollecting(program.id(), coordinator);
    return feedback.find(campaign.id()).orElseThrow();
  }

  private int count(String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }

  /** Everything the feedback tables hold, to show that a refused answer changed none of it. */
  private String stored() {
    return db.jdbi().withHandle(h -> h.createQuery(
            """
            select concat_ws(' | ', (select string_agg(id || ':' || ballots || ':' || md5(coalesce(ballot_box, '')), ',')
                                       from feedback_campaign),
                   (select count(*) from feedback_token), (select count(*) from feedback_sealed_ballot),
                   (select count(*) from feedback_response))""")
        .mapTo(String.class).one());
  }

  @Test
  void everyoneInTheAudienceIsInvitedWithAButtonToTheFormAndTheNoticeOfWhoSeesWhat() {
    Campaign campaign = open(CampaignAudience.MENTEES);
    deliver();

    List<FakeChatPlatform.Delivery> invitations = nudges.slack.deliveries();
    assertThat(invitations).hasSize(6);
    for (Person mentee : mentees) {
      FakeChatPlatform.Delivery invitation = nudges.slack.to(NudgeWorld.slackUser(mentee)).get(0);
      String delivered = WalLinkageTest.buttonValue(invitation.message());
      assertThat(delivered).as("a ballot token for the campaign and the role, never the person")
          .startsWith("b2." + campaign.id() + ".mentee.").doesNotContain(String.valueOf(mentee.id()) + ".");
      assertThat(tokens.put(campaign.id() + "/" + mentee.id(), delivered)).isNull();
      assertThat(invitation.message().blocks()).anySatisfy(b -> assertThat(b).isInstanceOfSatisfying(Block.Context.class,
          c -> assertThat(c.text()).contains("no name, no id and no time finer than this campaign",
              "shown to no one", "only if at least 5 people answered", "every answer is deleted unread",
              "only if more than 5 people answered", "one-way mark", "Mon 12 Jan")));
    }
    assertThat(new java.util.HashSet<>(tokens.values())).as("a fresh token in each invitation").hasSize(6);
    assertThat(nudges.slack.to(NudgeWorld.slackUser(mentors.get(0)))).isEmpty();
    assertThat(feedback.find(campaign.id()).orElseThrow().invited()).isEqualTo(6);

    // the form the button opens says the same, and asks the program's questions
    Form form = feedback.formFor(token(campaign, mentees.get(0)), java.time.ZoneId.of("Europe/London")).value();
    assertThat(form.callbackId()).isEqualTo("feedback:" + token(campaign, mentees.get(0)));
    assertThat(form.inputs().get(0).label()).contains("Who sees what").contains("at least 5");
    assertThat(form.inputs()).extracting(Form.FormInput::id).containsExactly("about", "safe", "working", "learned", "comment");
    assertThat(form.inputs().get(1)).isEqualTo(new Form.FormInput.Scale("safe", "I felt safe to speak candidly", false,
        "Not at all", "Completely"));
  }

  @Test
  void nothingIsShownWhileItCollectsThenMeansSpreadsAndShuffledCommentsForMoreThanK() {
    Campaign campaign = open(CampaignAudience.EVERYONE);
    for (int i = 0; i < 3; i++) {
      assertThat(answer(campaign, mentors.get(i), 4, "mentor comment " + i)).isInstanceOf(Submission.Accepted.class);
      assertThat(answer(campaign, mentees.get(i), 2, "mentee comment " + i)).isInstanceOf(Submission.Accepted.class);
    }
    assertThat(feedback.results(feedback.find(campaign.id()).orElseThrow()).visibility()).isEqualTo(Visibility.COLLECTING);
    assertThat(count("select count(*) from feedback_response")).isZero();

    CampaignResults results = feedback.results(close(campaign));
    assertThat(results.visibility()).isEqualTo(Visibility.SHOWN);
    assertThat(results.questions()).extracting(q -> q.overall().mean()).containsExactly(3.0, 3.0, 3.0);
    assertThat(results.questions().get(0).overall().counts()).containsExactly(0, 3, 0, 3, 0);
    // 6 answers > k = 5: comments show, shuffled; 3 mentors and 3 mentees < 5: no results by role
    assertThat(results.comments()).singleElement().satisfies(c -> assertThat(c.answers()).containsExactlyInAnyOrder(
        "mentor comment 0", "mentor comment 1", "mentor comment 2", "mentee comment 0", "mentee comment 1", "mentee comment 2"));
    assertThat(results.byRoleShown()).isFalse();
    // the role is not even stored when a role group is below k: subtracting could otherwise reveal it
    assertThat(count("select count(*) from feedback_response where role is not null")).isZero();
    assertThat(count("select count(*) from feedback_token")).isZero();
    assertThat(count("select count(*) from feedback_campaign where ballot_box is not null")).isZero();
  }

  @Test
  void commentsShowOnlyAboveKAndRolesOnlyWhenEveryRoleReachesK() {
    program = world.aReverseProgram();
    List<Person> moreMentors = new ArrayList<>();
    List<Person> moreMentees = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Person a = nudges.aPersonIn("Second mentor " + i, "Europe/London");
      moreMentors.add(a);
      Person b = nudges.aPersonIn("Second mentee " + i, "Europe/London");
      moreMentees.add(b);
      nudges.activePairing(program, nudges.mentor(program, a), nudges.mentee(program, b));
    }
    Campaign exactlyK = open(CampaignAudience.MENTORS);
    for (int i = 0; i < 5; i++) {
      answer(exactlyK, moreMentors.get(i), 4 + i % 2, "a comment");
    }
    CampaignResults atK = feedback.results(close(exactlyK));
    assertThat(atK.visibility()).isEqualTo(Visibility.SHOWN);
    assertThat(atK.questions().get(0).overall().mean()).isEqualTo(4.4);
    assertThat(atK.commentsShown()).isFalse();

    Campaign both = open(CampaignAudience.EVERYONE);
    for (int i = 0; i < 5; i++) {
      answer(both, moreMentors.get(i), 5 - i % 2, null);
      answer(both, moreMentees.get(i), 1 + i % 2, null);
    }
    CampaignResults byRole = feedback.results(close(both));
    assertThat(byRole.answeredByRole()).containsExactly(Map.entry("mentor", 5), Map.entry("mentee", 5));
    assertThat(byRole.questions().get(0).byRole().get("mentor").mean()).isEqualTo(4.6);
    assertThat(byRole.questions().get(0).byRole().get("mentee").mean()).isEqualTo(1.4);
  }

  @Test
  void fewerThanKAnswersAreDiscardedUnreadAtClose() {
    Campaign campaign = open(CampaignAudience.EVERYONE);
    for (int i = 0; i < 4; i++) {
      answer(campaign, mentors.get(i), 3, "too few to show " + i);
    }
    CampaignResults results = feedback.results(close(campaign));
    assertThat(results.visibility()).isEqualTo(Visibility.TOO_FEW);
    assertThat(results.campaign().responses()).isEqualTo(4);
    assertThat(results.questions()).isEmpty();
    assertThat(count("select count(*) from feedback_response")).isZero();
    assertThat(count("select count(*) from feedback_token")).isZero();
  }

  @Test
  void badAnswersAreRefusedWithAClearMessageAndNothingIsStored() {
    Campaign campaign = open(CampaignAudience.MENTEES);
    assertThat(answer(campaign, mentees.get(0), 4, "first")).isInstanceOf(Submission.Accepted.class);
    String before = stored();

    assertThat(answer(campaign, mentees.get(0), 5, "second")).isEqualTo(new Submission.Refused(
        "You've already answered this one, thank you. Answers can't be sent twice or changed, so nothing new was saved."));
    assertThat(feedback.submit(token(campaign, mentees.get(1)), answers(6, 0, 3, null)))
        .isEqualTo(new Submission.Invalid(Map.of("safe", "Please choose a number from 1 to 5.",
            "working", "Please choose a number from 1 to 5.")));
    Map<String, String> words = answers(3, 3, 3, null);
    words.put("learned", "very much indeed");
    assertThat(feedback.submit(token(campaign, mentees.get(1)), words))
        .isEqualTo(new Submission.Invalid(Map.of("learned", "Please choose a number from 1 to 5.")));
    assertThat(feedback.submit(token(campaign, mentees.get(1)), Map.of()))
        .isInstanceOfSatisfying(Submission.Invalid.class, i -> assertThat(i.errors()).containsOnlyKeys("safe", "working", "learned"));
    assertThat(answer(campaign, mentees.get(1), 3, "x".repeat(10_000))).isEqualTo(new Submission.Invalid(Map.of(
        "comment", "Please keep this to 2000 characters (this has 10000). Nothing was saved.")));
    assertThat(feedback.invitation(campaign.id(), mentors.get(0).id(), java.time.ZoneOffset.UTC))
        .as("a mentor gets no invitation, so no token, to a mentees' campaign").isEmpty();
    String forged = token(campaign, mentees.get(1)).replace(".mentee.", ".mentor.");
    assertThat(feedback.submit(forged, answers(3, 3, 3, null)))
        .isEqualTo(new Submission.Refused("That button doesn't open a feedback form I know, so nothing was saved."));
    assertThat(feedback.submit(String.valueOf(campaign.id()), answers(3, 3, 3, null)))
        .as("an invitation from before ballot tokens").isEqualTo(new Submission.Refused(AnonymousFeedback.REPLACED));
    String late = token(campaign, mentees.get(2));
    assertThat(stored()).isEqualTo(before);

    world.clock.advance(Duration.ofDays(8));
    assertThat(feedback.submit(late, answers(3, 3, 3, "too late"))).isEqualTo(new Submission.Refused(
        "This feedback has closed, so nothing was saved. Thank you for wanting to answer."));
    feedback.releaseDue();
    assertThat(count("select count(*) from feedback_token")).as("the used tokens go at close").isZero();
  }

  @Test
  void whileOpenEachAnswerIsSealedToTheMixerAndTakesTheSameSpaceWhateverIsWritten() {
    Campaign campaign = open(CampaignAudience.EVERYONE);
    String secretWords = "my mentor interrupts me";
    answer(campaign, mentors.get(0), 1, secretWords);
    answer(campaign, mentors.get(1), 5, null);
    answer(campaign, mentors.get(2), 5, "é".repeat(2000));
    List<Integer> sizes = db.jdbi().withHandle(h -> h.createQuery("select distinct length(sealed) from feedback_sealed_ballot")
        .mapTo(Integer.class).list());
    assertThat(sizes).as("every sealed answer has the same size").hasSize(1);
    assertThat(count("select count(*) from feedback_sealed_ballot")).isEqualTo(3);

    List<String> everyRow = db.jdbi().withHandle(h -> h.createQuery(
            """
            select to_jsonb(t)::text from feedback_campaign t union all select to_jsonb(t)::text from feedback_sealed_ballot t
            union all select to_jsonb(t)::text from nudge t union all select to_jsonb(t)::text from audit_log t""")
        .mapTo(String.class).list());
    assertThat(everyRow).noneMatch(row -> row.contains("interrupts") || row.contains("696e74657272757074")); // hex of "interrupt"
    assertThat(count("select count(*) from feedback_response")).isZero();
  }

  @Test
  void theScheduleOpensEachCampaignOnceInvitesAndReleasesItAtTheClosingTime() {
    feedback.open(program.id(), FeedbackCampaigns.Kind.MIDPOINT);
    feedback.open(program.id(), FeedbackCampaigns.Kind.MIDPOINT);
    assertThat(feedback.campaigns(program.id())).singleElement().satisfies(c -> {
      assertThat(c.purpose()).isEqualTo(Purpose.FEEDBACK);
      assertThat(c.origin()).isEqualTo("midpoint");
      assertThat(c.audience()).isEqualTo(CampaignAudience.EVERYONE);
      // two weeks, to the end of a day in the program's zone (UTC here): one instant for everyone
      assertThat(c.closesAt()).isEqualTo(java.time.LocalDate.ofInstant(world.clock.instant().plus(Duration.ofDays(14)),
          java.time.ZoneOffset.UTC).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    });
    deliver();
    assertThat(nudges.ledger.ofProgram(program.id())).filteredOn(n -> n.kind() == NudgeKind.FEEDBACK_INVITATION)
        .hasSize(12).allSatisfy(n -> assertThat(n.sentAt()).isNotNull());
    Campaign campaign = feedback.campaigns(program.id()).get(0);
    for (Person p : mentors.subList(0, 5)) {
      answer(campaign, p, 4, null);
    }

    world.clock.advance(Duration.ofDays(14));
    deliver();
    // released by the ledger's closing entry, before anyone asked for results
    assertThat(count("select count(*) from feedback_response")).isEqualTo(5);
    assertThat(count("select count(*) from feedback_campaign where released")).isEqualTo(1);

    feedback.open(program.id(), FeedbackCampaigns.Kind.CLOSING);
    assertThat(feedback.campaigns(program.id())).extracting(Campaign::purpose, Campaign::origin).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Purpose.POST_SURVEY, "closing"),
        org.assertj.core.groups.Tuple.tuple(Purpose.FEEDBACK, "closing"),
        org.assertj.core.groups.Tuple.tuple(Purpose.FEEDBACK, "midpoint"));
  }

  @Test
  void anInvitationToACampaignThatClosedMeanwhileIsNotSent() {
    Campaign campaign = open(CampaignAudience.EVERYONE);
    close(campaign);
    deliver();
    assertThat(nudges.slack.deliveries()).isEmpty();
    assertThat(nudges.ledger.ofProgram(program.id())).filteredOn(n -> n.kind() == NudgeKind.FEEDBACK_INVITATION)
        .hasSize(12).allSatisfy(n -> assertThat(n.lastError()).isEqualTo("campaign_closed"));
  }

  @Test
  void theSelfAssessmentIsReportedAsTheChangeBetweenThePreAndPostMeans() {
    feedback.open(program.id(), FeedbackCampaigns.Kind.KICKOFF);
    Campaign before = feedback.campaigns(program.id()).get(0);
    assertThat(before.purpose()).isEqualTo(Purpose.PRE_SURVEY);
    int[] pre = {2, 2, 3, 2, 1};
    int[] preUnderstanding = {2, 1, 2, 3, 2};
    int[] preSharing = {1, 2, 1, 1, 1};
    for (int i = 0; i < 5; i++) {
      feedback.submit(token(before, mentees.get(i)), Map.of("confidence_theme", String.valueOf(pre[i]),
          "understanding", "" + preUnderstanding[i], "ask_questions", "3", "share_knowledge", "" + preSharing[i]));
    }
    world.clock.advance(Duration.ofDays(15));
    assertThat(feedback.surveyChanges(program.id())).isEmpty();

    feedback.open(program.id(), FeedbackCampaigns.Kind.CLOSING);
    Campaign after = feedback.campaigns(program.id()).stream().filter(c -> c.purpose() == Purpose.POST_SURVEY).findFirst()
        .orElseThrow();
    int[] post = {4, 3, 5, 3, 3};
    int[] postUnderstanding = {4, 4, 3, 5, 4};
    int[] postSharing = {2, 3, 2, 2, 3};
    for (int i = 0; i < 5; i++) {
      feedback.submit(token(after, mentees.get(i)), Map.of("confidence_theme", String.valueOf(post[i]),
          "understanding", "" + postUnderstanding[i], "ask_questions", "3", "share_knowledge", "" + postSharing[i]));
    }
    world.clock.advance(Duration.ofDays(15));

    List<SurveyChange> changes = feedback.surveyChanges(program.id());
    // everyone answered ask_questions with 3, before and after: shown, it would tell each person's answer
    assertThat(changes).extracting(SurveyChange::questionId)
        .containsExactly("confidence_theme", "understanding", "share_knowledge");
    assertThat(changes.get(0).text()).isEqualTo("How confident do you feel talking about LGBTQ+ inclusion?");
    assertThat(changes.get(0).before()).isEqualTo(2.0);
    assertThat(changes.get(0).after()).isEqualTo(3.6);
    assertThat(changes.get(0).percentChange()).isCloseTo(80.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(changes.get(1).percentChange()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(changes.get(2).percentChange()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void formsAreDataPerProgramAndACampaignKeepsTheFormItOpenedWith() {
    FeedbackForms forms = new FeedbackFormsInDatabase(db.jdbi(), world.clock);
    FeedbackForm ours = FeedbackForm.fromJson(
        """
        {"title": "Pulse", "questions": [
          {"id": "heard", "type": "scale", "text": "My mentee listens", "low": "Rarely", "high": "Always"},
          {"id": "wish", "type": "text", "text": "One wish", "maxLength": 300, "optional": true}]}""");
    forms.save(program.id(), Purpose.FEEDBACK, ours);
    assertThat(forms.formFor(program.id(), Purpose.FEEDBACK)).isEqualTo(ours);
    assertThat(forms.formFor(world.aReverseProgram().id(), Purpose.FEEDBACK)).isEqualTo(FeedbackForm.defaultFor(Purpose.FEEDBACK));

    Campaign campaign = open(CampaignAudience.MENTORS);
    forms.reset(program.id(), Purpose.FEEDBACK);
    assertThat(feedback.find(campaign.id()).orElseThrow().form()).isEqualTo(ours);
    assertThat(feedback.submit(token(campaign, mentors.get(0)), Map.of("heard", "4", "wish", "w".repeat(301))))
        .isEqualTo(new Submission.Invalid(Map.of("wish", "Please keep this to 300 characters (this has 301). Nothing was saved.")));
    assertThat(feedback.submit(token(campaign, mentors.get(0)), Map.of("heard", "4"))).isInstanceOf(Submission.Accepted.class);
  }

  @Test
  void aSecondCampaignOfTheSamePurposeWaitsForTheFirstToClose() {
    open(CampaignAudience.EVERYONE);
    assertThat(feedback.open(program.id(), Purpose.FEEDBACK, CampaignAudience.MENTORS,
        world.clock.instant().plus(Duration.ofDays(3)), coordinator))
        .isEqualTo(org.rmbot.mentoring.common.Outcome.rejected("a feedback campaign is already open in \""
            + program.name() + "\"; close it first with feedback close"));
    assertThat(feedback.open(program.id(), Purpose.PRE_SURVEY, CampaignAudience.MENTORS,
        world.clock.instant().plus(Duration.ofDays(3)), coordinator).isDone()).isTrue();
    assertThat(feedback.open(program.id(), Purpose.POST_SURVEY, CampaignAudience.MENTORS,
        world.clock.instant().plus(Duration.ofDays(91)), coordinator).isDone()).isFalse();
  }

  private AnonymousFeedback anotherInstance() {
    return new AnonymousFeedback(db.jdbi(), new SealedBox(SECRET), SECRET, world.programs, world.participants,
        new FeedbackFormsInDatabase(db.jdbi(), world.clock), CampaignSchedule.NONE, world.audit, world.clock);
  }

  @Test
  void answersTakenByAnyInstanceAreMixedByTheOneMixerInGroupsOfKPerRoleAtTheHour() {
    Campaign campaign = open(CampaignAudience.EVERYONE);
    AnonymousFeedback other = anotherInstance();
    feedback.tick(); // this instance holds the mixer's lease
    for (int i = 0; i < 6; i++) {
      // every other answer reaches the other instance: both seal to the one mixer's key
      AnonymousFeedback taking = i % 2 == 0 ? feedback : other;
      assertThat(taking.submit(token(campaign, mentors.get(i)), answers(4, 4, 4, null))).isInstanceOf(Submission.Accepted.class);
    }
    for (int i = 0; i < 4; i++) {
      answer(campaign, mentees.get(i), 2, null);
    }
    other.tick(); // not the mixer: changes nothing
    assertThat(count("select count(*) from feedback_sealed_ballot")).isEqualTo(10);
    world.clock.advance(Duration.ofMinutes(30));
    feedback.tick();
    assertThat(count("select count(*) from feedback_sealed_ballot")).as("before the hour nothing is mixed").isEqualTo(10);
    world.clock.advance(Duration.ofMinutes(31));
    feedback.tick();
    // mentors: 6 >= 2k? k = 5 here, so no; nothing moves until 10 of a role wait
    assertThat(count("select ballots from feedback_campaign")).isZero();
    assertThat(feedback.find(campaign.id()).orElseThrow().responses()).isEqualTo(10);

    Campaign closed = close(campaign);
    assertThat(closed.released()).isTrue();
    assertThat(count("select count(*) from feedback_response")).isEqualTo(10);
    assertThat(count("select count(*) from feedback_response where role is null")).as("mentees below k: no roles").isEqualTo(10);
    assertThat(count("select count(*) from feedback_token") + count("select count(*) from feedback_sealed_ballot")).isZero();
  }

  @Test
  void aMixerThatRestartsLosesWhatItHadNotMixedSaysSoAndThoseButtonsWorkAgain() {
    Campaign campaign = open(CampaignAudience.MENTORS);
    feedback.tick();
    String first = token(campaign, mentors.get(0));
    assertThat(feedback.submit(first, answers(4, 4, 4, null))).isInstanceOf(Submission.Accepted.class);
    assertThat(feedback.formFor(first, java.time.ZoneOffset.UTC)).isInstanceOf(org.rmbot.mentoring.common.Outcome.Rejected.class);

    // the mixer dies (its key with it); after its lease runs out another instance takes over
    world.clock.advance(BallotMixer.LEASE.plusSeconds(1));
    AnonymousFeedback next = anotherInstance();
    next.tick();
    assertThat(count("select count(*) from feedback_sealed_ballot")).isZero();
    assertThat(next.find(campaign.id()).orElseThrow().lost()).isEqualTo(1);
    assertThat(next.formFor(first, java.time.ZoneOffset.UTC).value().callbackId()).as("the button works again")
        .isEqualTo(FeedbackInvitation.FORM_PREFIX + first);
    for (int i = 0; i < 5; i++) {
      assertThat(next.submit(token(campaign, mentors.get(i)), answers(3, 3, 3, null))).isInstanceOf(Submission.Accepted.class);
    }
    next.closeCollecting(program.id(), coordinator);
    Campaign closed = next.find(campaign.id()).orElseThrow();
    assertThat(closed.responses()).isEqualTo(5);
    assertThat(FeedbackInvitation.caveats(closed).orElse(""))
        .contains("1 answer was lost because the bot restarted before mixing them; those people were able to answer again");
  }

  @Test
  void anInvitationSentAgainAfterAnAttemptThatMayHaveArrivedIsCountedAndShown() {
    nudges.slack.failNextSends(new org.rmbot.mentoring.chat.ChatFailure.Transient("timeout", null));
    Campaign campaign = open(CampaignAudience.MENTEES);
    deliver();
    world.clock.advance(Duration.ofMinutes(2));
    deliver();
    assertThat(nudges.slack.deliveries()).hasSize(6);
    Campaign counted = feedback.find(campaign.id()).orElseThrow();
    assertThat(counted.resent()).isEqualTo(1);
    assertThat(FeedbackInvitation.caveats(counted).orElse(""))
        .contains("Up to 1 person may have had two invitations");
  }

  @Test
  void aCampaignOpenedBeforeBallotTokensKeepsItsBoxAndReceiptsAndInvitesWhoHasNotAnsweredAgain() {
    Campaign campaign = open(CampaignAudience.MENTORS);
    // as the earlier version left it: an answer in the box, its receipt, design 1
    Receipts receipts = new Receipts(SECRET);
    SealedBox box = new SealedBox(SECRET);
    List<Ballot> old = List.of(new Ballot("mentor", Map.of("safe", 1, "working", 1, "learned", 1)));
    db.jdbi().useHandle(h -> {
      h.createUpdate("update feedback_campaign set design = 1, ballot_box = :b, ballots = 1 where id = :id")
          .bind("b", BallotBox.seal(box, campaign.id(), old, BallotBox.recordSize(campaign.form()))).bind("id", campaign.id()).execute();
      for (int i = 0; i < 1; i++) {
        h.createUpdate("insert into feedback_receipt values (:c, :r)").bind("c", campaign.id())
            .bind("r", receipts.of(campaign.id(), mentors.get(i).id())).execute();
      }
    });
    int invitationsBefore = nudges.ledger.ofProgram(program.id()).size();
    assertThat(feedback.upgradeOpenCampaigns()).as("everyone without a receipt").isEqualTo(5);
    assertThat(feedback.upgradeOpenCampaigns()).as("once").isZero();
    assertThat(nudges.ledger.ofProgram(program.id()).size() - invitationsBefore).isEqualTo(5);
    assertThat(feedback.submit(String.valueOf(campaign.id()), answers(5, 5, 5, null)))
        .isEqualTo(new Submission.Refused(AnonymousFeedback.REPLACED));
    for (int i = 1; i < 6; i++) {
      answer(campaign, mentors.get(i), 5, null);
    }
    close(campaign);
    assertThat(count("select count(*) from feedback_response")).isEqualTo(6);
    assertThat(count("select count(*) from feedback_response where answers->>'safe' = '1'")).as("the old box's").isEqualTo(1);
    assertThat(count("select count(*) from feedback_receipt")).isZero();
  }

  @Test
  void aMixerThatStopsCleanlyHandsWhatWaitsOverToAnotherInstanceAndNothingIsLost() {
    Campaign campaign = open(CampaignAudience.MENTORS);
    AnonymousFeedback other = anotherInstance();
    feedback.tick();
    other.tick(); // not the mixer: offers its own key
    for (int i = 0; i < 6; i++) {
      AnonymousFeedback taking = i % 2 == 0 ? feedback : other;
      assertThat(taking.submit(token(campaign, mentors.get(i)), answers(4, 4, 4, null))).isInstanceOf(Submission.Accepted.class);
    }
    assertThat(feedback.stop()).as("handed over").isTrue();
    other.tick();
    other.closeCollecting(program.id(), coordinator);
    Campaign closed = other.find(campaign.id()).orElseThrow();
    assertThat(closed.released()).isTrue();
    assertThat(closed.lost()).isZero();
    assertThat(count("select count(*) from feedback_response")).isEqualTo(6);
  }

  @Test
  void aMixerThatStopsWithNobodyToTakeOverLosesWhatWaitsAndSaysSo() {
    Campaign campaign = open(CampaignAudience.MENTORS);
    feedback.tick();
    assertThat(feedback.submit(token(campaign, mentors.get(0)), answers(4, 4, 4, null))).isInstanceOf(Submission.Accepted.class);
    assertThat(feedback.stop()).as("no other instance").isFalse();
    AnonymousFeedback restarted = anotherInstance();
    restarted.tick();
    assertThat(restarted.find(campaign.id()).orElseThrow().lost()).isEqualTo(1);
  }
}
