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
import java.time.format.DateTimeFormatter;
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
import org.rmbot.mentoring.meeting.Meetings;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.Pairings;
import org.rmbot.mentoring.participant.Enrolment;
import org.rmbot.mentoring.participant.NewPerson;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.ParticipantStatus;
import org.rmbot.mentoring.participant.Participants;
import org.rmbot.mentoring.participant.People;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.privacy.SealedBox;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.program.Programs;
import org.rmbot.mentoring.reflection.Reflection;
import org.rmbot.mentoring.reflection.Reflections;
import org.rmbot.mentoring.reflection.ReflectionsInDatabase;

/** What every participant can do: join, see their pairing, snooze, pause, leave, ask for help, journal. */
public final class ParticipantCommands {

  private final ProgramChooser chooser;
  private final Programs programs;
  private final People people;
  private final Participants participants;
  private final Pairings pairings;
  private final Meetings meetings;
  private final Reflections reflections;
  private final HelpRequests helpRequests;
  private final Notifications notifications;
  private final SealedBox box;
  private final Transactions transactions;
  private final Clock clock;
  private final MyMentoring myMentoring;

  public ParticipantCommands(ProgramChooser chooser, Programs programs, People people, Participants participants,
      Pairings pairings, Meetings meetings, Reflections reflections, HelpRequests helpRequests,
      Notifications notifications, SealedBox box, Transactions transactions, Clock clock, MyMentoring myMentoring) {
    this.chooser = chooser;
    this.programs = programs;
    this.people = people;
    this.participants = participants;
    this.pairings = pairings;
    this.meetings = meetings;
    this.reflections = reflections;
    this.helpRequests = helpRequests;
    this.notifications = notifications;
    this.box = box;
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
        "Snoozed: I won't nudge you for " + ReplyText.plural(snooze.length().getDays(), "day", "days")
            + ". Your pairing stays as it is.");
  }

  Reply pause(Caller caller, Person person, Command.Pause command) {
    return forEachParticipation(person, p -> participants.changeStatus(p.id(), ParticipantStatus.PAUSED),
        "Paused. I won't nudge you, and you won't be matched, until you type " + Markup.command("resume") + ".");
  }

  Reply resume(Caller caller, Person person, Command.Resume command) {
    return forEachParticipation(person, p -> {
      participants.changeStatus(p.id(), ParticipantStatus.ACTIVE);
      participants.snoozeUntil(p.id(), null);
    }, "Welcome back: nudges are on again.");
  }

  Reply leave(Caller caller, Person person, Command.Leave command) {
    return forEachParticipation(person, p -> participants.changeStatus(p.id(), ParticipantStatus.LEFT),
        "You've left the program. Thank you for taking part. Your coordinators will make sure your partner is looked after.");
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
    Optional<Program> program = programs.findById(programId).filter(p -> p.state() == ProgramState.ENROLLING);
    if (program.isEmpty()) {
      return Reply.say("Sorry, that program is no longer open for enrolment. Nothing was saved.");
    }
    Object read = JoinForm.read(values);
    if (read instanceof Map<?, ?> errors) {
      @SuppressWarnings("unchecked")
      Map<String, String> byInput = (Map<String, String>) errors;
      return new Reply.FormErrors(byInput);
    }
    JoinForm.Answers a = (JoinForm.Answers) read;
    transactions.run(() -> {
      Person me = caller.timeZone().filter(z -> !z.equals(person.timeZone()))
          .map(z -> people.save(new NewPerson(person.email(), person.displayName(), z, person.workingHours())))
          .orElse(person);
      Long manager = a.managerEmail() == null ? null
          : people.findByEmail(a.managerEmail()).orElseGet(() -> people.save(new NewPerson(a.managerEmail(),
              a.managerEmail(), me.timeZone(), org.rmbot.mentoring.participant.WorkingHours.officeHours()))).id();
      if (manager != null && manager == me.id()) {
        manager = null;
      }
      Participant participant = participants.enrol(new Enrolment(programId, me.id(), a.role(), a.grade(),
          a.department(), manager, a.offered(), a.sought(), a.languages(), 1, true));
      participants.storeSealedFocusAreas(participant.id(),
          a.focusAreas() == null ? null : box.seal(a.focusAreas(), "focus/participant:" + participant.id()));
      participants.shareFocusAreas(participant.id(), a.shareFocusAreas());
      participants.nameLivedExperience(participant.id(), a.nameLivedExperience());
    });
    return Reply.say("You're in \"" + program.get().name() + "\" as a " + a.role().code()
        + ". When the coordinators run matching, you'll get a private message with your proposed match and why"
        + " it was suggested; you can accept or decline it privately.");
  }

  private Reply submitBooking(Person person, long pairingId, Map<String, String> values) {
    Optional<Pairing> pairing = pairings.findById(pairingId).filter(p -> p.state().isOpen());
    if (pairing.isEmpty() || !isSide(person, pairing.get())) {
      return Reply.say("That pairing isn't yours or is no longer active, so nothing was saved.");
    }
    // the pickers send these shapes; anything else a client sends is checked here all the same
    LocalDate date;
    LocalTime time;
    try {
      date = LocalDate.parse(values.getOrDefault("date", "").trim());
    } catch (DateTimeException e) {
      return new Reply.FormErrors(Map.of("date", "Please pick the day of the meeting."));
    }
    try {
      time = LocalTime.parse(values.getOrDefault("time", "").trim());
    } catch (DateTimeException e) {
      return new Reply.FormErrors(Map.of("time", "Please pick the time, like 14:30."));
    }
    Instant at = ZonedDateTime.of(date, time, person.timeZone()).toInstant();
    if (at.isBefore(clock.instant())) {
      return new Reply.FormErrors(Map.of("date", "That's in the past. Please pick the date of your next meeting."));
    }
    meetings.book(pairingId, at, person.id());
    // reminders stop with the program (DispatchConditions): say so rather than promise them
    Optional<Program> program = programs.findById(pairing.get().programId());
    Instant now = clock.instant();
    String booked = "Booked for " + Phrases.moment(at, person.timeZone()) + ". ";
    String text;
    if (program.map(p -> p.endedBy(now)).orElse(false)) {
      text = booked + "The program has ended, so I won't send reminders. Enjoy carrying on.";
    } else if (program.map(p -> p.endedBy(at)).orElse(false)) {
      text = booked + "That's after the program ends on " + Phrases.day(program.get().endsOn())
          + ", so I won't send reminders for it. Enjoy carrying on.";
    } else {
      text = booked + "I'll remind you both before it, inside your working hours.";
    }
    return new Reply.Say(ChatMessage.of(text, new Block.Section(text)).meaning(Meaning.of("reply.booking").at(at)));
  }

  private Reply submitReflection(Person person, long pairingId, Map<String, String> values) {
    String text = values.getOrDefault("text", "").trim();
    if (text.isEmpty()) {
      return new Reply.FormErrors(Map.of("text", "Write a few words, or close this form to skip."));
    }
    if (text.length() > ReflectionsInDatabase.MAX_LENGTH) {
      return new Reply.FormErrors(Map.of("text", "Please keep it under " + ReflectionsInDatabase.MAX_LENGTH + " characters."));
    }
    Long pairing = pairings.findById(pairingId).filter(p -> isSide(person, p)).map(Pairing::id).orElse(null);
    reflections.write(person.id(), pairing, text);
    return Reply.say("Saved to your private journal. Only you can read it: type " + Markup.command("journal") + " to see it.");
  }

  static Form bookingForm(long pairingId) {
    return new Form(ActionIds.BOOKING_FORM + pairingId, "Book a meeting", "Save", List.of(
        new Form.FormInput.DateInput("date", "Date", false),
        new Form.FormInput.TimeInput("time", "Time, in your time zone", false)));
  }

  static Form reflectionForm(long pairingId) {
    return new Form(ActionIds.REFLECTION_FORM + pairingId, "Reflection", "Save", List.of(
        new Form.FormInput.LongText("text", "What did you learn, and what will you do differently? Only you will see this.",
            false, ReflectionsInDatabase.MAX_LENGTH)));
  }

  private boolean isSide(Person person, Pairing pairing) {
    return participants.findById(pairing.mentorId()).map(p -> p.personId() == person.id()).orElse(false)
        || participants.findById(pairing.menteeId()).map(p -> p.personId() == person.id()).orElse(false);
  }

  private Reply helpRequest(Person person, Optional<String> note) {
    List<Participant> mine = participants.ofPerson(person.id()).stream().filter(p -> p.status() != ParticipantStatus.LEFT).toList();
    if (mine.isEmpty()) {
      return Reply.say("You're not in a program at the moment. If something is wrong, please talk to your coordinator directly.");
    }
    for (Participant p : mine) {
      long id = helpRequests.open(p.programId(), person.id(), note.map(n -> ReplyText.clip(n, 2000)).orElse(null));
      notifications.helpRequested(p.programId(), id);
    }
    return Reply.say("Thank you for telling us. Your request is private: only the program's coordinators see it,"
        + " never your partner, and nobody is at fault. A coordinator will get in touch with you directly.");
  }

  ChatMessage me(Person person) {
    List<MyMentoring.Row> mine = myMentoring.of(person.id());
    if (mine.isEmpty()) {
      return ChatMessage.of("You're not in a mentoring program yet.",
          new Block.Section("You're not in a mentoring program yet. Type " + Markup.command("join") + " when a program is open for enrolment."));
    }
    List<Block> blocks = new ArrayList<>();
    long shown = -1;
    for (MyMentoring.Row row : mine) {
      if (row.participantId() != shown) {
        shown = row.participantId();
        blocks.add(new Block.Section(Markup.bold(row.programName()) + ": you're a " + row.role().code()
            + (row.status() == ParticipantStatus.ACTIVE ? "" : " (" + row.status().code() + ")")));
        if (row.pairing().isEmpty()) {
          blocks.add(new Block.Context("No match yet: you're in the pool, and you'll hear from me when a match is proposed."));
        }
      }
      row.pairing().ifPresent(pairing -> blocks.addAll(describe(person, pairing)));
    }
    return new ChatMessage("Your mentoring", blocks, null);
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
          blocks.add(new Block.Context("You accepted a match with " + otherName + "; waiting for their answer."));
        } else {
          blocks.addAll(ProposalMessage.blocks(otherName, iAmMentor, pairing.id(), pairing.explanation()));
        }
      }
      case ACTIVE -> {
        blocks.add(new Block.Section("Paired with " + Markup.bold(otherName) + (iAmMentor ? " (your mentee)" : " (your mentor)") + "."));
        blocks.add(new Block.Context(pairing.nextMeeting().map(at -> "Next meeting: " + Phrases.moment(at, me.timeZone()))
            .orElse(iAmMentor ? "No meeting booked yet: your mentee will send an invitation." : "Next step: book your next meeting.")));
        blocks.add(new Block.Actions(List.of(
            new Block.Button(ActionIds.BOOK_MEETING, String.valueOf(pairing.id()), "We've booked a meeting", Block.ButtonStyle.PRIMARY),
            new Block.Button(ActionIds.WRITE_REFLECTION, String.valueOf(pairing.id()), "Write a reflection", Block.ButtonStyle.DEFAULT))));
      }
      case PAUSED -> blocks.add(new Block.Context("Your pairing with " + otherName + " is paused."));
      default -> { }
    }
    return blocks;
  }


  private ChatMessage journal(Person person) {
    List<Reflection> mine = reflections.writtenBy(person.id());
    List<Reflection> shared = reflections.sharedWith(person.id());
    if (mine.isEmpty() && shared.isEmpty()) {
      return ChatMessage.of("Your journal is empty.", new Block.Section(
          "Your journal is empty. After a meeting, use " + Markup.bold("Write a reflection") + " to note what you learned. Only you can read it."));
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Context("Only you can see this."));
    for (Reflection r : mine.subList(Math.max(0, mine.size() - 20), mine.size())) {
      blocks.add(new Block.Section(Markup.bold(DateTimeFormatter.ofPattern("d MMM yyyy").format(r.createdAt().atZone(person.timeZone())))
          + "\n" + r.text()));
      if (r.pairingId() != null && !r.sharedWithPartner()) {
        blocks.add(new Block.Actions(List.of(new Block.Button(ActionIds.SHARE_REFLECTION, String.valueOf(r.id()),
            "Share this one with my partner", Block.ButtonStyle.DEFAULT))));
      } else if (r.sharedWithPartner()) {
        blocks.add(new Block.Context("Shared with your partner."));
      }
    }
    for (Reflection r : shared) {
      String author = people.findById(r.authorPersonId()).map(Person::displayName).orElse("Your partner");
      blocks.add(new Block.Section(Markup.bold(author + " shared this with you") + "\n" + r.text()));
    }
    return new ChatMessage("Your journal", blocks, null);
  }

  private Reply forEachParticipation(Person person, java.util.function.Consumer<Participant> change, String done) {
    List<Participant> mine = participants.ofPerson(person.id()).stream()
        .filter(p -> p.status() != ParticipantStatus.LEFT)
        .filter(p -> programs.findById(p.programId()).map(pr -> pr.state() != ProgramState.CLOSED).orElse(false))
        .toList();
    if (mine.isEmpty()) {
      return Reply.say("You're not in an open program, so there's nothing to change.");
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
