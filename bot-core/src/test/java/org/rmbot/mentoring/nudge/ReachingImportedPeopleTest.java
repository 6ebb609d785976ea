package org.rmbot.mentoring.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.participant.NewPerson;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.participant.WorkingHours;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.testing.NudgeWorld;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/** People a coordinator imported by email are found in the platform's directory when a message is due. */
class ReachingImportedPeopleTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();

  @Test
  void aProposalReachesSomeoneWhoNeverTalkedToTheBot() {
    World world = new World(db.jdbi());
    try (NudgeWorld nudges = NudgeWorld.onFakeSlack(world)) {
      Program program = world.aReverseProgram();
      Person known = nudges.aPersonIn("Amara Okafor", "Europe/London");
      Person imported = world.people.save(new NewPerson("helen.carter@example.com", "Helen Carter",
          ZoneId.of("Europe/London"), WorkingHours.officeHours()));
      Person stranger = world.people.save(new NewPerson("gone@example.com", "Gone", ZoneId.of("Europe/London"),
          WorkingHours.officeHours()));
      nudges.slack.inDirectory("Helen.Carter@example.com", new PlatformIdentity(Platform.SLACK, NudgeWorld.WORKSPACE, "UHELEN"));
      Participant mentor = nudges.mentor(program, known);
      Participant mentee = nudges.mentee(program, imported);
      Participant other = nudges.mentee(program, stranger);
      Pairing pairing = world.pairings.propose(program.id(), mentor.id(), mentee.id(), 1, "shared topics: allyship", false);
      Pairing unreachable = world.pairings.propose(program.id(), nudges.mentor(program, nudges.aPersonIn("Dev", "Europe/London")).id(),
          other.id(), 1, "", false);
      var notifications = new LedgerNotifications(nudges.ledger, nudges.planning, world.participants, world.programs, world.clock);
      notifications.proposalMade(pairing);
      notifications.proposalMade(unreachable);
      world.clock.advance(java.time.Duration.ofHours(2)); // 10:00 on a Monday in London

      nudges.delivering.dispatchAllDue();

      assertThat(nudges.slack.to("UHELEN")).singleElement()
          .satisfies(d -> assertThat(d.message().fallbackText()).contains("Amara Okafor"));
      assertThat(world.people.findByIdentity(new PlatformIdentity(Platform.SLACK, NudgeWorld.WORKSPACE, "UHELEN")))
          .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(imported.id()));
      assertThat(nudges.ledger.deadLetters(program.id())).singleElement()
          .satisfies(n -> {
            assertThat(n.recipientPersonId()).isEqualTo(stranger.id());
            assertThat(n.lastError()).isEqualTo("no_platform_identity");
          });
    }
  }
}
