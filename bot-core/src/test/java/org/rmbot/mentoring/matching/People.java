package org.rmbot.mentoring.matching;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/** Readable test fixtures: {@code aJuniorMentor(1).inDepartment("Finance").build()}. */
final class People {
  private People() {}

  /** Grade 2, Engineering, London 09:00-17:00, English, capacity 1. Person id = participant id. */
  static Builder aJuniorMentor(long id) {
    return new Builder(id, Side.MENTOR).grade(2).inDepartment("Engineering");
  }

  /** Grade 8, Finance, London 09:00-17:00, English. Person id = participant id. */
  static Builder aSeniorMentee(long id) {
    return new Builder(id, Side.MENTEE).grade(8).inDepartment("Finance");
  }

  static final class Builder {
    private final long participantId;
    private final Side side;
    private long personId;
    private String name;
    private Integer grade;
    private String department;
    private Set<String> offers = Set.of();
    private Set<String> seeks = Set.of();
    private ZoneId zone = ZoneId.of("Europe/London");
    private LocalTime start = LocalTime.of(9, 0);
    private LocalTime end = LocalTime.of(17, 0);
    private Set<String> languages = Set.of("English");
    private int capacity = 1;

    private Builder(long participantId, Side side) {
      this.participantId = participantId;
      this.side = side;
      this.personId = participantId;
      this.name = (side == Side.MENTOR ? "Mentor " : "Mentee ") + participantId;
    }

    Builder person(long id) {
      this.personId = id;
      return this;
    }

    Builder named(String n) {
      this.name = n;
      return this;
    }

    Builder grade(Integer g) {
      this.grade = g;
      return this;
    }

    Builder inDepartment(String d) {
      this.department = d;
      return this;
    }

    Builder offering(String... topics) {
      this.offers = Set.of(topics);
      return this;
    }

    Builder seeking(String... topics) {
      this.seeks = Set.of(topics);
      return this;
    }

    Builder workingIn(String zoneId, int fromHour, int toHour) {
      this.zone = ZoneId.of(zoneId);
      this.start = LocalTime.of(fromHour, 0);
      this.end = LocalTime.of(toHour, 0);
      return this;
    }

    Builder hours(LocalTime from, LocalTime to) {
      this.start = from;
      this.end = to;
      return this;
    }

    Builder speaking(String... langs) {
      this.languages = Set.of(langs);
      return this;
    }

    Builder capacity(int c) {
      this.capacity = c;
      return this;
    }

    Candidate build() {
      return new Candidate(
          participantId, personId, name, side, grade, department, offers, seeks, zone, start, end,
          languages, capacity);
    }
  }
}
