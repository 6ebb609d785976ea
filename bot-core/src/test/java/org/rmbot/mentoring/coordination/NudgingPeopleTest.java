package org.rmbot.mentoring.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.nudge.LedgerNotifications;
import org.rmbot.mentoring.nudge.Nudge;
import org.rmbot.mentoring.nudge.NudgeLedger;
import org.rmbot.mentoring.nudge.NudgeLedgerInDatabase;
import org.rmbot.mentoring.nudge.PlanningNudges;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.report.ProgramFigures;

class NudgingPeopleTest {
  @RegisterExtension final CoordinatorsWorld w = new CoordinatorsWorld();
  private NudgeLedger ledger;
  private NudgingPeople nudging;
  private Participant mentor;
  private Participant mentee;

  @BeforeEach
  void setUp() {
    ledger = new NudgeLedgerInDatabase(w.world.jdbi, w.world.clock);
    nudging = nudging(w.world.audit);
    mentor = w.world.aJuniorMentor(w.program);
    mentee = w.world.aSeniorMentee(w.program);
  }

  private NudgingPeople nudging(AuditLog audit) {
    var notifications = new LedgerNotifications(ledger, new PlanningNudges(w.world.jdbi, ledger, w.world.clock),
        w.world.participants, w.world.programs, w.world.clock);
    return new NudgingPeople(w.world.transactions, w.world.programs, w.world.participants, w.world.pairings,
        new ProgramFigures(w.world.jdbi, w.world.clock), notifications, w.authority, audit);
  }

  /** An active pairing that has not met for longer than ProgramFigures allows. */
  private void aPairingAtRisk() {
    w.world.activePairing(w.program, mentor, mentee);
    w.world.clock.advance(Duration.ofDays(3L * w.program.cadenceDays() + 1));
  }

  @Test
  void itsCoordinatorNudgesSomeoneInTheProgramAndItIsAuditedAfterTheNudgeIsPlanned() {
    assertThat(nudging.nudge(w.coordinator, w.program.id(), mentor.personId())).isEqualTo(new Nudging.Nudged(w.program()));
    assertThat(ledger.ofProgram(w.program.id())).extracting(Nudge::recipientPersonId).containsExactly(mentor.personId());
    w.assertOnlyAudited(w.coordinator, "nudge", AuditSubject.person(mentor.personId()).stored());
  }

  @Test
  void someoneNotInTheProgramIsNotNudgedAndNothingIsAudited() {
    Person stranger = w.world.aPerson("Stan Stranger");
    assertThat(nudging.nudge(w.coordinator, w.program.id(), stranger.id())).isEqualTo(new Nudging.NotInProgram(w.program()));
    assertThat(ledger.ofProgram(w.program.id())).isEmpty();
    assertThat(w.audited()).isEmpty();
  }

  @Test
  void someoneWhoDoesNotCoordinateItIsRefusedNothingIsPlannedAndTheRefusalIsAudited() {
    assertThat(nudging.nudge(w.outsider, w.program.id(), mentor.personId())).isEqualTo(new ProgramRefusal.NotCoordinator(w.program()));
    aPairingAtRisk();
    assertThat(nudging.nudgeAtRisk(w.outsider, w.program.id())).isEqualTo(new ProgramRefusal.NotCoordinator(w.program()));
    assertThat(ledger.ofProgram(w.program.id())).isEmpty();
    assertThat(w.audited()).extracting(e -> e.action() + " " + e.refused() + " " + e.subject())
        .containsExactlyInAnyOrder("nudge true not a coordinator", "nudge at-risk true not a coordinator");
  }

  @Test
  void anAdminNudgesBothPeopleOfEveryPairingAtRisk() {
    aPairingAtRisk();
    assertThat(nudging.nudgeAtRisk(w.admin, w.program.id())).isEqualTo(new Nudging.AtRiskNudged(w.program(), 1));
    assertThat(ledger.ofProgram(w.program.id())).extracting(Nudge::recipientPersonId)
        .containsExactlyInAnyOrder(mentor.personId(), mentee.personId());
    w.assertOnlyAudited(w.admin, "nudge at-risk", "1 pairs");
  }

  @Test
  void noPairingAtRiskNudgesNobodyAndIsAuditedAsSuch() {
    w.world.activePairing(w.program, mentor, mentee);
    assertThat(nudging.nudgeAtRisk(w.coordinator, w.program.id())).isEqualTo(new Nudging.AtRiskNudged(w.program(), 0));
    assertThat(ledger.ofProgram(w.program.id())).isEmpty();
    assertThat(w.audited()).singleElement().satisfies(e -> assertThat(e.subject()).isEqualTo("0 pairs"));
  }

  @Test
  void aProgramThatDoesNotExistIsNotFoundAndNothingIsAudited() {
    assertThat(nudging.nudge(w.coordinator, w.missingProgramId(), mentor.personId()))
        .isEqualTo(new ProgramRefusal.NoSuchProgram(w.missingProgramId()));
    w.assertNothingAudited();
  }

  @Test
  void aFailureAfterTheNudgesArePlannedLeavesNoneOfThem() {
    var failing = nudging(w.failingAudit());
    w.assertFailsOnAudit(() -> failing.nudge(w.coordinator, w.program.id(), mentor.personId()));
    aPairingAtRisk();
    w.assertFailsOnAudit(() -> failing.nudgeAtRisk(w.coordinator, w.program.id()));
    assertThat(ledger.ofProgram(w.program.id())).isEmpty();
  }
}
