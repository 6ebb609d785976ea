package org.rmbot.mentoring.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.common.Transactions;
import org.rmbot.mentoring.participant.Enrolment;
import org.rmbot.mentoring.participant.NewPerson;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.Participants;
import org.rmbot.mentoring.participant.People;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.WorkingHours;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.program.Programs;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * Bulk enrolment from a CSV file, all or nothing: one bad line and nothing is written. Keyed
 * on email, so importing the same file again changes nothing. Managers who are not in the
 * file are recorded by email only, because the reporting-line rule needs them.
 */
public final class ImportingParticipants {
  private static final Catalogue WORDS = Catalogue.english();

  private final Transactions transactions;
  private final Programs programs;
  private final People people;
  private final Participants participants;
  private final AuditLog audit;
  private final ParticipantCsv csv = new ParticipantCsv();

  public ImportingParticipants(Transactions transactions, Programs programs, People people,
      Participants participants, AuditLog audit) {
    this.transactions = transactions;
    this.programs = programs;
    this.people = people;
    this.participants = participants;
    this.audit = audit;
  }

  /**
   * Imports into the named program, creating it (as a draft reverse program with the given
   * theme) when it does not exist yet.
   */
  public ImportResult importFile(String programName, String themeIfNew, byte[] content, Actor importer) {
    if (programName == null || programName.isBlank()) {
      return new ImportResult.Refused(List.of(new LineProblem(0, WORDS.phrase("importing.program.name_needed"))));
    }
    Optional<Program> existing = programs.findByName(programName);
    if (existing.isPresent() && existing.get().state() == ProgramState.CLOSED) {
      return new ImportResult.Refused(List.of(new LineProblem(0,
          WORDS.phrase("importing.program.closed", "program", existing.get().name()))));
    }
    var zone = existing.map(p -> p.settings().defaultTimeZone()).orElse(java.time.ZoneId.of("UTC"));
    ParticipantCsv.Parsed parsed = csv.parse(content, zone);
    if (!parsed.ok()) {
      return new ImportResult.Refused(parsed.problems());
    }
    return transactions.inTransaction(() -> write(programName, themeIfNew, existing, parsed.rows(), importer));
  }

  private ImportResult write(String programName, String theme, Optional<Program> existing,
      List<ParticipantRow> rows, Actor importer) {
    Program program = existing.orElseGet(() -> programs.create(NewProgram.reverse(programName, theme, null)));
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int managersAdded = 0;
    Map<String, Person> saved = new HashMap<>();
    java.util.Set<String> personChangedFor = new java.util.HashSet<>();
    for (ParticipantRow row : rows) {
      NewPerson wanted = new NewPerson(row.email(), row.name(), row.timeZone(), row.workingHours());
      Optional<Person> before = people.findByEmail(row.email());
      boolean personChanged = before.isEmpty() || !samePerson(before.get(), wanted);
      Person person = personChanged ? people.save(wanted) : before.get();
      saved.put(key(row.email()), person);
      if (personChanged && before.isPresent()) {
        personChangedFor.add(key(row.email()));
      }
    }
    for (ParticipantRow row : rows) {
      Person person = saved.get(key(row.email()));
      Long managerId = null;
      if (row.managerEmail() != null) {
        Person manager = saved.get(key(row.managerEmail()));
        if (manager == null) {
          Optional<Person> known = people.findByEmail(row.managerEmail());
          if (known.isEmpty()) {
            managersAdded++;
          }
          manager = known.orElseGet(() -> people.save(new NewPerson(row.managerEmail(), row.managerEmail(),
              row.timeZone(), WorkingHours.officeHours())));
          saved.put(key(row.managerEmail()), manager);
        }
        managerId = manager.id();
      }
      Enrolment enrolment = new Enrolment(program.id(), person.id(), row.role(), row.grade(), row.department(),
          managerId, row.topicsOffered(), row.topicsSought(), row.languages(), row.capacity(), false);
      Optional<Participant> current = participants.find(program.id(), person.id());
      if (current.isEmpty()) {
        participants.enrol(enrolment);
        created++;
      } else if (!sameEnrolment(current.get(), enrolment)) {
        participants.enrol(enrolment);
        updated++;
      } else if (personChangedFor.contains(key(row.email()))) {
        updated++;
      } else {
        unchanged++;
      }
    }
    audit.record(importer, "import participants", program.id(),
        AuditSubject.described(rows.size() + " lines: " + created + " new, " + updated + " updated, " + unchanged + " unchanged"));
    return new ImportResult.Imported(program.name(), existing.isEmpty(), created, updated, unchanged, managersAdded);
  }

  private static String key(String email) {
    return email.toLowerCase(Locale.ROOT);
  }

  private static boolean samePerson(Person p, NewPerson n) {
    return p.displayName().equals(n.displayName().trim())
        && p.timeZone().equals(n.timeZone())
        && p.workingHours().equals(n.workingHours());
  }

  private static boolean sameEnrolment(Participant p, Enrolment e) {
    return p.role() == e.role()
        && p.grade() == e.grade()
        && p.department().equals(e.department().trim())
        && Objects.equals(p.managerPersonId(), e.managerPersonId())
        && p.topicsOffered().equals(e.topicsOffered())
        && p.topicsSought().equals(e.topicsSought())
        && p.languages().equals(e.languages())
        && p.capacity() == e.capacity();
  }
}
