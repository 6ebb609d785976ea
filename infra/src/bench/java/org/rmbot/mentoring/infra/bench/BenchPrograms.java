package org.rmbot.mentoring.infra.bench;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.importing.ImportResult;
import org.rmbot.mentoring.infra.Wiring;
import org.rmbot.mentoring.participant.NewPerson;
import org.rmbot.mentoring.participant.WorkingHours;
import org.rmbot.mentoring.pairing.Pairing;

/**
 * Small programs for the inbound bench: people who all can be paired (mentors grade 2, mentees
 * grade 8, each in a department of their own, same topic and zone), imported from CSV as a
 * coordinator would, with one coordinator, matched, and every pair accepted by both sides.
 */
final class BenchPrograms {
  static final String PROGRAM = "Bench";
  private static final Actor OPERATOR = new Actor.Operator("bench");

  private BenchPrograms() {}

  /** {@code count} participants, numbered from 1. */
  static List<LocalPlatforms.Person> participants(int count) {
    List<LocalPlatforms.Person> people = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      people.add(new LocalPlatforms.Person(n, "person-" + n + "@bench.example", "Person " + n));
    }
    return people;
  }

  static LocalPlatforms.Person coordinator() {
    return new LocalPlatforms.Person(0, "coordinator@bench.example", "Bench Coordinator");
  }

  static byte[] csv(List<LocalPlatforms.Person> participants) {
    StringBuilder csv = new StringBuilder(
        "email,name,role,grade,department,manager_email,time_zone,working_hours,topics_offered,topics_sought,languages,capacity\n");
    for (LocalPlatforms.Person p : participants) {
      boolean mentor = p.number() % 2 == 1;
      csv.append(p.email()).append(',').append(p.name()).append(',').append(mentor ? "mentor,2" : "mentee,8")
          .append(",Department ").append(p.number()).append(",,Europe/London,09:00-17:00,allyship,allyship,English,")
          .append(mentor ? "1" : "").append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Makes the person with this email (new) a coordinator of the program, as {@code coordinator add} would. */
  static void addCoordinator(Wiring.Core core, long programId, String email, String name) {
    long personId = core.people().save(new NewPerson(email, name, ZoneId.of("Europe/London"), WorkingHours.officeHours())).id();
    core.programs().addCoordinator(programId, personId);
  }

  /** Imports, matches and activates the program; returns each paired person's pairing id, by person number. */
  static Map<Integer, Long> seedActive(Wiring.Core core, List<LocalPlatforms.Person> participants,
      LocalPlatforms.Person coordinator) {
    ImportResult imported = core.importing().importFile(PROGRAM, "Allyship", csv(participants), OPERATOR);
    if (!(imported instanceof ImportResult.Imported)) {
      throw new IllegalStateException("the bench's own CSV was refused: " + imported);
    }
    long program = core.programs().findByName(PROGRAM).orElseThrow().id();
    addCoordinator(core, program, coordinator.email(), coordinator.name());
    List<Pairing> pairings = core.matchmaking().commit(program, OPERATOR).value().pairings();
    Map<Long, Integer> numberByPersonId = new HashMap<>();
    for (LocalPlatforms.Person p : participants) {
      numberByPersonId.put(core.people().findByEmail(p.email()).orElseThrow().id(), p.number());
    }
    Map<Integer, Long> pairingOf = new HashMap<>();
    for (Pairing pairing : pairings) {
      for (long participantId : new long[] {pairing.mentorId(), pairing.menteeId()}) {
        long personId = core.participants().findById(participantId).orElseThrow().personId();
        core.answering().accept(pairing.id(), personId);
        pairingOf.put(numberByPersonId.get(personId), pairing.id());
      }
    }
    return pairingOf;
  }
}
