package org.rmbot.mentoring.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.chat.Form;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.conversation.Reply;
import org.rmbot.mentoring.feedback.FeedbackInvitation;
import org.rmbot.mentoring.meeting.CheckInAnswer;
import org.rmbot.mentoring.report.ProgramFigures;
import org.rmbot.mentoring.testing.FakeChatPlatform;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * Feedback and the impact report as people meet them in chat: a coordinator opens a campaign
 * with the form, everyone gets the invitation and answers through its button, results show
 * once it closes; {@code report} posts the figures, a PNG chart and a CSV through the (fake)
 * platform, and {@code export} two CSV files without any anonymous row.
 */
class FeedbackAndReportTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private DeskWorld w;
  private Scene scene;

  @BeforeEach
  void setUp() {
    w = new DeskWorld(db.database());
    scene = new Scene(w, 6, Map.of(0, "first-generation graduate", 1, "neurodivergent at work"), List.of(0));
  }

  @AfterEach
  void tearDown() {
    w.close();
  }

  private String user(Caller caller) {
    return caller.identity().userId();
  }

  private Reply answer(Caller who, long campaign, int score, String comment) {
    Reply form = w.click(who, FeedbackInvitation.OPEN_FORM, w.token(who, campaign));
    assertThat(form).as(DeskWorld.text(form)).isInstanceOf(Reply.ShowForm.class);
    Map<String, String> values = new HashMap<>(Map.of("safe", "" + score, "working", "" + score, "learned", "" + score));
    if (comment != null) {
      values.put("comment", comment);
    }
    return w.submit(who, ((Reply.ShowForm) form).form().callbackId(), values);
  }

  @Test
  void aCoordinatorOpensFeedbackEveryoneIsInvitedAndResultsShowOnlyOnceItClosed() {
    Reply form = w.say(scene.coordinator, "feedback open");
    assertThat(form).isInstanceOf(Reply.ShowForm.class);
    Form open = ((Reply.ShowForm) form).form();
    Reply opened = w.submit(scene.coordinator, open.callbackId(),
        Map.of("purpose", "feedback", "audience", "everyone", "closes", "2026-01-16"));
    assertThat(DeskWorld.text(opened)).contains("12 people are invited").contains("Fri 16 Jan");
    w.deliver();

    long campaign = w.nudges.feedback().campaigns(scene.program.id()).get(0).id();
    for (Caller c : scene.everyone()) {
      FakeChatPlatform.Delivery invitation = w.slack.to(user(c)).get(0);
      assertThat(DeskWorld.text(invitation.message())).contains("Who sees what").contains("at least 5 people answered");
    }
    for (int i = 0; i < 6; i++) {
      assertThat(DeskWorld.text(answer(scene.mentors.get(i), campaign, 3 + i % 2, "mentor note " + i))).contains("your answers are saved");
    }
    // bad answers through the desk: a clear message, nothing stored
    Caller mentee = scene.mentees.get(0);
    Reply tooLong = answer(mentee, campaign, 3, "x".repeat(10_000));
    assertThat(tooLong).isEqualTo(new Reply.FormErrors(Map.of("comment",
        "Please keep this to 2000 characters (this has 10000). Nothing was saved.")));
    assertThat(w.submit(mentee, "feedback:" + w.token(mentee, campaign), Map.of("safe", "7", "working", "1", "learned", "1")))
        .isEqualTo(new Reply.FormErrors(Map.of("safe", "Please choose a number from 1 to 5.")));
    assertThat(DeskWorld.text(w.submit(scene.mentors.get(0), "feedback:" + w.token(scene.mentors.get(0), campaign),
        Map.of("safe", "1", "working", "1", "learned", "1")))).contains("You've already answered this one");
    assertThat(DeskWorld.text(w.click(scene.mentors.get(0), FeedbackInvitation.OPEN_FORM, w.token(scene.mentors.get(0), campaign))))
        .contains("You've already answered this one");
    assertThat(w.count("select count(*) from feedback_sealed_ballot")).isEqualTo(6);

    assertThat(DeskWorld.text(w.say(scene.coordinator, "feedback results")))
        .contains("open until").contains("6 of 12 answered so far").contains("No campaign has closed yet");
    assertThat(DeskWorld.text(w.say(scene.coordinator, "feedback close"))).contains("Feedback: 6 answers");
    assertThat(DeskWorld.text(w.submit(mentee, "feedback:" + w.token(mentee, campaign), Map.of("safe", "3", "working", "3", "learned", "3"))))
        .contains("has closed, so nothing was saved");

    String results = DeskWorld.text(w.say(scene.coordinator, "feedback results"));
    assertThat(results).contains("6 of 12 invited answered").contains("• I felt safe to speak candidly: 3.5 / 5 (1: 0 · 2: 0 · 3: 3 · 4: 3 · 5: 0)")
        .contains("mentor note 0", "mentor note 5").contains("(in random order)");
    assertThat(results).doesNotContain("Mentor Number");
  }

  /**
   * The click that opens the form and the submission write nothing about the person: every row
   * of every table is the same before and after, but for one used token and one sealed answer
   * (neither names anyone). A person the bot knew only by email is not even linked to their
   * platform account on the way. And anything on those paths that tries to write fails loudly.
   */
  @Test
  void openingAndSendingTheFormWriteNothingButTheSealedAnswerAndItsUsedToken() {
    w.nudges.feedback().open(scene.program.id(), org.rmbot.mentoring.feedback.FeedbackCampaigns.Kind.MIDPOINT);
    w.deliver();
    long campaign = w.nudges.feedback().campaigns(scene.program.id()).get(0).id();
    Caller mentor = scene.mentors.get(1);
    String token = w.token(mentor, campaign);
    // someone else's click as an unknown caller with an email: the anonymous path must not create or link anyone
    Caller stranger = new Caller(new org.rmbot.mentoring.participant.PlatformIdentity(
        org.rmbot.mentoring.participant.Platform.SLACK, "T1", "UNEW"), "New Person", java.util.Optional.of("new@example.com"),
        java.util.Optional.empty());
    Map<String, List<String>> before = everyRow();

    Reply form = w.click(mentor, FeedbackInvitation.OPEN_FORM, token);
    assertThat(form).isInstanceOf(Reply.ShowForm.class);
    assertThat(DeskWorld.text(w.click(stranger, FeedbackInvitation.OPEN_FORM, token))).doesNotContain("Sorry");
    assertThat(everyRow()).as("opening the form wrote nothing").isEqualTo(before);
    Reply thanks = w.submit(mentor, ((Reply.ShowForm) form).form().callbackId(),
        Map.of("safe", "4", "working", "4", "learned", "4"));
    assertThat(DeskWorld.text(thanks)).contains("your answers are saved").contains("If the bot restarts before");

    Map<String, List<String>> after = everyRow();
    assertThat(after.get("feedback_token")).hasSize(before.get("feedback_token").size() + 1);
    assertThat(after.get("feedback_sealed_ballot")).hasSize(before.get("feedback_sealed_ballot").size() + 1);
    after.remove("feedback_token");
    after.remove("feedback_sealed_ballot");
    before.remove("feedback_token");
    before.remove("feedback_sealed_ballot");
    assertThat(after).as("nothing else changed: no person, identity, last-seen, audit or ledger row").isEqualTo(before);

    // the scope those paths run in: any write through the bot's database access fails, loudly
    var teamsPeople = new org.rmbot.mentoring.teams.TeamsPeopleInDatabase(w.world.jdbi, w.world.clock);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.rmbot.mentoring.persistence.ReadOnlyScope.run(() -> {
      teamsPeople.seen(new org.rmbot.mentoring.teams.TeamsPeople.Seen("tenant", "aad", "29:x", "Someone", "https://s", null,
          null));
      return null;
    })).hasMessageContaining("read-only transaction");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.rmbot.mentoring.persistence.ReadOnlyScope.run(() ->
        w.world.jdbi.withHandle(h -> h.execute("update person set display_name = 'x'"))))
        .hasMessageContaining("read-only transaction");
    assertThat(w.count("select count(*) from teams_person")).as("and outside it, writes work as ever").isZero();
    teamsPeople.seen(new org.rmbot.mentoring.teams.TeamsPeople.Seen("tenant", "aad", "29:x", "Someone", "https://s", null, null));
    assertThat(w.count("select count(*) from teams_person")).isEqualTo(1);
  }

  /** Every row of every table, as text, by table. */
  private Map<String, List<String>> everyRow() {
    List<String> tables = w.world.jdbi.withHandle(h -> h.createQuery(
            "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")
        .mapTo(String.class).list());
    Map<String, List<String>> rows = new java.util.TreeMap<>();
    for (String table : tables) {
      rows.put(table, w.world.jdbi.withHandle(h -> h.createQuery(
              "select to_jsonb(t)::text from \"" + table + "\" t order by 1").mapTo(String.class).list()));
    }
    return rows;
  }

  @Test
  void reportPostsTheFiguresAChartAndACsvAndExportHasNoAnonymousRows() throws Exception {
    // three windows of two weeks: pairs 0 to 3 confirm a meeting every window, 4 and 5 never do
    for (int window = 0; window < 3; window++) {
      w.world.clock.advance(Duration.ofDays(13));
      for (int i = 0; i < 4; i++) {
        w.core.meetings().checkIn(scene.pairings.get(i).id(), scene.participant(scene.mentees.get(i)).personId(),
            LocalDate.of(2026, 1, 5).plusDays(14L * window), CheckInAnswer.MET);
      }
      w.world.clock.advance(Duration.ofDays(1));
    }
    w.world.clock.advance(Duration.ofDays(1));
    w.say(scene.mentors.get(4), "help-request my mentee keeps cancelling");
    long campaign = w.nudges.feedback().open(scene.program.id(), org.rmbot.mentoring.feedback.Purpose.FEEDBACK,
        org.rmbot.mentoring.feedback.CampaignAudience.EVERYONE, w.world.clock.instant().plus(Duration.ofDays(3)),
        org.rmbot.mentoring.access.Actor.person(scene.person(scene.coordinator).id())).value().id();
    w.deliver();
    for (int i = 0; i < 6; i++) {
      answer(scene.mentees.get(i), campaign, 2 + i % 3, "secret comment " + i);
    }
    w.world.clock.advance(Duration.ofDays(4));
    int slackBefore = w.slack.deliveries().size();

    Reply reply = w.say(scene.coordinator, "report");
    assertThat(DeskWorld.text(reply)).contains("I've sent the report for \"Pilot\" to our direct messages");

    String cora = user(scene.coordinator);
    List<FakeChatPlatform.Delivery> posted = w.slack.deliveries().subList(slackBefore, w.slack.deliveries().size());
    assertThat(posted).allSatisfy(d -> assertThat(d.members()).containsExactly(cora));
    String message = DeskWorld.text(posted.get(0).message());
    assertThat(message).contains("Report: Pilot", "Enrolled: 6 mentors, 6 mentees", "Matched: 12 of 12 (100%)",
        "Pairs: 6 proposed, 6 accepted by both, 0 declined; 6 active now", "12 held (2.0 per pair",
        "At risk now: 2 pairs", "Help requests: 1 (1 open)", "6 answered (of 12 invited",
        "I felt safe to speak candidly: 3.0 / 5", "By role: hidden");
    assertThat(message).doesNotContain("secret comment", "keeps cancelling");

    List<FakeChatPlatform.Upload> files = w.slack.uploads();
    assertThat(files).extracting(FakeChatPlatform.Upload::fileName).containsExactly("pilot-chart.png", "pilot-figures.csv");
    assertThat(files).allSatisfy(f -> assertThat(f.reaches(cora)).isTrue());
    BufferedImage chart = ImageIO.read(new ByteArrayInputStream(files.get(0).content()));
    assertThat(chart.getWidth()).isEqualTo(900);
    assertThat(chart.getHeight()).isEqualTo(450);

    List<CSVRecord> figures = csv(files.get(1).content());
    assertThat(value(figures, "activity", "meetings_held", "")).isEqualTo("12");
    assertThat(value(figures, "risk", "pairs at risk now", "")).isEqualTo(String.valueOf(
        new ProgramFigures(w.world.jdbi, w.world.clock).atRiskPairings(scene.program).size()));
    assertThat(figures).filteredOn(r -> r.get("section").equals("weekly") && r.get("metric").equals("meetings held"))
        .extracting(r -> r.get("group") + "=" + r.get("value"))
        .containsExactly("2026-01-05=0", "2026-01-12=4", "2026-01-19=0", "2026-01-26=4", "2026-02-02=0", "2026-02-09=4",
            "2026-02-16=0");
    assertThat(figures).filteredOn(r -> r.get("section").equals("weekly") && r.get("metric").equals("pairs at risk"))
        .extracting(r -> r.get("value")).endsWith("2");
    assertThat(value(figures, "feedback", "I felt safe to speak candidly", "mean")).isEqualTo("3.00");
    assertThat(new String(files.get(1).content(), StandardCharsets.UTF_8)).doesNotContain("secret comment");

    assertThat(DeskWorld.text(w.say(scene.coordinator, "export"))).contains("two CSV files");
    List<FakeChatPlatform.Upload> exported = w.slack.uploads().subList(2, 4);
    assertThat(exported).extracting(FakeChatPlatform.Upload::fileName)
        .containsExactly("pilot-figures.csv", "pilot-participants.csv");
    List<CSVRecord> people = csv(exported.get(1).content());
    assertThat(people).hasSize(12);
    assertThat(people).filteredOn(r -> r.get("name").equals("Mentor Number0")).singleElement()
        .satisfies(r -> {
          assertThat(r.get("focus areas (shared by the person)")).isEqualTo("first-generation graduate");
          assertThat(r.get("partner")).isEqualTo("Mentee Number0");
          assertThat(r.get("meetings confirmed")).isEqualTo("3");
        });
    String everything = new String(exported.get(0).content(), StandardCharsets.UTF_8)
        + new String(exported.get(1).content(), StandardCharsets.UTF_8);
    assertThat(everything).doesNotContain("neurodivergent", "secret comment", "keeps cancelling");
    // no row per anonymous answer: the feedback section is one row per figure (the count and whether shown, then per
    // question how many answered, the mean and how many chose each of 1 to 5)
    assertThat(csv(exported.get(0).content())).filteredOn(r -> r.get("section").equals("feedback")).hasSize(2 + 3 * 7);
    assertThat(w.world.audit.ofProgram(scene.program.id())).extracting(e -> e.action())
        .contains("report", "export");
  }

  private static List<CSVRecord> csv(byte[] content) throws Exception {
    return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(new String(content, StandardCharsets.UTF_8))).getRecords();
  }

  private static String value(List<CSVRecord> rows, String section, String metric, String group) {
    return rows.stream().filter(r -> r.get("section").equals(section) && r.get("metric").equals(metric)
            && r.get("group").equals(group))
        .map(r -> r.get("value")).findFirst().orElseThrow(() -> new AssertionError(section + "/" + metric + " not in the CSV"));
  }
}
