package org.rmbot.mentoring.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * {@code program dates}: before a program starts, its coordinator sets when it runs; a first day
 * in the past is refused, and once the first pair has started the program the dates stay.
 */
class ProgramDatesTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private final Caller ada = DeskWorld.caller("UADMIN", "Ada Admin");
  private DeskWorld w;

  @BeforeEach
  void setUp() {
    w = new DeskWorld(db.database());
    assertThat(DeskWorld.text(w.say(ada, "program create Pilot Allyship"))).contains("Created \"Pilot\"");
  }

  @AfterEach
  void tearDown() {
    w.close();
  }

  @Test
  void theCoordinatorSetsTheDaysBeforeTheProgramStarts() {
    assertThat(DeskWorld.text(w.say(ada, "program dates Pilot 2026-02-02 2026-04-24")))
        .contains("\"Pilot\" runs from Mon 2 Feb 2026 to Fri 24 Apr 2026");
    assertThat(dates()).isEqualTo("2026-02-02 2026-04-24");
    assertThat(w.count("select count(*) from audit_log where action = 'program dates' and subject = '2026-02-02 to 2026-04-24'"))
        .isEqualTo(1);

    assertThat(DeskWorld.text(w.say(ada, "program dates Pilot 2026-01-02 2026-04-24")))
        .contains("The first day can't be in the past (today is Mon 5 Jan 2026)");
    assertThat(dates()).isEqualTo("2026-02-02 2026-04-24");

    long id = w.core.programs().findByName("Pilot").orElseThrow().id();
    w.core.programs().changeState(id, ProgramState.ACTIVE);
    assertThat(DeskWorld.text(w.say(ada, "program dates Pilot 2026-03-02 2026-08-31")))
        .contains("\"Pilot\" has started, so its dates can't change now. It runs from Mon 2 Feb 2026 to Fri 24 Apr 2026.");
    assertThat(dates()).isEqualTo("2026-02-02 2026-04-24");
  }

  @Test
  void aParticipantCannotSetThem() {
    Caller mia = DeskWorld.caller("UMIA", "Mia Mentor");
    assertThat(DeskWorld.text(w.say(mia, "program dates Pilot 2026-02-02 2026-04-24"))).startsWith("Only ");
    assertThat(dates()).isEqualTo("2026-01-05 2026-07-05");
  }

  private String dates() {
    return w.world.jdbi.withHandle(h -> h.createQuery("select starts_on || ' ' || ends_on from program where name = 'Pilot'")
        .mapTo(String.class).one());
  }
}
