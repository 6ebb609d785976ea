package org.rmbot.mentoring.matching;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.rmbot.mentoring.pairing.Pairings;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.ParticipantStatus;
import org.rmbot.mentoring.participant.Participants;
import org.rmbot.mentoring.participant.People;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * Who is available to match in a program right now, and under which rules: active
 * participants not already in an open pairing, mentors with the capacity they have left.
 */
final class MatchPool {
  private final Participants participants;
  private final People people;
  private final Pairings pairings;
  private final MatchConstraints constraints;
  private final Clock clock;

  MatchPool(Participants participants, People people, Pairings pairings, MatchConstraints constraints, Clock clock) {
    this.participants = participants;
    this.people = people;
    this.pairings = pairings;
    this.constraints = constraints;
    this.clock = clock;
  }

  record Input(List<Candidate> candidates, MatchingRules rules, ReportingLines reportingLines) {}

  Input of(Program program) {
    Map<Long, Long> openPairingsOf = pairings.inProgram(program.id()).stream()
        .filter(p -> p.state().isOpen())
        .flatMap(p -> java.util.stream.Stream.of(p.mentorId(), p.menteeId()))
        .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    List<Candidate> candidates = new ArrayList<>();
    Set<Long> inPool = new java.util.HashSet<>();
    List<Participant> enrolled = participants.inProgram(program.id());
    // one query for everyone's name, zone and hours: one per person took most of a 10,000-person match
    Map<Long, Person> peopleById = people.findByIds(enrolled.stream().map(Participant::personId).toList());
    Set<Long> naming = participants.namingLivedExperience(program.id());
    for (Participant p : enrolled) {
      if (p.status() != ParticipantStatus.ACTIVE) {
        continue;
      }
      int open = openPairingsOf.getOrDefault(p.id(), 0L).intValue();
      int room = p.role() == Role.MENTOR ? p.capacity() - open : (open == 0 ? 1 : 0);
      if (room <= 0) {
        continue;
      }
      Person person = peopleById.get(p.personId());
      candidates.add(new Candidate(p.id(), p.personId(), person.displayName(),
          p.role() == Role.MENTOR ? Side.MENTOR : Side.MENTEE, p.grade(), p.department(),
          p.topicsOffered(), p.topicsSought(), person.timeZone(), person.workingHours().start(),
          person.workingHours().end(), p.languages(), p.role() == Role.MENTOR ? room : 1, naming.contains(p.id())));
      inPool.add(p.id());
    }
    List<Pin> pins = constraints.pins(program.id()).stream()
        .filter(pin -> inPool.contains(pin.mentorParticipantId()) && inPool.contains(pin.menteeParticipantId()))
        .toList();
    var settings = program.settings();
    MatchingRules rules = new MatchingRules(
        Direction.valueOf(program.direction().name()),
        settings.minGradeGap(),
        settings.reportingChainDepth(),
        constraints.neverPairs(program.id()),
        constraints.pairedSince(clock.instant().minus(Duration.ofDays(settings.repeatWindowDays()))),
        constraints.declinedOrSplit(),
        pins,
        null,
        settings.requireSharedLanguage());
    return new Input(candidates, rules, ReportingLines.of(constraints.managers()));
  }

  static boolean hasBothSides(List<Candidate> candidates) {
    return candidates.stream().anyMatch(c -> c.side() == Side.MENTOR)
        && candidates.stream().anyMatch(c -> c.side() == Side.MENTEE);
  }

  static String emptySide(List<Candidate> candidates) {
    boolean mentors = candidates.stream().anyMatch(c -> c.side() == Side.MENTOR);
    boolean mentees = candidates.stream().anyMatch(c -> c.side() == Side.MENTEE);
    if (!mentors && !mentees) {
      return Catalogue.english().phrase("matching.pool.nobody_waiting");
    }
    return mentors ? Catalogue.english().phrase("matching.pool.no_mentees_waiting")
        : Catalogue.english().phrase("matching.pool.no_mentors_waiting");
  }
}
