package org.rmbot.mentoring.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.rmbot.mentoring.access.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

class ImportingParticipantsTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private World world;
  private ImportingParticipants importing;
  private final Actor cli = new Actor.Operator("test");

  @BeforeEach
  void setUp() {
    world = new World(db.jdbi());
    importing = new ImportingParticipants(world.transactions, world.programs, world.people, world.participants, world.audit);
  }

  static byte[] sample() throws IOException {
    try (InputStream in = ImportingParticipantsTest.class.getResourceAsStream("/sample/participants.csv")) {
      return in.readAllBytes();
    }
  }

  private String tableDump() {
    return db.jdbi().withHandle(h -> String.join("\n",
        h.createQuery("select to_jsonb(p) - 'id' from person p order by email").mapTo(String.class).list())
        + h.createQuery("select to_jsonb(p) - 'id' - 'person_id' - 'manager_person_id' from participant p order by id")
            .mapTo(String.class).list());
  }

  @Test
  void theSampleFileImportsIntoANewProgram() throws IOException {
    ImportResult result = importing.importFile("Pilot 2026", "LGBTQ+ inclusion", sample(), cli);

    assertThat(result).isInstanceOf(ImportResult.Imported.class);
    var imported = (ImportResult.Imported) result;
    assertThat(imported.programCreated()).isTrue();
    assertThat(imported.created()).isEqualTo(40);
    Program program = world.programs.findByName("pilot 2026").orElseThrow();
    List<Participant> all = world.participants.inProgram(program.id());
    assertThat(all).hasSize(40);
    assertThat(all).filteredOn(p -> p.role() == Role.MENTOR).hasSize(20);
    assertThat(all).allSatisfy(p -> assertThat(p.consented()).as("nobody consents on someone else's behalf").isFalse());
    // managers outside the file are known by email so the reporting-line rule can use them
    assertThat(world.people.findByEmail("lead.finance@example.com")).isPresent();
    assertThat(imported.managersAdded()).isPositive();
    assertThat(world.audit.ofProgram(program.id())).singleElement()
        .satisfies(e -> assertThat(e.subject()).isEqualTo("40 lines: 40 new, 0 updated, 0 unchanged"));
  }

  @Test
  void importingTheSameFileAgainChangesNothing() throws IOException {
    importing.importFile("Pilot", "Allyship", sample(), cli);
    String before = tableDump();
    world.clock.advance(java.time.Duration.ofDays(1));

    var again = (ImportResult.Imported) importing.importFile("Pilot", "Allyship", sample(), cli);

    assertThat(again.created()).isZero();
    assertThat(again.updated()).isZero();
    assertThat(again.unchanged()).isEqualTo(40);
    assertThat(again.programCreated()).isFalse();
    assertThat(tableDump()).isEqualTo(before);
  }

  @Test
  void aChangedLineIsUpdatedInPlace() throws IOException {
    importing.importFile("Pilot", "Allyship", sample(), cli);
    String changed = new String(sample(), StandardCharsets.UTF_8)
        .replace("helen.carter@example.com,Helen Carter,mentee,8,Finance", "helen.carter@example.com,Helen Carter,mentee,9,Finance");

    var result = (ImportResult.Imported) importing.importFile("Pilot", "Allyship", changed.getBytes(StandardCharsets.UTF_8), cli);

    assertThat(result.updated()).isEqualTo(1);
    assertThat(result.unchanged()).isEqualTo(39);
    long helen = world.people.findByEmail("helen.carter@example.com").orElseThrow().id();
    long program = world.programs.findByName("Pilot").orElseThrow().id();
    assertThat(world.participants.find(program, helen).orElseThrow().grade()).isEqualTo(9);
  }

  @Test
  void oneBadLineAndNothingIsWritten() throws IOException {
    String bad = new String(sample(), StandardCharsets.UTF_8) + "broken@example.com,Broken,mentor,two,Data,,,,,,,\n";

    ImportResult result = importing.importFile("Pilot", "Allyship", bad.getBytes(StandardCharsets.UTF_8), cli);

    assertThat(result).isEqualTo(new ImportResult.Refused(List.of(new LineProblem(42, "grade must be a whole number, not 'two'"))));
    assertThat(world.programs.findByName("Pilot")).isEmpty();
    assertThat(world.people.count()).isZero();
  }

  @Test
  void aClosedProgramTakesNoOne() throws IOException {
    Program program = world.aReverseProgram();
    world.programs.changeState(program.id(), org.rmbot.mentoring.program.ProgramState.CLOSED);
    ImportResult result = importing.importFile(program.name(), "x", sample(), cli);
    assertThat(result).isInstanceOf(ImportResult.Refused.class);
    assertThat(world.participants.countInProgram(program.id())).isZero();
  }
}
