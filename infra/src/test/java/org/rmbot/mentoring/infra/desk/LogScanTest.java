package org.rmbot.mentoring.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.chat.ChatFailure;
import org.rmbot.mentoring.chat.ActionIds;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.conversation.Reply;
import org.rmbot.mentoring.feedback.FeedbackCampaigns;
import org.rmbot.mentoring.feedback.FeedbackInvitation;
import org.rmbot.mentoring.meeting.CheckInAnswer;
import org.rmbot.mentoring.testing.TestDatabase;
import org.slf4j.LoggerFactory;

/**
 * Free text people write (focus areas, reflections, help-request notes, feedback comments,
 * names they type) never reaches the logs: a program is driven through the desk and the
 * schedule with every logger at TRACE, including failures and refused input, and everything
 * logged is scanned for the words people wrote.
 */
class LogScanTest {
  private static final List<String> WRITTEN = List.of("zebra-focus-7781", "zebra-reflection-7782", "zebra-help-7783",
      "zebra-comment-7784", "zebra-toolong-7785", "zebra-topic-7786", "zebra-dept-7787", "zebra-survey-7788",
      "zebra-command-7789");

  @RegisterExtension final TestDatabase db = new TestDatabase();
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      String thrown = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
      logged.add(event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage() + " "
          + event.getMDCPropertyMap() + " " + thrown);
    }
  };
  private Logger root;
  private Level rootLevel;
  private Logger ours;
  private Level ourLevel;

  @BeforeEach
  void captureEverything() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ours = context.getLogger("org.rmbot");
    rootLevel = root.getLevel();
    ourLevel = ours.getLevel();
    root.setLevel(Level.TRACE);
    ours.setLevel(Level.TRACE);
    capture.setContext(context);
    capture.start();
    root.addAppender(capture);
  }

  @AfterEach
  void restore() {
    root.detachAppender(capture);
    capture.stop();
    root.setLevel(rootLevel);
    ours.setLevel(ourLevel);
  }

  @Test
  void nothingPeopleWriteIsLogged() {
    try (DeskWorld w = new DeskWorld(db.database())) {
      Scene scene = new Scene(w, 5, Map.of(0, "focus " + WRITTEN.get(0), 1, "focus " + WRITTEN.get(0)), List.of(0));
      Caller amara = scene.mentors.get(0);
      long pairing = scene.pairings.get(0).id();
      w.submit(amara, ActionIds.REFLECTION_FORM + pairing, Map.of("text", "I learned " + WRITTEN.get(1)));
      w.submit(amara, ActionIds.REFLECTION_FORM + pairing, Map.of("text", WRITTEN.get(4).repeat(500)));
      w.say(amara, "help-request " + WRITTEN.get(2));
      w.say(amara, "snooze " + WRITTEN.get(8));
      w.say(amara, WRITTEN.get(8) + " please");
      w.submit(scene.mentees.get(4), "join:" + scene.program.id(), Map.of("role", "mentee", "grade", "x",
          "department", WRITTEN.get(6), "topics_offered", WRITTEN.get(5)));
      w.core.meetings().checkIn(pairing, scene.person(amara).id(), LocalDate.of(2026, 1, 5), CheckInAnswer.MET);

      // a delivery that fails, then works: the failure is logged, the words are not
      w.slack.failNextSends(new ChatFailure.Transient("http_503", null), new ChatFailure.Permanent("invalid_blocks"));
      w.nudges.feedback().open(scene.program.id(), FeedbackCampaigns.Kind.KICKOFF);
      w.nudges.feedback().open(scene.program.id(), FeedbackCampaigns.Kind.MIDPOINT);
      w.deliver();
      long survey = w.nudges.feedback().campaigns(scene.program.id()).get(1).id();
      long feedback = w.nudges.feedback().campaigns(scene.program.id()).get(0).id();
      for (Caller c : scene.everyone()) {
        // one invitation of each campaign failed on purpose: that person has no button to press
        String feedbackToken = w.tokenOrNull(c, feedback);
        String surveyToken = w.tokenOrNull(c, survey);
        w.click(c, FeedbackInvitation.OPEN_FORM, String.valueOf(feedbackToken));
        w.submit(c, "feedback:" + feedbackToken, Map.of("safe", "3", "working", "4", "learned", "5",
            "comment", WRITTEN.get(3) + " from " + c.identity().userId()));
        w.submit(c, "feedback:" + surveyToken, Map.of("confidence_theme", "2", "understanding", "3", "ask_questions", WRITTEN.get(7),
            "share_knowledge", "1"));
        w.submit(c, "feedback:" + feedbackToken, Map.of("safe", "9", "comment", WRITTEN.get(4).repeat(600)));
      }
      w.world.clock.advance(Duration.ofDays(15));
      w.deliver();
      w.say(scene.coordinator, "feedback results");
      w.say(scene.coordinator, "report");
      w.say(scene.coordinator, "export");
      w.say(scene.coordinator, "status");
      w.say(amara, "journal");
      w.say(amara, "my-data");
      Reply asked = w.say(amara, "forget-me");
      w.click(amara, DeskWorld.button(asked).actionId(), DeskWorld.button(asked).value());
      w.say(scene.coordinator, "forget <@UM1>");
    }

    // the capture works: something was logged, and a line with the words would be caught
    assertThat(logged).isNotEmpty();
    assertThat(logged).anySatisfy(line -> assertThat(line).contains("nudge"));
    LoggerFactory.getLogger("org.rmbot.test").info("a line with {}", WRITTEN.get(0));
    assertThat(logged).anySatisfy(line -> assertThat(line).contains(WRITTEN.get(0)));
    // drop our own marker line by its logger, not its position: Quartz may log in between
    logged.removeIf(line -> line.contains(" org.rmbot.test a line with "));

    for (String words : WRITTEN) {
      assertThat(logged).as(words).noneMatch(line -> line.contains(words));
    }
  }
}
