package org.rmbot.mentoring.infra.demo;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rmbot.mentoring.importing.ParticipantCsv;
import org.rmbot.mentoring.importing.ParticipantRow;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.participant.WorkingHours;

/**
 * The people of the demo: the coordinator and everyone in the participants CSV, each with a
 * Slack user id in the fake workspace. The CSV is read with the product's own parser, the one
 * the coordinator's import uses.
 */
final class Cast {

  /** One person in the workspace; {@code role} is empty for the coordinator. */
  record Member(String userId, String name, String email, ZoneId zone, WorkingHours hours, Optional<Role> role) {
    boolean isMentor() {
      return role.filter(r -> r == Role.MENTOR).isPresent();
    }

    boolean isMentee() {
      return role.filter(r -> r == Role.MENTEE).isPresent();
    }

    /** As the core's working-time rules see them (the id is not needed for that). */
    Person asPerson() {
      return new Person(0, email, name, zone, hours);
    }

    String firstName() {
      int space = name.indexOf(' ');
      return space > 0 ? name.substring(0, space) : name;
    }

    /** The zone's city, as people say it: "New York", "London". */
    String city() {
      String id = zone.getId();
      return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
    }
  }

  private final Member coordinator;
  private final List<Member> participants;
  private final Map<String, Member> byUser = new LinkedHashMap<>();
  private final Map<String, Member> byName = new LinkedHashMap<>();

  private Cast(Member coordinator, List<Member> participants) {
    this.coordinator = coordinator;
    this.participants = List.copyOf(participants);
    for (Member m : everyone()) {
      byUser.put(m.userId(), m);
      byName.put(m.name().toLowerCase(Locale.ROOT), m);
    }
  }

  /** The coordinator plus one Slack user for each row of the CSV, in file order. */
  static Cast of(Member coordinator, byte[] csv) {
    ParticipantCsv.Parsed parsed = new ParticipantCsv().parse(csv, ZoneId.of("UTC"));
    if (!parsed.ok()) {
      throw new IllegalStateException("the sample participants file does not parse: " + parsed.problems());
    }
    List<Member> members = new ArrayList<>();
    int n = 0;
    for (ParticipantRow row : parsed.rows()) {
      n++;
      members.add(new Member(String.format("U0%03d", 100 + n), row.name(), row.email(), row.timeZone(),
          row.workingHours(), Optional.of(row.role())));
    }
    return new Cast(coordinator, members);
  }

  Member coordinator() {
    return coordinator;
  }

  List<Member> participants() {
    return participants;
  }

  List<Member> everyone() {
    List<Member> all = new ArrayList<>();
    all.add(coordinator);
    all.addAll(participants);
    return all;
  }

  Optional<Member> byUser(String userId) {
    return Optional.ofNullable(byUser.get(userId));
  }

  Optional<Member> byName(String name) {
    return Optional.ofNullable(byName.get(name.trim().toLowerCase(Locale.ROOT)));
  }
}
