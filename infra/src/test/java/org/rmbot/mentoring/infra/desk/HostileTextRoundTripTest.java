package org.rmbot.mentoring.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.chat.ActionIds;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.importing.ImportResult;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.privacy.SealedBox;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.reflection.ReflectionsInDatabase;
import org.rmbot.mentoring.testing.HostileText;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * Each hostile sample typed into each free-text field (program, person name, department and
 * topics through a CSV import; department and topics through the join form; a reflection; a
 * help-request note) is stored exactly as typed: SQL stays text, markup stays text, nothing is
 * lost or reinterpreted on the way in. Escaping is the renderers' job (HostileTextInSlackTest,
 * HostileTextInTeamsTest), not storage's.
 */
class HostileTextRoundTripTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();

  /**
   * The samples that can round-trip: not a lone surrogate (not Unicode at all: UTF-8 has no
   * encoding for it, so it is stored as '?'), and no ';' or ',' for topics, which are lists.
   */
  private static List<String> samples() {
    return HostileText.storable().stream().filter(s -> s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF)).toList();
  }

  @Test
  void everyFreeTextFieldKeepsWhatWasTyped() throws Exception {
    try (DeskWorld w = new DeskWorld(db.database())) {
      Scene scene = new Scene(w, 1, Map.of(), List.of());
      Caller mentor = scene.mentors.get(0);
      Person author = scene.person(mentor);
      long pairing = scene.pairings.get(0).id();
      var reflections = new ReflectionsInDatabase(db.jdbi(), w.world.clock, new SealedBox(DeskWorld.SECRET));
      SealedBox box = new SealedBox(DeskWorld.SECRET);
      Program open = w.core.programs().create(NewProgram.reverse("Open", "Allyship", LocalDate.of(2026, 1, 5)));
      w.core.programs().changeState(open.id(), ProgramState.ENROLLING);
      int n = 0;
      for (String typed : samples()) {
        n++;
        String topic = typed.replace(";", "").replace(",", "").strip();

        // a CSV import: the program's name, the person's name, department and topics
        String email = "hostile" + n + "@example.com";
        ImportResult imported = w.core.importing().importFile(typed, "Allyship",
            csv(email, typed, typed, topic), new Actor.Operator("test"));
        assertThat(imported).as(typed + ": " + imported).isNotInstanceOf(ImportResult.Refused.class);
        Program program = w.core.programs().findByName(typed).orElseThrow();
        assertThat(program.name()).isEqualTo(typed);
        Person person = w.core.people().findByEmail(email).orElseThrow();
        assertThat(person.displayName()).as(typed).isEqualTo(typed);
        Participant participant = w.core.participants().find(program.id(), person.id()).orElseThrow();
        assertThat(participant.department()).as(typed).isEqualTo(typed);
        if (!topic.isEmpty()) {
          // topics are labels matched across people: their case and spacing are normalised
          assertThat(participant.topicsOffered()).as(typed).anyMatch(t -> words(t).equalsIgnoreCase(words(topic)));
        }

        // the join form
        Caller joiner = DeskWorld.caller("UJOIN" + n, "Joiner " + n);
        w.say(joiner, "join");
        var reply = w.submit(joiner, "join:" + open.id(), Map.of("role", "mentee", "grade", "8", "department", typed,
            "topics_offered", topic.isEmpty() ? "allyship" : topic, "topics_sought", "allyship", "consent", "yes"));
        assertThat(DeskWorld.text(reply)).as(typed).contains("You're in");
        Participant joined = w.core.participants()
            .find(open.id(), w.core.people().findByIdentity(joiner.identity()).orElseThrow().id()).orElseThrow();
        assertThat(joined.department()).as(typed).isEqualTo(typed);

        // a reflection, sealed at rest
        w.submit(mentor, ActionIds.REFLECTION_FORM + pairing, Map.of("text", typed));
        assertThat(reflections.writtenBy(author.id())).as(typed).anyMatch(r -> r.text().equals(typed));

        // a help-request note, sealed at rest
        w.say(mentor, "help-request " + typed);
        List<String> notes = db.jdbi().withHandle(h -> h.createQuery(
                "select sealed_note from help_request where person_id = :p and sealed_note is not null")
            .bind("p", author.id()).mapTo(byte[].class).list()).stream()
            .map(sealed -> box.open(sealed, "help-request/person:" + author.id())).toList();
        // typed on a command line: how words are spaced is the parser's, the words are kept
        assertThat(notes).as(typed).anyMatch(note -> words(note).equals(words(typed)));
      }
      assertThat(n).isGreaterThan(20);
    }
  }

  /** The text without invisible format characters (the parser drops zero-width spaces), runs of spaces as one. */
  private static String words(String text) {
    return text.replaceAll("\\p{Cf}", "").replaceAll("\\s+", " ").strip();
  }

  private static byte[] csv(String email, String name, String department, String topic) throws IOException {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      printer.printRecord("email", "name", "role", "grade", "department", "manager_email", "time_zone", "working_hours",
          "topics_offered", "topics_sought", "languages", "capacity");
      printer.printRecord(email, name, "mentee", "8", department, "", "Europe/London", "09:00-17:00",
          topic.isEmpty() ? "allyship" : topic, "allyship", "English", "");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
