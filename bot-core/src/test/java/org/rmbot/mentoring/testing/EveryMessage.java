package org.rmbot.mentoring.testing;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Form;
import org.rmbot.mentoring.conversation.DeskSamples;
import org.rmbot.mentoring.nudge.NudgeSamples;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.PairingEvent;
import org.rmbot.mentoring.pairing.PairingLifecycle;
import org.rmbot.mentoring.participant.Enrolment;
import org.rmbot.mentoring.participant.NewPerson;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.participant.WorkingHours;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.program.Program;

/**
 * Everything the bot can show, built from a real database with the longest names people could
 * have and markup they could type: adapters render all of it and check their platform's limits.
 */
public final class EveryMessage {
  public static final String LONG_NAME =
      "Maria-José <!channel> & Ana Beatriz dos Santos Ferreira de Oliveira e Albuquerque *bold* _it_ ";

  public record Catalogue(List<ChatMessage> messages, List<Form> forms) {}

  private EveryMessage() {}

  public static Catalogue build(World world) {
    return build(world, LONG_NAME);
  }

  /** The catalogue with {@code text} in every name, topic, department and reason people can type. */
  public static Catalogue build(World world, String text) {
    Program program = world.programs.create(NewProgram.reverse(text.repeat(3).trim(), text.repeat(2).trim(),
        java.time.LocalDate.of(2026, 1, 5)));
    Person mentorPerson = person(world, "mentor", text);
    Person menteePerson = person(world, "mentee", text);
    world.programs.addCoordinator(program.id(), menteePerson.id());
    Participant mentor = world.participants.enrol(new Enrolment(program.id(), mentorPerson.id(), Role.MENTOR, 2,
        text, null, Set.of(text), Set.of(), Set.of("English"), 1, true));
    Participant mentee = world.participants.enrol(new Enrolment(program.id(), menteePerson.id(), Role.MENTEE, 8,
        "Finance", null, Set.of(), Set.of(text), Set.of("English"), 1, true));
    Pairing proposed = world.pairings.propose(program.id(), mentor.id(), mentee.id(), 99, "shared topics: " + text.repeat(30), false);
    PairingLifecycle lifecycle = new PairingLifecycle(world.pairings);
    lifecycle.apply(proposed.id(), PairingEvent.MENTOR_ACCEPTS);
    lifecycle.apply(proposed.id(), PairingEvent.MENTEE_ACCEPTS);
    long help = world.jdbi.withHandle(h -> h.createQuery(
            "insert into help_request (program_id, person_id, created_at) values (:p, :person, now()) returning id")
        .bind("p", program.id()).bind("person", mentorPerson.id()).mapTo(Long.class).one());
    List<ChatMessage> messages = new ArrayList<>(NudgeSamples.render(world.jdbi, program.id(), proposed.id(),
        menteePerson.id(), help, world.clock.instant()));
    messages.addAll(DeskSamples.messages(text));
    return new Catalogue(messages, DeskSamples.forms(program));
  }

  private static Person person(World world, String role, String text) {
    return world.people.save(new NewPerson(role + "." + System.nanoTime() + "@example.com", text.repeat(4) + role,
        ZoneId.of("Asia/Kolkata"), WorkingHours.officeHours()));
  }
}
