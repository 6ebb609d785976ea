package org.rmbot.mentoring.conversation;

import org.rmbot.mentoring.nudge.Notifications;

import org.rmbot.mentoring.matching.ProposalMessage;

import org.rmbot.mentoring.chat.ActionIds;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Form;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.chat.Meaning;
import org.rmbot.mentoring.common.Phrases;
import org.rmbot.mentoring.command.Command;
import org.rmbot.mentoring.common.Outcome;
import org.rmbot.mentoring.common.Transactions;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.Pairings;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.ParticipantStatus;
import org.rmbot.mentoring.participant.Participants;
import org.rmbot.mentoring.participant.People;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participation.BookingMeeting;
import org.rmbot.mentoring.participation.Booking;
import org.rmbot.mentoring.participation.Enrolling;
import org.rmbot.mentoring.participation.JoinAnswers;
import org.rmbot.mentoring.participation.Joining;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.program.Programs;
import org.rmbot.mentoring.reflection.Reflection;
import org.rmbot.mentoring.reflection.Reflections;
import org.rmbot.mentoring.reflection.ReflectionsInDatabase;
import org.rmbot.mentoring.wording.Catalogue;

/** What every participant can do: join, see their pairing, snooze, pause, leave, ask for help, journal. */
public final class ParticipantCommands {
  private static final Catalogue WORDS = Catalogue.english();

  private final ProgramChooser chooser;
  private final Programs programs;
  private final People people;
  private final Participants participants;
  private final Pairings pairings;
  private final Reflections reflections;
  private final HelpRequests helpRequests;
  private final Notifications notifications;
  private final Enrolling enrolling;
  private final BookingMeeting booking;
  private final Transactions transactions;
  private final Clock clock;
  private final MyMentoring myMentoring;

  public ParticipantCommands(ProgramChooser chooser, Programs programs, People people, Participants participants,
      Pairings pairings, Reflections reflections, HelpRequests helpRequests, Notifications notifications,
      Enrolling enrolling, BookingMeeting booking, Transactions transactions, Clock clock, MyMentoring myMentoring) {
    this.chooser = chooser;
    this.programs = programs;
    this.people = people;
    this.participants = participants;
    this.pairings = pairings;
    this.reflections = reflections;
    this.helpRequests = helpRequests;
    this.notifications = notifications;
    this.enrolling = enrolling;
    this.booking = booking;
    this.transactions = transactions;
    this.clock = clock;
    this.myMentoring = myMentoring;
  }

  Reply join(Caller caller, Person person, Command.Join join) {
    return join(person, join.program());
  }

  Reply me(Caller caller, Person person, Command.Me command) {
    return new Reply.Say(me(person));
  }

  Reply snooze(Caller caller, Person person, Command.Snooze snooze) {
    return forEachParticipation(person, p -> participants.snoozeUntil(p.id(),
        clock.instant().plus(Duration.ofDays(snooze.length().getDays()))),
        WORDS.phrase("participant.snoozed", "days", snooze.length().getDays()));
  }

  Reply pause(Caller caller, Person person, Command.Pause command) {
    return forEachParticipation(person, p -> participants.changeStatus(p.id(), ParticipantStatus.PAUSED),
        WORDS.phrase("participant.paused", "resume", Markup.command("resume")));
  }

  Reply resume(Caller caller, Person person, Command.Resume command) {
    return forEachParticipation(person, p -> {
      participants.changeStatus(p.id(), ParticipantStatus.ACTIVE);
      participants.snoozeUntil(p.id(), null);
    }, WORDS.phrase("participant.resumed"));
  }

  Reply leave(Caller caller, Person person, Command.Leave command) {
    return forEachParticipation(person, p -> participants.changeStatus(p.id(), ParticipantStatus.LEFT),
        WORDS.phrase("participant.left"));
  }

  Reply helpRequest(Caller caller, Person person, Command.HelpRequest request) {
    return helpRequest(person, request.note());
  }

  Reply journal(Caller caller, Person person, Command.Journal command) {
    return new Reply.Say(journal(person));
  }

  private Reply join(Person person, Optional<String> name) {
    Outcome<Program> program = chooser.enrolling(name);
    if (program instanceof Outcome.Rejected<Program> r) {
      return Reply.say(r.reason());
    }
    return new Reply.ShowForm(JoinForm.form(program.value()));
  }

  Reply submitJoinForm(Caller caller, Person person, String formId, Map<String, String> values) {
    return submitJoin(caller, person, idAfter(formId, JoinForm.PREFIX), values);
  }

  Reply submitBookingForm(Caller caller, Person person, String formId, Map<String, String> values) {
    return submitBooking(person, idAfter(formId, ActionIds.BOOKING_FORM), values);
  }

  Reply submitReflectionForm(Caller caller, Person person, String formId, Map<String, String> values) {
    return submitReflection(person, idAfter(formId, ActionIds.REFLECTION_FORM), values);
  }

  private Reply submitJoin(Caller caller, Person person, long programId, Map<String, String> values) {
    if (enrolling.enrolling(programId).isEmpty()) {
      return Reply.say(WORDS.phrase("join.not_open_any_more"));
    }
    Object read = JoinForm.read(values);
    if (read instanceof Map<?, ?> errors) {
      @SuppressWarnings("unchecked")
      Map<String, String> byInput = (Map<String, String>) errors;
      return new Reply.FormErrors(byInput);
    }
    JoinAnswers a = (JoinAnswers) read;
    if (enrolling.enrol(programId, person, caller.timeZone(), a) instanceof Joining.Joined joined) {
      return Reply.say(WORDS.phrase("join.joined", "program", joined.program().name(), "role", a.role().code()));
    }
    return Reply.say(WORDS.phrase("join.not_open_any_more"));
  }

  private Reply submitBooking(Person person, long pairingId, Map<String, String> values) {
    if (booking.bookable(person.id(), pairingId).isEmpty()) {
      return Reply.say(WORDS.phrase("participant.booking.not_yours"));
    }
    // the pickers send these shapes; anything else a client sends is checked here all the same
    LocalDate date;
    LocalTime time;
    try {
      date = LocalDate.parse(values.getOrDefault("date", "").trim());
    } catch (DateTimeException e) {
      return new Reply.FormErrors(Map.of("date", WORDS.phrase("participant.booking.pick_the_day")));
    }
    try {
      time = LocalTime.parse(values.getOrDefault("time", "").trim());
    } catch (DateTimeException e) {
      return new Reply.FormErrors(Map.of("time", WORDS.phrase("participant.booking.pick_the_time")));
    }
    Instant at = ZonedDateTime.of(date, time, person.timeZone()).toInstant();
    Booking booked = booking.book(person.id(), pairingId, at);
    if (booked instanceof Booking.Booked b) {
      return booked(person, at, b.program());
    }
    if (booked instanceof Booking.InThePast) {
      return new Reply.FormErrors(Map.of("date", WORDS.phrase("participant.booking.in_the_past")));
    }
    return Reply.say(WORDS.phrase("participant.booking.not_yours"));
  }

  private Reply booked(Person person, Instant at, Optional<Program> program) {
    // reminders stop with the program (DispatchConditions): say so rather than promise them
    Instant now = clock.instant();
    String moment = Phrases.moment(at, person.timeZone());
    String text;
    if (program.map(p -> p.endedBy(now)).orElse(false)) {
      text = WORDS.phrase("participant.booking.booked_program_ended", "moment", moment);
    } else if (program.map(p -> p.endedBy(at)).orElse(false)) {
      text = WORDS.phrase("participant.booking.booked_after_the_end", "moment", moment,
          "endsOn", Phrases.day(program.get().endsOn()));
    } else {
      text = WORDS.phrase("participant.booking.booked", "moment", moment);
    }
    return new Reply.Say(ChatMessage.of(text, new Block.Section(text)).meaning(Meaning.of("reply.booking").at(at)));
  }

  private Reply submitReflection(Person person, long pairingId, Map<String, String> values) {
    String text = values.getOrDefault("text", "").trim();
    if (text.isEmpty()) {
      return new Reply.FormErrors(Map.of("text", WORDS.phrase("participant.reflection.empty")));
    }
    if (text.length() > ReflectionsInDatabase.MAX_LENGTH) {
      return new Reply.FormErrors(Map.of("text", WORDS.phrase("participant.reflection.too_long",
          "max", String.valueOf(ReflectionsInDatabase.MAX_LENGTH))));
    }
    Long pairing = pairings.findById(pairingId).filter(p -> isSide(person, p)).map(Pairing::id).orElse(null);
    reflections.write(person.id(), pairing, text);
    return Reply.say(WORDS.phrase("participant.reflection.saved", "journal", Markup.command("journal")));
  }

  static Form bookingForm(long pairingId) {
    return new Form(ActionIds.BOOKING_FORM + pairingId, WORDS.phrase("participant.booking_form.title"),
        WORDS.phrase("participant.booking_form.save"), List.of(
            new Form.FormInput.DateInput("date", WORDS.phrase("participant.booking_form.date"), false),
            new Form.FormInput.TimeInput("time", WORDS.phrase("participant.booking_form.time"), false)));
  }

  static Form reflectionForm(long pairingId) {
    return new Form(ActionIds.REFLECTION_FORM + pairingId, WORDS.phrase("participant.reflection_form.title"),
        WORDS.phrase("participant.reflection_form.save"), List.of(
            new Form.FormInput.LongText("text", WORDS.phrase("participant.reflection_form.text"),
                false, ReflectionsInDatabase.MAX_LENGTH)));
  }

  private boolean isSide(Person person, Pairing pairing) {
    return participants.findById(pairing.mentorId()).map(p -> p.personId() == person.id()).orElse(false)
        || participants.findById(pairing.menteeId()).map(p -> p.personId() == person.id()).orElse(false);
  }

  private Reply helpRequest(Person person, Optional<String> note) {
    List<Participant> mine = participants.ofPerson(person.id()).stream().filter(p -> p.status() != ParticipantStatus.LEFT).toList();
    if (mine.isEmpty()) {
      return Reply.say(WORDS.phrase("participant.help_request.not_in_a_program"));
    }
    for (Participant p : mine) {
      long id = helpRequests.open(p.programId(), person.id(), note.map(n -> ReplyText.clip(n, 2000)).orElse(null));
      notifications.helpRequested(p.programId(), id);
    }
    return Reply.say(WORDS.phrase("participant.help_request.thanks"));
  }

  ChatMessage me(Person person) {
    List<MyMentoring.Row> mine = myMentoring.of(person.id());
    if (mine.isEmpty()) {
      String notYet = WORDS.phrase("participant.me.not_in_a_program");
      return ChatMessage.of(notYet, new Block.Section(
          notYet + " " + WORDS.phrase("participant.me.join_when_open", "join", Markup.command("join"))));
    }
    List<Block> blocks = new ArrayList<>();
    long shown = -1;
    for (MyMentoring.Row row : mine) {
      if (row.participantId() != shown) {
        shown = row.participantId();
        blocks.add(new Block.Section(WORDS.phrase("participant.me.program", "program", Markup.bold(row.programName()),
            "role", row.role().code(), "status", row.status().code())));
        if (row.pairing().isEmpty()) {
          blocks.add(new Block.Context(WORDS.phrase("participant.me.no_match_yet")));
        }
      }
      row.pairing().ifPresent(pairing -> blocks.addAll(describe(person, pairing)));
    }
    return new ChatMessage(WORDS.phrase("participant.me.title"), blocks, null);
  }


  private List<Block> describe(Person me, MyMentoring.Pairing pairing) {
    String otherName = pairing.partnerName();
    boolean iAmMentor = pairing.iAmMentor();
    List<Block> blocks = new ArrayList<>();
    switch (pairing.state()) {
      case PROPOSED, ACCEPTED_BY_MENTOR, ACCEPTED_BY_MENTEE -> {
        boolean answered = (iAmMentor && pairing.state() == org.rmbot.mentoring.pairing.PairingState.ACCEPTED_BY_MENTOR)
            || (!iAmMentor && pairing.state() == org.rmbot.mentoring.pairing.PairingState.ACCEPTED_BY_MENTEE);
        if (answered) {
          blocks.add(new Block.Context(WORDS.phrase("participant.me.waiting_for_partner", "partner", otherName)));
        } else {
          blocks.addAll(ProposalMessage.blocks(otherName, iAmMentor, pairing.id(), pairing.explanation()));
        }
      }
      case ACTIVE -> {
        blocks.add(new Block.Section(WORDS.phrase("participant.me.paired", "partner", Markup.bold(otherName),
            "side", iAmMentor ? "mentor" : "mentee")));
        blocks.add(new Block.Context(pairing.nextMeeting()
            .map(at -> WORDS.phrase("participant.me.next_meeting", "moment", Phrases.moment(at, me.timeZone())))
            .orElse(iAmMentor ? WORDS.phrase("participant.me.mentee_will_invite")
                : WORDS.phrase("participant.me.book_next_meeting"))));
        blocks.add(new Block.Actions(List.of(
            new Block.Button(ActionIds.BOOK_MEETING, String.valueOf(pairing.id()),
                WORDS.phrase("participant.me.booked_button"), Block.ButtonStyle.PRIMARY),
            new Block.Button(ActionIds.WRITE_REFLECTION, String.valueOf(pairing.id()),
                WORDS.phrase("participant.me.reflection_button"), Block.ButtonStyle.DEFAULT))));
      }
      case PAUSED -> blocks.add(new Block.Context(WORDS.phrase("participant.me.pairing_paused", "partner", otherName)));
      default -> { }
    }
    return blocks;
  }


  private ChatMessage journal(Person person) {
    List<Reflection> mine = reflections.writtenBy(person.id());
    List<Reflection> shared = reflections.sharedWith(person.id());
    if (mine.isEmpty() && shared.isEmpty()) {
      String empty = WORDS.phrase("participant.journal.empty");
      return ChatMessage.of(empty, new Block.Section(empty + " " + WORDS.phrase("participant.journal.how_to_write",
          "writeReflection", Markup.bold(WORDS.phrase("participant.me.reflection_button")))));
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Context(WORDS.phrase("participant.journal.only_you")));
    for (Reflection r : mine.subList(Math.max(0, mine.size() - 20), mine.size())) {
      blocks.add(new Block.Section(Markup.bold(WORDS.phrase("participant.journal.day",
          "when", Phrases.inZone(r.createdAt(), person.timeZone()))) + "\n" + r.text()));
      if (r.pairingId() != null && !r.sharedWithPartner()) {
        blocks.add(new Block.Actions(List.of(new Block.Button(ActionIds.SHARE_REFLECTION, String.valueOf(r.id()),
            WORDS.phrase("participant.journal.share_button"), Block.ButtonStyle.DEFAULT))));
      } else if (r.sharedWithPartner()) {
        blocks.add(new Block.Context(WORDS.phrase("participant.journal.shared")));
      }
    }
    for (Reflection r : shared) {
      String author = people.findById(r.authorPersonId()).map(Person::displayName)
          .orElseGet(() -> WORDS.phrase("participant.journal.your_partner"));
      blocks.add(new Block.Section(Markup.bold(WORDS.phrase("participant.journal.shared_with_you", "author", author))
          + "\n" + r.text()));
    }
    return new ChatMessage(WORDS.phrase("participant.journal.title"), blocks, null);
  }

  private Reply forEachParticipation(Person person, java.util.function.Consumer<Participant> change, String done) {
    List<Participant> mine = participants.ofPerson(person.id()).stream()
        .filter(p -> p.status() != ParticipantStatus.LEFT)
        .filter(p -> programs.findById(p.programId()).map(pr -> pr.state() != ProgramState.CLOSED).orElse(false))
        .toList();
    if (mine.isEmpty()) {
      return Reply.say(WORDS.phrase("participant.not_in_an_open_program"));
    }
    transactions.run(() -> mine.forEach(change));
    return Reply.say(done);
  }

  static long idAfter(String formId, String prefix) {
    try {
      return Long.parseLong(formId.substring(prefix.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
