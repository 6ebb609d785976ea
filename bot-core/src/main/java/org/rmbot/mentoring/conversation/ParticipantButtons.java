package org.rmbot.mentoring.conversation;

import org.rmbot.mentoring.nudge.Notifications;

import org.rmbot.mentoring.chat.ActionIds;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Meaning;
import org.rmbot.mentoring.common.Outcome;
import org.rmbot.mentoring.matching.AnsweringProposals;
import org.rmbot.mentoring.meeting.CheckInAnswer;
import org.rmbot.mentoring.meeting.Meetings;
import org.rmbot.mentoring.pairing.Organiser;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.Pairings;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.Participants;
import org.rmbot.mentoring.participant.People;
import org.rmbot.mentoring.participant.Person;

/**
 * Button clicks. Each re-checks that the person clicking is one of the pairing's two people;
 * the button's value only says which pairing. Answered messages are replaced so a button
 * cannot be pressed twice.
 */
public final class ParticipantButtons {
  private static final String BOOK_THIS_WEEK =
      "Thanks for letting me know. A short conversation counts too: could you book one this week?";
  private final AnsweringProposals answering;
  private final Pairings pairings;
  private final Participants participants;
  private final People people;
  private final Meetings meetings;
  private final Notifications notifications;
  private final Clock clock;

  public ParticipantButtons(AnsweringProposals answering, Pairings pairings, Participants participants, People people,
      Meetings meetings, Notifications notifications, Clock clock) {
    this.answering = answering;
    this.pairings = pairings;
    this.participants = participants;
    this.people = people;
    this.meetings = meetings;
    this.notifications = notifications;
    this.clock = clock;
  }

  Reply acceptProposal(Caller caller, Person person, String actionId, String value) {
    return accept(person, id(value));
  }

  Reply declineProposal(Caller caller, Person person, String actionId, String value) {
    return decline(person, id(value));
  }

  Reply checkInMet(Caller caller, Person person, String actionId, String value) {
    return checkIn(person, value, CheckInAnswer.MET);
  }

  Reply checkInNotYet(Caller caller, Person person, String actionId, String value) {
    return checkIn(person, value, CheckInAnswer.NOT_YET);
  }

  Reply checkInRescheduled(Caller caller, Person person, String actionId, String value) {
    return checkIn(person, value, CheckInAnswer.RESCHEDULED);
  }

  Reply bookMeeting(Caller caller, Person person, String actionId, String value) {
    return mine(person, id(value)).<Reply>map(p -> new Reply.ShowForm(ParticipantCommands.bookingForm(p.id())))
        .orElseGet(() -> Reply.say("That pairing isn't yours or is no longer active."));
  }

  Reply writeReflection(Caller caller, Person person, String actionId, String value) {
    return mine(person, id(value)).<Reply>map(p -> new Reply.ShowForm(ParticipantCommands.reflectionForm(p.id())))
        .orElseGet(() -> Reply.say("That pairing isn't yours or is no longer active."));
  }

  Reply snooze(Caller caller, Person person, String actionId, String value) {
    participants.ofPerson(person.id()).forEach(p -> participants.snoozeUntil(p.id(), clock.instant().plus(Duration.ofDays(3))));
    return Reply.say("OK, I'll remind you again in three days.");
  }

  private Reply accept(Person person, long pairingId) {
    Outcome<AnsweringProposals.Answer> answer = answering.accept(pairingId, person.id());
    if (answer instanceof Outcome.Rejected<AnsweringProposals.Answer> r) {
      return Reply.say(capitalise(r.reason()) + ".");
    }
    var accepted = (AnsweringProposals.Answer.Accepted) answer.value();
    if (accepted.nowActive()) {
      notifications.pairingActivated(accepted.pairing());
      return replaced("You accepted. You both did: I'm opening a conversation to introduce you.");
    }
    return replaced("You accepted. I'll let you know as soon as the other side answers.");
  }

  private Reply decline(Person person, long pairingId) {
    Outcome<AnsweringProposals.Answer> answer = answering.decline(pairingId, person.id());
    if (answer instanceof Outcome.Rejected<AnsweringProposals.Answer> r) {
      return Reply.say(capitalise(r.reason()) + ".");
    }
    var declined = (AnsweringProposals.Answer.Declined) answer.value();
    notifications.proposalWithdrawn(declined.pairing(), declined.otherParticipantId());
    return replaced("You declined, privately. Thank you for saying so: you're back in the pool, and I'll tell you what"
        + " comes of the next matching.");
  }

  private Reply checkIn(Person person, String value, CheckInAnswer answer) {
    String[] parts = value.split("\\|", 2);
    if (parts.length != 2) {
      return Reply.say("That check-in button is broken; nothing was recorded.");
    }
    Optional<Pairing> pairing = mine(person, id(parts[0]));
    if (pairing.isEmpty()) {
      return Reply.say("That pairing isn't yours or is no longer active, so nothing was recorded.");
    }
    LocalDate window;
    try {
      window = LocalDate.parse(parts[1]);
    } catch (DateTimeException e) {
      return Reply.say("That check-in button is broken; nothing was recorded.");
    }
    meetings.checkIn(pairing.get().id(), person.id(), window, answer);
    return switch (answer) {
      case MET -> new Reply.Replace(ChatMessage.of("Thanks: recorded that you met.",
          new Block.Section("Thanks: recorded that you met. \uD83C\uDF89"),
          new Block.Actions(java.util.List.of(new Block.Button(ActionIds.WRITE_REFLECTION,
              String.valueOf(pairing.get().id()), "Write a private reflection", Block.ButtonStyle.PRIMARY)))));
      // the senior side books (the mentee in a reverse program), and gets the button to do it
      case NOT_YET -> notYet(person, pairing.get());
      case RESCHEDULED -> new Reply.Replace(ChatMessage.of("Thanks: rescheduled.",
          new Block.Section("Thanks. When you have a new date, record it so I can remind you both."),
          new Block.Actions(java.util.List.of(new Block.Button(ActionIds.BOOK_MEETING,
              String.valueOf(pairing.get().id()), "Record the new date", Block.ButtonStyle.PRIMARY)))));
    };
  }

  /**
   * The organiser (the senior side) is asked to book, with the button to record it; the junior
   * mentor is never asked to organise anything, only told that their partner will suggest a time.
   */
  private Reply notYet(Person person, Pairing pairing) {
    Participant mentor = participants.findById(pairing.mentorId()).orElseThrow();
    Participant mentee = participants.findById(pairing.menteeId()).orElseThrow();
    Participant organiser = Organiser.isMentor(mentor.grade(), mentee.grade()) ? mentor : mentee;
    if (organiser.personId() == person.id()) {
      return new Reply.Replace(ChatMessage.of(BOOK_THIS_WEEK,
              new Block.Section(BOOK_THIS_WEEK),
              new Block.Actions(java.util.List.of(new Block.Button(ActionIds.BOOK_MEETING,
                  String.valueOf(pairing.id()), "Book a meeting", Block.ButtonStyle.PRIMARY))))
          .meaning(Meaning.of("reply.check_in.not_yet").asking(person.id())));
    }
    String partner = people.findById(organiser.personId()).map(Person::displayName).orElse("Your partner");
    String text = "Thanks for letting me know. A short conversation counts too; " + partner + " will suggest a time.";
    return new Reply.Replace(ChatMessage.of(text, new Block.Section(text)).meaning(Meaning.of("reply.check_in.not_yet")));
  }

  /** The pairing, if it is open and the person is one of its two people. */
  private Optional<Pairing> mine(Person person, long pairingId) {
    return pairings.findById(pairingId)
        .filter(p -> p.state().isOpen())
        .filter(p -> participants.findById(p.mentorId()).map(x -> x.personId() == person.id()).orElse(false)
            || participants.findById(p.menteeId()).map(x -> x.personId() == person.id()).orElse(false));
  }

  private static Reply replaced(String text) {
    return new Reply.Replace(ChatMessage.of(text, new Block.Section(text)));
  }

  private static long id(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
