package org.rmbot.mentoring.infra.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Form;
import org.rmbot.mentoring.chat.ActionIds;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.conversation.ChatDesk;
import org.rmbot.mentoring.conversation.Directory;
import org.rmbot.mentoring.conversation.HelpRequestsInDatabase;
import org.rmbot.mentoring.matching.ProposalMessage;
import org.rmbot.mentoring.conversation.Reply;
import org.rmbot.mentoring.infra.Wiring;
import org.rmbot.mentoring.meeting.CheckInAnswer;
import org.rmbot.mentoring.nudge.LedgerNotifications;
import org.rmbot.mentoring.nudge.Nudge;
import org.rmbot.mentoring.nudge.NudgeKind;
import org.rmbot.mentoring.nudge.NudgeState;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.privacy.SealedBox;
import org.rmbot.mentoring.privacy.SecretKey;
import org.rmbot.mentoring.program.Direction;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramSettings;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.teams.AdaptiveCardRenderer;
import org.rmbot.mentoring.testing.FakeChatPlatform;
import org.rmbot.mentoring.testing.NudgeWorld;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/**
 * Every message the bot can send, rendered as an Adaptive Card and validated against the
 * Adaptive Card 1.5 schema: every nudge kind, delivered by the real planner and delivery over
 * twelve weeks of a program, and every reply, form and view of the chat desk, with very long
 * names full of markup and many items.
 */
class EveryTeamsCardValidatesTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private static final String LONG = "Ana Beatriz dos Santos Ferreira de Oliveira [click](https://evil.example) <at>Boss</at> *x* ";
  private final AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();
  private final List<String> problems = new ArrayList<>();
  private World world;
  private NudgeWorld nudges;
  private int validated;

  @BeforeEach
  void setUp() {
    world = new World(db.jdbi());
    nudges = NudgeWorld.withFeedback(world, SecretKey.of("a-test-secret-that-is-long-enough-1234567890"));
  }

  @AfterEach
  void tearDown() {
    nudges.close();
  }

  private void validate(String what, List<ObjectNode> cards) {
    cards.forEach(card -> validate(what, card));
  }

  private void validate(String what, ObjectNode card) {
    var messages = SCHEMA.validate(card);
    validated++;
    if (!messages.isEmpty()) {
      problems.add(what + ": " + messages);
    }
    StringBuilder markdown = new StringBuilder();
    markdownTexts(card, markdown);
    if (markdown.indexOf("](https") >= 0 || markdown.indexOf("<at>") >= 0) {
      problems.add(what + ": markup people typed was not neutralised where Teams may read Markdown");
    }
    if (card.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 28_000) {
      problems.add(what + ": larger than a Teams message may be");
    }
  }

  /** Strings some Teams clients read as Markdown: TextBlocks, facts, titles, labels (TextRuns never are). */
  private static void markdownTexts(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      String type = node.path("type").asText();
      if (!type.equals("TextRun")) {
        for (String key : List.of("text", "title", "value", "label")) {
          if (node.path(key).isTextual()) {
            out.append(node.path(key).asText()).append('\n');
          }
        }
      }
      node.fields().forEachRemaining(e -> markdownTexts(e.getValue(), out));
    } else if (node.isArray()) {
      node.forEach(n -> markdownTexts(n, out));
    }
  }

  private static final JsonSchema SCHEMA = org.rmbot.mentoring.infra.render.PlatformChecks.ADAPTIVE_CARD_SCHEMA;

  private Person person(String name, String zone) {
    return nudges.aPersonIn(LONG.repeat(3) + name, zone);
  }

  @Test
  void everyNudgeAndEveryDeskReplyIsAValidAdaptiveCard() {
    LocalDate start = LocalDate.of(2026, 1, 5);
    Program program = world.programs.create(new NewProgram("Pilot " + LONG.repeat(5), LONG.repeat(4), Direction.REVERSE,
        start, start.plusWeeks(12), 14, 45, ProgramSettings.defaults()));
    world.programs.changeState(program.id(), ProgramState.ACTIVE);
    Person amara = person("Amara", "Europe/London");
    Person bettina = person("Bettina", "Europe/London");
    Person chidi = person("Chidi", "Europe/London");
    Person dana = person("Dana", "Europe/London");
    Person grace = person("Grace", "Europe/London");
    world.programs.addCoordinator(program.id(), grace.id());
    Participant amaraMentor = nudges.mentor(program, amara);
    Pairing steady = nudges.activePairing(program, amaraMentor, nudges.mentee(program, bettina));
    nudges.activePairing(program, nudges.mentor(program, chidi), nudges.mentee(program, dana));
    world.meetings.book(steady.id(), Instant.parse("2026-01-08T14:00:00Z"), bettina.id());

    SealedBox box = new SealedBox(SecretKey.of("a-test-secret-that-is-long-enough-1234567890"));
    LedgerNotifications notifications = new LedgerNotifications(nudges.ledger, nudges.planning, world.participants,
        world.programs, world.clock);
    Participant eli = nudges.mentor(program, person("Eli", "Europe/London"));
    Participant fiona = nudges.mentee(program, person("Fiona", "Europe/London"));
    Pairing proposed = world.pairings.propose(program.id(), eli.id(), fiona.id(), 0, LONG.repeat(20), false);
    notifications.proposalMade(proposed);
    notifications.proposalWithdrawn(proposed, fiona.id());
    notifications.helpRequested(program.id(), new HelpRequestsInDatabase(db.jdbi(), world.clock, box).open(program.id(), amara.id(), LONG));
    notifications.nudgeRequested(program.id(), dana.id());
    // someone a matching round left without a partner, told so privately
    notifications.unmatched(program.id(), nudges.mentor(program, person("Hana", "Europe/London")).id(), 0, false);

    runTwelveWeeks(steady, Instant.parse("2026-04-14T00:00:00Z"));

    Set<NudgeKind> sent = nudges.ledger.ofProgram(program.id()).stream().filter(n -> n.state() == NudgeState.SENT)
        .map(Nudge::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(NudgeKind.class)));
    Set<NudgeKind> messages = EnumSet.allOf(NudgeKind.class);
    assertThat(sent).as("every kind of nudge that is a message was delivered").containsAll(messages);
    for (FakeChatPlatform.Delivery d : nudges.slack.deliveries()) {
      validate("nudge " + d.message().deliveryKey(), renderer.render(d.message()));
    }

    // the desk: a coordinator's and a participant's replies, forms and views
    Wiring.Core core = Wiring.core(db.database(), world.clock,
        Set.of(new PlatformIdentity(Platform.TEAMS, "tenant", "aad-admin")));
    ChatDesk desk = Wiring.desk(core, db.database(), world.clock, box, notifications, Directory.NONE, nudges.feedback,
        new org.rmbot.mentoring.chat.ChatPlatforms(nudges.slack));
    Caller admin = new Caller(new PlatformIdentity(Platform.TEAMS, "tenant", "aad-admin"), LONG, Optional.of("admin@example.com"),
        Optional.of(ZoneId.of("Europe/London")));
    Caller mentor = Caller.of(NudgeWorld.slackIdentity(amara));
    String second = "Second " + LONG.substring(0, 40).replace("\"", "");
    List<Reply> replies = new ArrayList<>();
    for (String command : List.of("help", "help match", "program create \"" + second + "\" Allyship [click](https://evil.example) *x*", "program open \"" + second + "\"",
        "join \"" + second + "\"", "status", "status \"" + second + "\"", "match preview \"" + second + "\"", "me", "journal",
        "pair <@U1> <@U2>", "unknown words " + LONG)) {
      replies.add(desk.command(admin, command));
    }
    for (String command : List.of("me", "journal", "snooze 2w", "status", "help-request " + LONG)) {
      replies.add(desk.command(mentor, command));
    }
    replies.add(desk.action(mentor, ActionIds.BOOK_MEETING, String.valueOf(steady.id())));
    replies.add(desk.action(mentor, ActionIds.WRITE_REFLECTION, String.valueOf(steady.id())));
    replies.add(desk.action(mentor, ActionIds.CHECK_IN_RESCHEDULED, steady.id() + "|2026-03-30"));
    replies.add(desk.action(mentor, "no.such.button", "1"));
    replies.add(desk.submit(mentor, ActionIds.REFLECTION_FORM + steady.id(), java.util.Map.of("text", LONG)));
    replies.add(desk.submit(mentor, ActionIds.BOOKING_FORM + steady.id(), java.util.Map.of("date", "2020-01-01", "time", "10:00")));
    int forms = 0;
    for (Reply reply : replies) {
      if (reply instanceof Reply.Say say) {
        validate("say " + say.message().fallbackText(), renderer.render(say.message()));
      } else if (reply instanceof Reply.Replace replace) {
        validate("replace " + replace.message().fallbackText(), renderer.render(replace.message()));
      } else if (reply instanceof Reply.ShowForm show) {
        validate("form " + show.form().callbackId(), renderer.render(show.form()));
        forms++;
      }
    }
    assertThat(forms).as("join, booking and reflection forms: %s", replies).isEqualTo(3);
    validate("home", renderer.render(desk.home(admin)));
    validate("home", renderer.render(desk.home(mentor)));
    validate("proposal", renderer.render(ProposalMessage.of(LONG.repeat(10), true, 1, LONG.repeat(30))));
    validate("closed form", renderer.closedForm(LONG, LONG));

    assertThat(problems).isEmpty();
    assertThat(validated).isGreaterThan(60);
  }

  @Test
  void hugeMessagesAndFormsStayValidAndWithinLimits() {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      blocks.add(i % 7 == 0 ? new Block.Divider() : new Block.Section(LONG.repeat(100)));
    }
    blocks.add(new Block.Fields(java.util.stream.IntStream.range(0, 30).mapToObj(i -> new Block.Field(LONG.repeat(20), LONG.repeat(20))).toList()));
    blocks.add(new Block.Actions(java.util.stream.IntStream.range(0, 30).mapToObj(i ->
        new Block.Button("a".repeat(3000), "v".repeat(5000), LONG.repeat(5), Block.ButtonStyle.DANGER)).toList()));
    blocks.add(new Block.Divider());
    List<ObjectNode> cards = renderer.render(new ChatMessage(LONG.repeat(200), blocks, null));
    validate("huge message", cards);
    assertThat(cards).as("nothing left out: more cards instead").hasSizeGreaterThan(1)
        .allSatisfy(card -> assertThat(card.path("body").size()).isLessThanOrEqualTo(40));
    assertThat(cards.toString()).doesNotContain("more not shown here");
    assertThat(org.rmbot.mentoring.infra.render.PlatformChecks.teamsProblems("huge message",
        new ChatMessage(LONG.repeat(200), blocks, null))).isEmpty();

    List<Form.Choice> choices = java.util.stream.IntStream.range(0, 150).mapToObj(i -> new Form.Choice("c" + i, LONG)).toList();
    Form form = new Form("x:1", LONG.repeat(10), LONG, List.of(
        new Form.FormInput.SingleChoice("many", LONG, false, choices),
        new Form.FormInput.Scale("scale", LONG, true, LONG, LONG),
        new Form.FormInput.PersonPicker("who", LONG, true),
        new Form.FormInput.DateInput("when", LONG, false)));
    ObjectNode formCard = renderer.render(form);
    validate("huge form", formCard);
    assertThat(formCard.toString()).contains("\"style\":\"compact\"").contains("Input.Date").contains("(work email)");
    assertThat(problems).isEmpty();

    ObjectNode broken = renderer.render(ChatMessage.of("x")).get(0);
    broken.put("version", 15);
    assertThat(SCHEMA.validate(broken)).as("the schema check can fail").isNotEmpty();
  }

  /** Runs the planner and the delivery as the scheduler would, answering the steady pair's check-ins. */
  private void runTwelveWeeks(Pairing steady, Instant end) {
    int seen = 0;
    while (world.clock.instant().isBefore(end)) {
      nudges.planning.planDue();
      nudges.dispatchAllDue();
      List<FakeChatPlatform.Delivery> all = nudges.slack.deliveries();
      for (FakeChatPlatform.Delivery d : all.subList(seen, all.size())) {
        for (Block block : d.message().blocks()) {
          if (block instanceof Block.Actions actions) {
            for (Block.Button b : actions.buttons()) {
              if (b.actionId().equals(ActionIds.CHECK_IN_MET) && b.value().startsWith(steady.id() + "|")) {
                long person = Long.parseLong(d.members().get(0).substring(1));
                world.meetings.checkIn(steady.id(), person, LocalDate.parse(b.value().split("\\|")[1]), CheckInAnswer.MET);
              }
            }
          }
        }
      }
      seen = all.size();
      nudges.planning.planDue();
      Instant now = world.clock.instant();
      Instant next = now.plus(Duration.ofHours(6));
      Instant due = nudges.nextDueAt().orElse(next);
      Instant target = due.isAfter(now) && due.isBefore(next) ? due : next;
      world.clock.advance(Duration.between(now, target));
    }
  }
}
