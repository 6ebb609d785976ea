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
import org.rmbot.mentoring.wording.Catalogue;

/**
 * Button clicks. Each re-checks that the person clicking is one of the pairing's two people;
 * the button's value only says which pairing. Answered messages are replaced so a button
 * cannot be pressed twice.
 */
public final class ParticipantButtons {
  private static final Catalogue WORDS = Catalogue.english();
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
        .orElseGet(() -> Reply.say(WORDS.phrase("buttons.pairing_not_yours")));
  }

  Reply writeReflection(Caller caller, Person person, String actionId, String value) {
    return mine(person, id(value)).<Reply>map(p -> new Reply.ShowForm(ParticipantCommands.reflectionForm(p.id())))
        .orElseGet(() -> Reply.say(WORDS.phrase("buttons.pairing_not_yours")));
  }

  Reply snooze(Caller caller, Person person, String actionId, String value) {
    participants.ofPerson(person.id()).forEach(p -> participants.snoozeUntil(p.id(), clock.instant().plus(Duration.ofDays(3))));
    return Reply.say(WORDS.phrase("buttons.snoozed"));
  }

  private Reply accept(Person person, long pairingId) {
    Outcome<AnsweringProposals.Answer> answer = answering.accept(pairingId, person.id());
    if (answer instanceof Outcome.Rejected<AnsweringProposals.Answer> r) {
      return Reply.say(WORDS.phrase("buttons.proposal.refused", "reason", capitalise(r.reason())));
    }
    var accepted = (AnsweringProposals.Answer.Accepted) answer.value();
    if (accepted.nowActive()) {
      notifications.pairingActivated(accepted.pairing());
      return replaced(WORDS.phrase("buttons.proposal.accepted_by_both"));
    }
    return replaced(WORDS.phrase("buttons.proposal.accepted"));
  }

  private Reply decline(Person person, long pairingId) {
    Outcome<AnsweringProposals.Answer> answer = answering.decline(pairingId, person.id());
    if (answer instanceof Outcome.Rejected<AnsweringProposals.Answer> r) {
      return Reply.say(WORDS.phrase("buttons.proposal.refused", "reason", capitalise(r.reason())));
    }
    var declined = (AnsweringProposals.Answer.Declined) answer.value();
    notifications.proposalWithdrawn(declined.pairing(), declined.otherParticipantId());
    return replaced(WORDS.phrase("buttons.proposal.declined"));
  }

  private Reply checkIn(Person person, String value, CheckInAnswer answer) {
    String[] parts = value.split("\\|", 2);
    if (parts.length != 2) {
      return Reply.say(WORDS.phrase("buttons.check_in.broken"));
    }
    Optional<Pairing> pairing = mine(person, id(parts[0]));
    if (pairing.isEmpty()) {
      return Reply.say(WORDS.phrase("buttons.check_in.not_yours"));
    }
    LocalDate window;
    try {
      window = LocalDate.parse(parts[1]);
    } catch (DateTimeException e) {
      return Reply.say(WORDS.phrase("buttons.check_in.broken"));
    }
    meetings.checkIn(pairing.get().id(), person.id(), window, answer);
    return switch (answer) {
      case MET -> new Reply.Replace(ChatMessage.of(WORDS.phrase("buttons.check_in.met"),
          new Block.Section(WORDS.phrase("buttons.check_in.met_cheer")),
          new Block.Actions(java.util.List.of(new Block.Button(ActionIds.WRITE_REFLECTION,
              String.valueOf(pairing.get().id()), WORDS.phrase("buttons.check_in.reflection_button"),
              Block.ButtonStyle.PRIMARY)))));
      // the senior side books (the mentee in a reverse program), and gets the button to do it
      case NOT_YET -> notYet(person, pairing.get());
      case RESCHEDULED -> new Reply.Replace(ChatMessage.of(WORDS.phrase("buttons.check_in.rescheduled"),
          new Block.Section(WORDS.phrase("buttons.check_in.record_new_date")),
          new Block.Actions(java.util.List.of(new Block.Button(ActionIds.BOOK_MEETING,
              String.valueOf(pairing.get().id()), WORDS.phrase("buttons.check_in.record_new_date_button"),
              Block.ButtonStyle.PRIMARY)))));
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
      String bookThisWeek = WORDS.phrase("buttons.check_in.book_this_week");
      return new Reply.Replace(ChatMessage.of(bookThisWeek,
              new Block.Section(bookThisWeek),
              new Block.Actions(java.util.List.of(new Block.Button(ActionIds.BOOK_MEETING,
                  String.valueOf(pairing.id()), WORDS.phrase("buttons.check_in.book_button"), Block.ButtonStyle.PRIMARY))))
          .meaning(Meaning.of("reply.check_in.not_yet").asking(person.id())));
    }
    String partner = people.findById(organiser.personId()).map(Person::displayName)
        .orElseGet(() -> WORDS.phrase("buttons.check_in.your_partner"));
    String text = WORDS.phrase("buttons.check_in.partner_will_suggest", "partner", partner);
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
