package org.rmbot.mentoring.infra.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rmbot.mentoring.common.Phrases;
import org.rmbot.mentoring.chat.ActionIds;
import org.rmbot.mentoring.importing.ParticipantRow;
import org.rmbot.mentoring.infra.demo.Cast.Member;
import org.rmbot.mentoring.infra.demo.DemoRuns.Config;
import org.rmbot.mentoring.infra.demo.Story.Act;
import org.rmbot.mentoring.infra.demo.Story.Message;
import org.rmbot.mentoring.infra.desk.MentorNeverOrganisesTest;
import org.rmbot.mentoring.matching.LivedExperience;
import org.rmbot.mentoring.report.ProgramActivity;

/**
 * The transcript reader: every message of a whole program, read as the person who got it, on
 * both platforms and three seeds. It checks invariants on what the demo recorded as values (who
 * got what, their role, the message's catalogue key, the moments and figures the bot gave it, what
 * people did, the database's pairings and campaigns), not on the words, so it keeps working when
 * the words change:
 * <ul>
 *   <li>nobody gets the same message twice for the same event;
 *   <li>every moment told to someone is shown in their own zone, and is the instant everyone else
 *       was told about the same thing;
 *   <li>no message asks a mentor to book or organise;
 *   <li>nobody gets a message meant for pairs while they are not in one;
 *   <li>once the program has ended, nothing organises pairs: only the closing thanks and feedback go out;
 *   <li>every figure of the report and of the summary is the count of the events in the transcript;
 *   <li>no lived-experience topic reaches anyone but its owner without the owner's consent.
 * </ul>
 */
class TranscriptReaderTest {
  private static final Pattern ZONE_ID = Pattern.compile(
      "\\b(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Z][A-Za-z_]+");
  private static final Pattern LEAD = Pattern.compile("/P(T)?[0-9A-Z.]+$");
  private static final Pattern PAIRING = Pattern.compile("/pairing:(\\d+)");

  static Stream<Config> configs() {
    return DemoRuns.ALL.stream();
  }

  private static DemoRuns.Run run(Config c) {
    DemoRuns.Run run = DemoRuns.of(c);
    assertThat(run.exitCode()).isZero();
    return run;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void nobodyGetsTheSameMessageTwiceForTheSameEvent(Config c) {
    Story story = run(c).story();
    Map<String, Message> seen = new HashMap<>();
    for (Message m : story.messages) {
      if (m.reply() || m.deliveryKey() == null) {
        continue;
      }
      String event = LEAD.matcher(m.about()).replaceAll("");
      for (Member to : m.to()) {
        String who = to.email() + " " + event;
        Message before = seen.put(who + " " + m.text(), m);
        assertThat(before).as("%s got the same message twice: %s", to.name(), m.text()).isNull();
        for (Message other : story.messages) {
          if (other != m && !other.reply() && other.to().contains(to) && other.deliveryKey() != null
              && LEAD.matcher(other.about()).replaceAll("").equals(event)
              && Duration.between(other.at(), m.at()).abs().compareTo(Duration.ofMinutes(30)) < 0) {
            assertThat(other.seq()).as("%s got two messages about %s within half an hour: %s / %s", to.name(), event,
                other.text(), m.text()).isEqualTo(m.seq());
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void everyMomentIsToldInTheReadersOwnZoneAndIsTheSameForEveryone(Config c) {
    Story story = run(c).story();
    Map<String, Instant> toldAbout = new HashMap<>();
    int moments = 0;
    for (Message m : story.messages) {
      assertThat(ZONE_ID.matcher(m.text()).find()).as("a raw zone id to %s: %s", m.to(), m.text()).isFalse();
      for (Instant moment : m.meaning().moments()) {
        moments++;
        for (Member to : m.to()) {
          assertThat(m.text()).as("to %s in %s", to.name(), to.zone()).contains(Phrases.moment(moment, to.zone()));
        }
        // the same thing, told to different people: one instant
        String about = aboutWhat(story, m);
        if (about != null) {
          Instant first = toldAbout.putIfAbsent(about, moment);
          assertThat(moment).as("%s, told to %s", about, m.to()).isEqualTo(first == null ? moment : first);
        }
      }
    }
    assertThat(moments).as("moments checked").isGreaterThan(100);
    for (Story.Campaign campaign : story.campaigns) {
      assertThat(toldAbout.get("campaign:" + campaign.id())).as("campaign %s", campaign.id())
          .isIn(null, campaign.closesAt());
    }
  }

  /** What a moment is about, when several people are told it: a campaign's close, a meeting. */
  private static String aboutWhat(Story story, Message m) {
    String key = m.deliveryKey() == null ? "" : m.deliveryKey();
    Matcher campaign = Pattern.compile("campaign:(\\d+)").matcher(key);
    if (campaign.find()) {
      return "campaign:" + campaign.group(1);
    }
    Matcher meeting = Pattern.compile("meeting:(\\d+)@").matcher(key);
    if (meeting.find()) {
      return "meeting:" + meeting.group(1);
    }
    return null;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void noMessageAsksAMentorToBookOrOrganise(Config c) {
    Story story = run(c).story();
    Map<String, Long> personIds = new HashMap<>();
    story.emails.forEach((id, email) -> personIds.put(email.toLowerCase(java.util.Locale.ROOT), id));
    int toMentors = 0;
    for (Message m : story.messages) {
      for (Member to : m.to()) {
        if (!to.isMentor()) {
          continue;
        }
        toMentors++;
        Long id = personIds.get(to.email().toLowerCase(java.util.Locale.ROOT));
        assertThat(m.meaning().organiser()).as("asked to organise, to mentor %s: %s", to.name(), m.text())
            .isNotEqualTo(id);
        if (m.to().size() == 1) {
          assertThat(MentorNeverOrganisesTest.ASKS_TO_ORGANISE.matcher(m.text()).find())
              .as("a message to mentor %s alone asks them to organise: %s", to.name(), m.text()).isFalse();
        }
      }
    }
    assertThat(toMentors).isGreaterThan(200);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void nobodyUnmatchedGetsAMessageMeantForPairs(Config c) {
    Story story = run(c).story();
    int checked = 0;
    for (Message m : story.messages) {
      if (!m.meaning().forPairs()) {
        continue;
      }
      for (Member to : m.to()) {
        if (to.role().isEmpty()) {
          continue; // a coordinator reads the program's words as the program's
        }
        checked++;
        Optional<Story.Campaign> campaign = campaignOf(story, m);
        if (campaign.isPresent()) {
          assertThat(story.activeAt(to.email(), campaign.get().openedAt()))
              .as("%s was invited while not in a pairing: %s", to.name(), m.text()).isTrue();
        } else {
          assertThat(story.pairedAt(to.email(), m.at()))
              .as("%s got a message for pairs while not in one: %s", to.name(), m.text()).isTrue();
        }
      }
    }
    assertThat(checked).isGreaterThan(500);
    // everyone a matching round left without a partner is told, privately, once
    for (Act commit : story.acts) {
      if (!commit.how().equals("command") || !(commit.what().equals("match commit") || commit.what().equals("rematch"))) {
        continue;
      }
      Instant after = commit.at().plus(Duration.ofMinutes(1));
      for (Member p : participants(story)) {
        if (!story.pairedAt(p.email(), after)) {
          assertThat(story.messages).as("%s, left without a partner by the %s of %s", p.name(), commit.what(), commit.at())
              .anyMatch(m -> m.to().equals(List.of(p)) && m.meaning().key().equals("unmatched")
                  && !m.at().isBefore(lastPairingEnd(story, p.email(), commit.at())));
        }
      }
    }
  }

  /** The ledger kinds that keep a pairing going; none makes sense after the program said goodbye. */
  private static final Set<String> ORGANISING = Set.of("introduction", "book_first_meeting", "mentor_preparation",
      "meeting_reminder", "check_in", "reflection", "stalled", "at_risk", "proposal");

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void afterTheProgramEndsNothingOrganisesPairs(Config c) {
    Story story = run(c).story();
    assertThat(story.programEnd).isNotNull();
    int before = 0;
    for (Message m : story.messages) {
      if (m.at().isBefore(story.programEnd)) {
        before += ORGANISING.contains(m.kind()) ? 1 : 0;
        continue;
      }
      if (!m.reply()) {
        assertThat(ORGANISING).as("after the end (%s), to %s: %s", story.programEnd, m.to(), m.text())
            .doesNotContain(m.kind());
      }
      assertThat(m.meaning().key()).as("a booking after the end, to %s: %s", m.to(), m.text())
          .isNotEqualTo("reply.booking");
    }
    // the check reads a program that organised its pairs until its last day
    assertThat(before).as("messages organising pairs before the end").isGreaterThan(100);
  }

  /** When the person's last pairing before {@code t} ended (or the start of time, if they had none). */
  private static Instant lastPairingEnd(Story story, String email, Instant t) {
    return story.pairings.stream().filter(p -> p.involves(email) && p.closedAt() != null && !p.closedAt().isAfter(t))
        .map(Story.Pairing::closedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
  }

  private static Optional<Story.Campaign> campaignOf(Story story, Message m) {
    Matcher campaign = Pattern.compile("campaign:(\\d+)").matcher(m.deliveryKey() == null ? "" : m.deliveryKey());
    if (!campaign.find()) {
      return Optional.empty();
    }
    long id = Long.parseLong(campaign.group(1));
    return story.campaigns.stream().filter(x -> x.id() == id).findFirst();
  }

  private static Set<Member> participants(Story story) {
    Set<Member> all = new java.util.LinkedHashSet<>();
    story.messages.forEach(m -> m.to().stream().filter(x -> x.role().isPresent()).forEach(all::add));
    return all;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void everyFigureIsTheCountOfItsEventsInTheTranscript(Config c) {
    Story story = run(c).story();
    Set<String> defined = new ProgramActivity(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).figures().keySet();
    assertThat(story.reportFigures.keySet()).as("the report's figures").containsAll(defined).contains("pairs_active");
    assertThat(story.reportFigures).as("the report, %s", story.reportAt)
        .isEqualTo(only(counted(story, story.reportAt), story.reportFigures.keySet()));
    assertThat(story.summaryFigures.keySet()).as("the summary's figures").containsAll(defined);
    assertThat(story.summaryFigures).as("the summary, %s", story.summaryAt)
        .isEqualTo(only(counted(story, story.summaryAt), story.summaryFigures.keySet()));
  }

  private static Map<String, Long> only(Map<String, Long> counted, Set<String> names) {
    Map<String, Long> kept = new LinkedHashMap<>();
    names.forEach(n -> kept.put(n, counted.get(n)));
    return kept;
  }

  /** Each figure counted from the transcript alone: the messages people got and what they did, up to {@code until}. */
  private static Map<String, Long> counted(Story story, Instant until) {
    List<Message> sent = story.messages.stream().filter(m -> !m.reply() && m.deliveryKey() != null && !m.at().isAfter(until))
        .toList();
    List<Act> acts = story.acts.stream().filter(a -> !a.at().isAfter(until)).toList();
    Map<String, Long> f = new LinkedHashMap<>();
    f.put("pairs_proposed", pairings(sent, "proposal").count());
    f.put("pairs_accepted", pairings(sent, "introduction").count());
    f.put("pairs_declined", acts.stream().filter(a -> a.what().equals(ActionIds.PROPOSAL_DECLINE)).count());
    f.put("introductions", sent.stream().filter(m -> m.kind().equals("introduction")).count());
    f.put("meetings_booked", story.messages.stream().filter(m -> m.reply() && !m.at().isAfter(until)
        && m.meaning().key().equals("reply.booking")).count());
    // one answer per person, pairing and window: the last one they gave
    Map<String, String> answers = new LinkedHashMap<>();
    for (Act a : acts) {
      if (a.what().startsWith("check_in.")) {
        answers.put(a.who().email() + "|" + a.value(), a.what());
      }
    }
    Set<String> held = new HashSet<>();
    answers.forEach((who, answer) -> {
      if (answer.equals(ActionIds.CHECK_IN_MET)) {
        held.add(who.substring(who.indexOf('|') + 1));
      }
    });
    f.put("meetings_held", (long) held.size());
    f.put("reminders_sent", recipients(sent, "meeting_reminder"));
    f.put("check_ins_sent", recipients(sent, "check_in"));
    f.put("check_ins_answered", (long) answers.size());
    f.put("answered_met", answers.values().stream().filter(ActionIds.CHECK_IN_MET::equals).count());
    f.put("answered_not_yet", answers.values().stream().filter(ActionIds.CHECK_IN_NOT_YET::equals).count());
    f.put("answered_rescheduled", answers.values().stream().filter(ActionIds.CHECK_IN_RESCHEDULED::equals).count());
    f.put("gentle_nudges", recipients(sent, "stalled"));
    f.put("at_risk_alerts", recipients(sent, "at_risk"));
    f.put("coordinator_nudges", recipients(sent, "coordinator_nudge"));
    f.put("help_requests", acts.stream().filter(a -> a.how().equals("command") && a.what().startsWith("help-request ")).count());
    f.put("messages_sent", (long) sent.size());
    Set<String> introduced = new HashSet<>(pairings(sent, "introduction").toList());
    acts.stream().filter(a -> a.how().equals("command") && a.what().startsWith("unpair #"))
        .forEach(a -> introduced.remove(a.what().substring("unpair #".length())));
    f.put("pairs_active", (long) introduced.size());
    f.put("help_requests_open", f.get("help_requests")
        - acts.stream().filter(a -> a.how().equals("command") && a.what().startsWith("help-requests done ")).count());
    // at risk: introduced three windows (42 days) ago or more, and no "we met" from either in the last three
    Instant cutoff = until.minus(Duration.ofDays(42));
    long atRisk = sent.stream().filter(m -> m.kind().equals("introduction") && !m.at().isAfter(cutoff))
        .map(m -> pairingOf(m.deliveryKey())).filter(introduced::contains)
        .filter(p -> acts.stream().noneMatch(a -> a.what().equals(ActionIds.CHECK_IN_MET) && a.value().startsWith(p + "|")
            && a.at().isAfter(cutoff)))
        .distinct().count();
    f.put("at_risk_now", atRisk);
    return f;
  }

  private static Stream<String> pairings(List<Message> sent, String kind) {
    return sent.stream().filter(m -> m.kind().equals(kind)).map(m -> PAIRING.matcher(m.deliveryKey()))
        .filter(Matcher::find).map(x -> x.group(1)).distinct();
  }

  private static String pairingOf(String deliveryKey) {
    Matcher m = PAIRING.matcher(deliveryKey);
    return m.find() ? m.group(1) : "";
  }

  private static long recipients(List<Message> sent, String kind) {
    return sent.stream().filter(m -> m.kind().equals(kind)).count();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void noLivedExperienceTopicReachesAnyoneButItsOwnerWithoutConsent(Config c) throws Exception {
    Story story = run(c).story();
    Map<String, Set<String>> private_ = new HashMap<>();
    for (ParticipantRow row : DemoCommandTest.sampleParticipants().values()) {
      if (story.namingLivedExperience.contains(row.email())) {
        continue;
      }
      Set<String> topics = new HashSet<>();
      Stream.concat(row.topicsOffered().stream(), row.topicsSought().stream())
          .filter(LivedExperience::is).filter(t -> !t.equalsIgnoreCase(story.theme)).forEach(topics::add);
      private_.put(row.email(), topics);
    }
    assertThat(private_.values().stream().mapToInt(Set::size).sum()).as("private topics in the sample").isGreaterThan(20);
    for (Message m : story.messages) {
      String text = m.text().toLowerCase(java.util.Locale.ROOT);
      for (Member to : m.to()) {
        private_.forEach((owner, topics) -> {
          if (owner.equalsIgnoreCase(to.email())) {
            return;
          }
          for (String t : topics) {
            assertThat(text).as("%s's topic \"%s\" in a message to %s: %s", owner, t, to.name(), m.text())
                .doesNotContain(t.toLowerCase(java.util.Locale.ROOT));
          }
        });
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void theProgramRunsItsWholeLifeOnItsOwnSchedule(Config c) {
    Story story = run(c).story();
    Set<String> keys = new HashSet<>();
    story.messages.forEach(m -> keys.add(m.meaning().key()));
    assertThat(keys).contains("kickoff", "midpoint", "closing", "feedback_invitation.pre_survey",
        "feedback_invitation.feedback", "feedback_invitation.post_survey", "report");
    assertThat(story.campaigns).extracting(Story.Campaign::purpose)
        .containsExactlyInAnyOrder("pre_survey", "feedback", "feedback", "post_survey");
    assertThat(story.acts).as("the coordinator opens nothing by hand")
        .noneMatch(a -> a.how().equals("command") && a.what().startsWith("feedback open"));
  }
}
