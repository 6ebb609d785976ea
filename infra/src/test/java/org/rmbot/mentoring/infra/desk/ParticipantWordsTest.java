package org.rmbot.mentoring.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.chat.ActionIds;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.Form;
import org.rmbot.mentoring.chat.Form.FormInput;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.conversation.Reply;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * The participant's words, exactly, through the desk: the replies to join, me, journal, snooze,
 * pause, resume, leave and help-request, the join, booking and reflection forms and their
 * refusals, and the answers to the participant's buttons that no demo or other test shows.
 */
class ParticipantWordsTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private DeskWorld w;
  private Scene scene;
  private Caller mentor;
  private Caller mentee;
  private long pairing;

  @BeforeEach
  void setUp() {
    w = new DeskWorld(db.database());
    scene = new Scene(w, 1, Map.of(), List.of());
    mentor = scene.mentors.get(0);
    mentee = scene.mentees.get(0);
    pairing = scene.pairings.get(0).id();
  }

  @AfterEach
  void tearDown() {
    w.close();
  }

  /** What {@code Reply.say(text)} reads as: the fallback and the one section. */
  private static String said(String text) {
    return text + "\n" + text;
  }

  private String text(Reply reply) {
    return DeskWorld.text(reply);
  }

  @Test
  void theJoinFormAndItsAnswer() {
    Caller newcomer = DeskWorld.caller("UNEW", "New Comer");
    w.core.programs().changeState(scene.program.id(), ProgramState.ENROLLING);
    Form form = ((Reply.ShowForm) w.say(newcomer, "join")).form();
    assertThat(form).isEqualTo(new Form("join:" + scene.program.id(), "Join the program", "Join", List.of(
        new FormInput.SingleChoice("role", "Your role in \"Pilot\"", false, List.of(
            new Form.Choice("mentor", "Mentor: I share my experience (usually the more junior colleague)"),
            new Form.Choice("mentee", "Mentee: I listen and learn (usually the senior leader)"))),
        new FormInput.ShortText("grade", "Your grade or level, as a number (higher is more senior)", false, 3),
        new FormInput.ShortText("department", "Your department or team", false, 100),
        new FormInput.ShortText("manager_email", "Your manager's work email (so you're never paired in your own reporting line)", true, 200),
        new FormInput.LongText("topics_offered", "Topics you could share, separated by ;", true, 500),
        new FormInput.LongText("topics_sought", "Topics you'd like to learn about, separated by ;", true, 500),
        new FormInput.ShortText("languages", "Languages you're happy to meet in, separated by ;", true, 200),
        new FormInput.Checkbox("name_topics", "Topics about lived experience (such as LGBTQ+ inclusion or mental"
            + " health) are never named in the reason for your match unless you tick this", true,
            "My partner and the coordinators may see those topics in the reason for our match"),
        new FormInput.LongText("focus_areas", "Optional and private: lived-experience areas you'd like to focus on", true, 500),
        new FormInput.Checkbox("focus_share", "Your focus areas stay private unless you tick this", true,
            "Coordinators may see my focus areas (to help matching and support)"),
        new FormInput.Checkbox("consent", form.inputs().get(10).label(), false, "I have read this and agree"))));
    assertThat(Markup.readable(form.inputs().get(10).label())).isEqualTo("Privacy: the bot keeps only what you enter"
        + " here, to find you a good match and to remind you of meetings. Coordinators see your role, grade, department"
        + " and topics. Focus areas are optional, stored encrypted and seen by nobody but you unless you choose to share"
        + " them. Reflections you write are private to you. You can see everything held about you with `my-data` and"
        + " erase it with `forget-me` at any time.");

    Reply wrong = w.submit(newcomer, form.callbackId(), Map.of("role", "boss", "grade", "many", "department", " ",
        "manager_email", "not-an-email"));
    assertThat(wrong).isEqualTo(new Reply.FormErrors(Map.of(
        "role", "Please choose mentor or mentee.",
        "grade", "Please enter your grade as a number, like 3.",
        "department", "Please enter your department, so you're not paired with someone you work with daily.",
        "manager_email", "That doesn't look like an email address.",
        "consent", "Please read and agree to the privacy notice to join.")));
    assertThat(w.submit(newcomer, form.callbackId(), Map.of("role", "mentor", "grade", "101", "department", "Ops",
        "consent", "yes"))).isEqualTo(new Reply.FormErrors(Map.of("grade", "Please enter a number from 0 to 100.")));

    Map<String, String> answers = Map.of("role", "mentee", "grade", "7", "department", "Ops", "consent", "yes");
    assertThat(text(w.submit(newcomer, form.callbackId(), answers))).isEqualTo(said("You're in \"Pilot\" as a mentee."
        + " When the coordinators run matching, you'll get a private message with your proposed match and why"
        + " it was suggested; you can accept or decline it privately."));

    w.core.programs().changeState(scene.program.id(), ProgramState.ACTIVE);
    assertThat(text(w.submit(DeskWorld.caller("ULATE", "Late Comer"), form.callbackId(), answers)))
        .isEqualTo(said("Sorry, that program is no longer open for enrolment. Nothing was saved."));
  }

  @Test
  void meForSomeoneInNoProgramAndForAPausedParticipant() {
    assertThat(text(w.say(DeskWorld.caller("UNEW", "New Person"), "me"))).isEqualTo("You're not in a mentoring program yet.\n"
        + "You're not in a mentoring program yet. Type `join` when a program is open for enrolment.");

    w.say(mentor, "pause");
    assertThat(text(w.say(mentor, "me"))).isEqualTo("Your mentoring\n*Pilot*: you're a mentor (paused)\n"
        + "Paired with *Mentee Number0* (your mentee).\nNo meeting booked yet: your mentee will send an invitation.");
    Reply me = w.say(mentee, "me");
    assertThat(((Reply.Say) me).message().blocks()).contains(new Block.Actions(List.of(
        new Block.Button(ActionIds.BOOK_MEETING, String.valueOf(pairing), "We've booked a meeting", Block.ButtonStyle.PRIMARY),
        new Block.Button(ActionIds.WRITE_REFLECTION, String.valueOf(pairing), "Write a reflection", Block.ButtonStyle.DEFAULT))));
  }

  @Test
  void snoozePauseResumeAndLeave() {
    assertThat(text(w.say(mentor, "snooze 1d"))).isEqualTo(said("Snoozed: I won't nudge you for 1 day. Your pairing stays as it is."));
    assertThat(text(w.say(mentor, "snooze 2w"))).isEqualTo(said("Snoozed: I won't nudge you for 14 days. Your pairing stays as it is."));
    assertThat(text(w.say(mentor, "pause")))
        .isEqualTo(said("Paused. I won't nudge you, and you won't be matched, until you type `resume`."));
    assertThat(text(w.say(mentor, "resume"))).isEqualTo(said("Welcome back: nudges are on again."));
    assertThat(text(w.say(mentor, "leave"))).isEqualTo(said("You've left the program. Thank you for taking part."
        + " Your coordinators will make sure your partner is looked after."));
    assertThat(text(w.say(mentor, "pause"))).isEqualTo(said("You're not in an open program, so there's nothing to change."));
    assertThat(text(w.say(mentor, "help-request"))).isEqualTo(said("You're not in a program at the moment."
        + " If something is wrong, please talk to your coordinator directly."));
    assertThat(text(w.say(mentee, "help-request"))).isEqualTo(said("Thank you for telling us. Your request is private:"
        + " only the program's coordinators see it, never your partner, and nobody is at fault."
        + " A coordinator will get in touch with you directly."));
  }

  @Test
  void bookingRefusalsAndWhatIsSaidAboutRemindersNearTheEnd() {
    String form = ActionIds.BOOKING_FORM + pairing;
    assertThat(w.submit(mentee, form, Map.of("date", "soon", "time", "14:30")))
        .isEqualTo(new Reply.FormErrors(Map.of("date", "Please pick the day of the meeting.")));
    assertThat(w.submit(mentee, form, Map.of("date", "2026-01-08", "time", "late")))
        .isEqualTo(new Reply.FormErrors(Map.of("time", "Please pick the time, like 14:30.")));
    assertThat(w.submit(mentee, form, Map.of("date", "2026-01-02", "time", "14:30")))
        .isEqualTo(new Reply.FormErrors(Map.of("date", "That's in the past. Please pick the date of your next meeting.")));
    assertThat(text(w.submit(DeskWorld.caller("UNEW", "New Person"), form, Map.of("date", "2026-01-08", "time", "14:30"))))
        .isEqualTo(said("That pairing isn't yours or is no longer active, so nothing was saved."));

    assertThat(text(w.submit(mentee, form, Map.of("date", "2026-08-03", "time", "14:30"))))
        .isEqualTo(said("Booked for Mon 3 Aug, 14:30 (your time). That's after the program ends on Sun 5 Jul,"
            + " so I won't send reminders for it. Enjoy carrying on."));
    w.world.clock.moveTo(Instant.parse("2026-07-20T10:00:00Z"));
    assertThat(text(w.submit(mentee, form, Map.of("date", "2026-08-03", "time", "14:30"))))
        .isEqualTo(said("Booked for Mon 3 Aug, 14:30 (your time). The program has ended, so I won't send reminders."
            + " Enjoy carrying on."));
  }

  @Test
  void theJournalAndItsReflections() {
    Caller stranger = DeskWorld.caller("UNEW", "New Person");
    assertThat(text(w.say(stranger, "journal"))).isEqualTo("Your journal is empty.\nYour journal is empty."
        + " After a meeting, use *Write a reflection* to note what you learned. Only you can read it.");

    String form = ActionIds.REFLECTION_FORM + pairing;
    assertThat(w.submit(mentor, form, Map.of("text", "  "))).isEqualTo(new Reply.FormErrors(Map.of("text",
        "Write a few words, or close this form to skip.")));
    assertThat(w.submit(mentor, form, Map.of("text", "x".repeat(4001)))).isEqualTo(new Reply.FormErrors(Map.of("text",
        "Please keep it under 4000 characters.")));
    w.submit(mentor, form, Map.of("text", "Listening first."));
    w.submit(mentor, form, Map.of("text", "Asked better questions."));
    Reply journal = w.say(mentor, "journal");
    assertThat(text(journal)).isEqualTo("Your journal\nOnly you can see this.\n*5 Jan 2026*\nListening first.\n"
        + "*5 Jan 2026*\nAsked better questions.");
    Block.Button share = DeskWorld.button(journal);
    assertThat(share.label()).isEqualTo("Share this one with my partner");

    w.click(mentor, ActionIds.SHARE_REFLECTION, share.value());
    assertThat(text(w.say(mentor, "journal"))).startsWith("Your journal\nOnly you can see this.\n*5 Jan 2026*\nListening first.\n"
        + "Shared with your partner.\n");
    assertThat(text(w.say(mentee, "journal"))).isEqualTo("Your journal\nOnly you can see this.\n"
        + "*Mentor Number0 shared this with you*\nListening first.");
  }

  @Test
  void aJournalEntryIsDatedInItsWritersZone() {
    Caller farAway = new Caller(new org.rmbot.mentoring.participant.PlatformIdentity(
        org.rmbot.mentoring.participant.Platform.SLACK, DeskWorld.WORKSPACE, "UNZ"), "Kiri Far",
        java.util.Optional.of("kiri.far@example.com"), java.util.Optional.of(java.time.ZoneId.of("Pacific/Auckland")));
    w.world.clock.moveTo(Instant.parse("2026-01-05T12:30:00Z"));
    w.say(farAway, "me");
    w.submit(farAway, ActionIds.REFLECTION_FORM + "0", Map.of("text", "Written after midnight."));
    assertThat(text(w.say(farAway, "journal"))).isEqualTo("Your journal\nOnly you can see this.\n*6 Jan 2026*\n"
        + "Written after midnight.");
  }

  @Test
  void buttonsThatAreNotYoursOrBrokenAndTheOtherCheckInAnswers() {
    Caller stranger = DeskWorld.caller("UNEW", "New Person");
    w.say(stranger, "me");
    String id = String.valueOf(pairing);
    assertThat(text(w.click(stranger, ActionIds.BOOK_MEETING, id)))
        .isEqualTo(said("That pairing isn't yours or is no longer active."));
    assertThat(text(w.click(stranger, ActionIds.WRITE_REFLECTION, id)))
        .isEqualTo(said("That pairing isn't yours or is no longer active."));
    assertThat(((Reply.ShowForm) w.click(mentee, ActionIds.WRITE_REFLECTION, id)).form()).isEqualTo(new Form(
        ActionIds.REFLECTION_FORM + id, "Reflection", "Save", List.of(new FormInput.LongText("text",
            "What did you learn, and what will you do differently? Only you will see this.", false, 4000))));
    assertThat(((Reply.ShowForm) w.click(mentee, ActionIds.BOOK_MEETING, id)).form()).isEqualTo(new Form(
        ActionIds.BOOKING_FORM + id, "Book a meeting", "Save", List.of(new FormInput.DateInput("date", "Date", false),
            new FormInput.TimeInput("time", "Time, in your time zone", false))));
    assertThat(text(w.click(mentor, ActionIds.SNOOZE, ""))).isEqualTo(said("OK, I'll remind you again in three days."));

    assertThat(text(w.click(mentor, ActionIds.CHECK_IN_MET, id)))
        .isEqualTo(said("That check-in button is broken; nothing was recorded."));
    assertThat(text(w.click(mentor, ActionIds.CHECK_IN_MET, id + "|someday")))
        .isEqualTo(said("That check-in button is broken; nothing was recorded."));
    assertThat(text(w.click(stranger, ActionIds.CHECK_IN_MET, id + "|2026-01-05")))
        .isEqualTo(said("That pairing isn't yours or is no longer active, so nothing was recorded."));
    Reply rescheduled = w.click(mentee, ActionIds.CHECK_IN_RESCHEDULED, id + "|2026-01-05");
    assertThat(text(rescheduled))
        .isEqualTo("Thanks: rescheduled.\nThanks. When you have a new date, record it so I can remind you both.");
    assertThat(DeskWorld.button(rescheduled))
        .isEqualTo(new Block.Button(ActionIds.BOOK_MEETING, id, "Record the new date", Block.ButtonStyle.PRIMARY));
    Reply met = w.click(mentee, ActionIds.CHECK_IN_MET, id + "|2026-01-19");
    assertThat(text(met)).isEqualTo("Thanks: recorded that you met.\nThanks: recorded that you met. \uD83C\uDF89");
    assertThat(DeskWorld.button(met))
        .isEqualTo(new Block.Button(ActionIds.WRITE_REFLECTION, id, "Write a private reflection", Block.ButtonStyle.PRIMARY));
    Reply notYet = w.click(mentee, ActionIds.CHECK_IN_NOT_YET, id + "|2026-02-02");
    assertThat(text(notYet)).isEqualTo(said("Thanks for letting me know. A short conversation counts too:"
        + " could you book one this week?"));
    assertThat(DeskWorld.button(notYet))
        .isEqualTo(new Block.Button(ActionIds.BOOK_MEETING, id, "Book a meeting", Block.ButtonStyle.PRIMARY));
    assertThat(text(w.click(mentor, ActionIds.CHECK_IN_NOT_YET, id + "|2026-02-02"))).isEqualTo(said(
        "Thanks for letting me know. A short conversation counts too; Mentee Number0 will suggest a time."));
  }

  @Test
  void answeringAProposal() {
    Caller newMentor = DeskWorld.caller("UM9", "Mentor Nine");
    Caller newMentee = DeskWorld.caller("UE9", "Mentee Nine");
    w.core.programs().changeState(scene.program.id(), ProgramState.ENROLLING);
    Map<String, String> answers = new HashMap<>(Map.of("role", "mentor", "grade", "2", "department", "A", "consent", "yes"));
    w.say(newMentor, "join");
    w.submit(newMentor, "join:" + scene.program.id(), answers);
    answers.putAll(Map.of("role", "mentee", "grade", "8", "department", "B"));
    w.say(newMentee, "join");
    w.submit(newMentee, "join:" + scene.program.id(), answers);
    long proposed = w.core.pairings().propose(scene.program.id(), scene.participant(newMentor).id(),
        scene.participant(newMentee).id(), 0, "different departments", false).id();
    assertThat(text(w.click(newMentor, ActionIds.PROPOSAL_ACCEPT, String.valueOf(proposed))))
        .isEqualTo(said("You accepted. I'll let you know as soon as the other side answers."));
    assertThat(text(w.click(newMentee, ActionIds.PROPOSAL_ACCEPT, String.valueOf(proposed))))
        .isEqualTo(said("You accepted. You both did: I'm opening a conversation to introduce you."));
  }
}
