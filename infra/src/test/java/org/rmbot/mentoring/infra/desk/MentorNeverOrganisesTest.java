package org.rmbot.mentoring.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.ActionIds;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.conversation.Reply;
import org.rmbot.mentoring.participant.Enrolment;
import org.rmbot.mentoring.participant.NewPerson;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.participant.WorkingHours;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.testing.FakeChatPlatform;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * The product's first promise, checked over every message the mentor role can receive: a
 * junior mentor is never asked to organise anything. Two mentors go through a whole program on
 * real PostgreSQL with the desk as the application wires it: a proposal (one is declined by
 * their mentee), the introduction, preparation, check-ins answered every way, the gentle nudge
 * of a pair that does not meet, a coordinator's nudge, reminders, a feedback invitation, the
 * program's milestones, and every participant command. Each button on each message they get is
 * pressed. No message to a mentor names them as the one to organise ({@code Meaning.organiser}),
 * and none they get alone asks them, in words, to book, invite or arrange.
 */
public class MentorNeverOrganisesTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();

  /** Asking the reader to organise, in the words the bot uses for the organiser. */
  public static final Pattern ASKS_TO_ORGANISE = Pattern.compile(
      "(?i)\\b(could|can|would|will) you (please )?(book|find a slot|send|schedule|arrange|organi[sz]e|set up|plan)\\b"
          + "|\\bplease (book|schedule|send|arrange|organi[sz]e|set up)\\b"
          + "|\\b(book|schedule|arrange) (one|it|a meeting|your first|the next|the first)\\b"
          + "|\\bthe organising is yours\\b");

  private DeskWorld w;
  private Program pilot;
  private Caller cora;
  private Caller mia;
  private Caller max;
  private Caller noah;
  private Caller nina;
  private final List<ChatMessage> toMentorsAlone = new ArrayList<>();
  private final List<ChatMessage> toMentorsInAPair = new ArrayList<>();
  private final Set<Long> pressed = new HashSet<>();
  private long miaId;
  private long noahId;

  @BeforeEach
  void setUp() {
    w = new DeskWorld(db.database());
    LocalDate start = LocalDate.of(2026, 1, 5);
    pilot = w.core.programs().create(NewProgram.reverse("Pilot", "LGBTQ+ inclusion", start));
    w.core.programs().setDates(pilot.id(), start, start.plusWeeks(10));
    w.core.programs().changeState(pilot.id(), ProgramState.ENROLLING);
    cora = DeskWorld.caller("UCORA", "Cora Coordinator");
    w.core.programs().addCoordinator(pilot.id(), person(cora).id());
    mia = DeskWorld.caller("UMIA", "Mia Mentor");
    max = DeskWorld.caller("UMAX", "Max Mentee");
    noah = DeskWorld.caller("UNOAH", "Noah Mentor");
    nina = DeskWorld.caller("UNINA", "Nina Mentee");
    miaId = enrol(mia, Role.MENTOR, 2, "Engineering");
    enrol(max, Role.MENTEE, 8, "Finance");
    noahId = enrol(noah, Role.MENTOR, 3, "Sales");
    enrol(nina, Role.MENTEE, 9, "Legal");
  }

  @AfterEach
  void tearDown() {
    w.close();
  }

  @Test
  void noMessageEverAsksAMentorToOrganise() {
    assertThat(DeskWorld.text(w.say(cora, "pair <@UMIA> <@UMAX>"))).startsWith("Pinned");
    assertThat(DeskWorld.text(w.say(cora, "pair <@UNOAH> <@UNINA>"))).startsWith("Pinned");
    assertThat(DeskWorld.text(w.say(cora, "match commit Pilot"))).contains("Proposed 2 pairs");
    w.deliver();
    answerProposal(max, ActionIds.PROPOSAL_ACCEPT);
    answerProposal(nina, ActionIds.PROPOSAL_DECLINE);
    collect();
    // a pair that never books: the gentle nudge, then a coordinator's nudge; then they book and meet
    Instant end = Instant.parse("2026-03-13T17:00:00Z");
    while (w.world.clock.instant().isBefore(end)) {
      Instant now = w.world.clock.instant();
      if (now.isAfter(Instant.parse("2026-02-09T10:00:00Z")) && !pressed.contains(-1L)) {
        pressed.add(-1L);
        w.say(cora, "nudge <@UMIA>");
        w.submit(cora, "feedback-open:" + pilot.id(), Map.of("purpose", "feedback", "audience", "everyone",
            "closes", "2026-02-20"));
      }
      if (now.isAfter(Instant.parse("2026-03-02T10:00:00Z")) && !pressed.contains(-2L)) {
        pressed.add(-2L);
        // late on, the mentor records the meeting their mentee booked
        Reply form = w.click(mia, ActionIds.BOOK_MEETING, String.valueOf(w.count(
            "select id from pairing where state = 'active'")));
        assertThat(form).as(DeskWorld.text(form)).isInstanceOf(Reply.ShowForm.class);
        reply(w.submit(mia, ((Reply.ShowForm) form).form().callbackId(), Map.of("date", "2026-03-04", "time", "11:00")));
      }
      w.nudges.planning().planDue();
      w.deliver();
      collect();
      Instant next = now.plus(Duration.ofHours(6));
      Instant due = w.nextDueAt().orElse(next);
      w.world.clock.moveTo(due.isAfter(now) && due.isBefore(next) ? due : next);
    }
    for (String typed : List.of("help", "me", "journal", "my-data", "snooze 1w", "resume", "pause", "resume",
        "help-request we could use some support", "forget-me", "join", "leave")) {
      reply(w.say(mia, typed));
      reply(w.say(noah, typed));
    }

    Set<String> kinds = new HashSet<>();
    toMentorsAlone.forEach(m -> kinds.add(m.meaning().key()));
    toMentorsInAPair.forEach(m -> kinds.add(m.meaning().key()));
    assertThat(kinds).as("what the mentors received").contains("proposal", "proposal_withdrawn", "introduction",
        "mentor_preparation", "check_in", "stalled", "coordinator_nudge", "kickoff", "midpoint",
        "feedback_invitation.feedback", "reply.check_in.not_yet", "meeting_reminder", "reflection");
    for (ChatMessage m : concat(toMentorsAlone, toMentorsInAPair)) {
      assertThat(m.meaning().organiser()).as("who is asked to organise in: %s", m.fallbackText())
          .isNotIn(miaId, noahId);
    }
    for (ChatMessage m : toMentorsAlone) {
      assertThat(ASKS_TO_ORGANISE.matcher(DeskWorld.text(m)).find())
          .as("a message to a mentor alone asks them to organise: %s", DeskWorld.text(m)).isFalse();
    }
  }

  private static List<ChatMessage> concat(List<ChatMessage> a, List<ChatMessage> b) {
    List<ChatMessage> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private void answerProposal(Caller mentee, String action) {
    FakeChatPlatform.Delivery proposal = w.slack.to(mentee.identity().userId()).stream()
        .filter(d -> d.message().deliveryKey().startsWith("proposal/")).findFirst().orElseThrow();
    w.click(mentee, action, button(proposal.message(), action).value());
    w.deliver();
  }

  private int seen;

  /** Takes what the mentors received since last time and presses every button on it, as a mentor would. */
  private void collect() {
    List<FakeChatPlatform.Delivery> all = w.slack.deliveries();
    List<FakeChatPlatform.Delivery> fresh = new ArrayList<>(all.subList(seen, all.size()));
    seen = all.size();
    for (FakeChatPlatform.Delivery d : fresh) {
      for (Caller mentor : List.of(mia, noah)) {
        if (!d.reaches(mentor.identity().userId())) {
          continue;
        }
        (d.members().size() > 1 ? toMentorsInAPair : toMentorsAlone).add(d.message());
        if (!pressed.add(d.sequence())) {
          continue;
        }
        List<Block.Button> buttons = new ArrayList<>(buttons(d.message()));
        // "we met" last: the answer that stays is the one that brings the reflection prompt
        buttons.sort(java.util.Comparator.comparing(b -> b.actionId().equals(ActionIds.CHECK_IN_MET)));
        for (Block.Button b : buttons) {
          if (b.actionId().equals(ActionIds.PROPOSAL_DECLINE)) {
            continue; // accepting is the path on; declining is the mentees' part here
          }
          // the last windows' check-ins are answered "we met", so the reflection prompt comes too
          boolean late = w.world.clock.instant().isAfter(Instant.parse("2026-03-01T00:00:00Z"));
          if (b.actionId().equals(ActionIds.CHECK_IN_MET) && !late) {
            continue;
          }
          reply(w.click(mentor, b.actionId(), b.value()));
        }
      }
    }
  }

  private void reply(Reply r) {
    if (r instanceof Reply.Say say) {
      toMentorsAlone.add(say.message());
    } else if (r instanceof Reply.Replace replace) {
      toMentorsAlone.add(replace.message());
    }
  }

  private static List<Block.Button> buttons(ChatMessage m) {
    return m.blocks().stream().filter(Block.Actions.class::isInstance).map(Block.Actions.class::cast)
        .flatMap(a -> a.buttons().stream()).toList();
  }

  private static Block.Button button(ChatMessage m, String actionId) {
    return buttons(m).stream().filter(b -> b.actionId().equals(actionId)).findFirst().orElseThrow();
  }

  private Person person(Caller caller) {
    Person p = w.core.people().save(new NewPerson(caller.email().orElseThrow(), caller.displayName(),
        ZoneId.of("Europe/London"), WorkingHours.officeHours()));
    w.core.people().link(p.id(), new PlatformIdentity(Platform.SLACK, DeskWorld.WORKSPACE, caller.identity().userId()));
    return p;
  }

  private long enrol(Caller caller, Role role, int grade, String department) {
    Person p = person(caller);
    w.core.participants().enrol(new Enrolment(pilot.id(), p.id(), role, grade, department, null,
        Set.of("allyship"), Set.of("allyship"), Set.of("English"), 1, true));
    return p.id();
  }
}
