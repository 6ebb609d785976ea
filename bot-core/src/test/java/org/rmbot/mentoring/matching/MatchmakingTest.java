package org.rmbot.mentoring.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.access.AdminsInDatabase;
import org.rmbot.mentoring.access.ProgramAuthority;
import org.rmbot.mentoring.common.Outcome;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.PairingEvent;
import org.rmbot.mentoring.pairing.PairingLifecycle;
import org.rmbot.mentoring.pairing.PairingState;
import org.rmbot.mentoring.participant.Enrolment;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/** The consent flow on a real database: preview, commit, accept, decline, rematch, rules, and their refusals. */
class MatchmakingTest {
  private static final long NO_SUCH_ID = 987_654_321L;
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private World world;
  private Matchmaking matchmaking;
  private AnsweringProposals answering;
  private SettingMatchRules rules;
  private PairingLifecycle lifecycle;
  private Program program;
  private Person coordinator;

  @BeforeEach
  void setUp() {
    world = new World(db.jdbi());
    var constraints = new MatchConstraintsInDatabase(db.jdbi(), world.clock);
    var authority = new ProgramAuthority(new AdminsInDatabase(db.jdbi(), world.clock), world.programs, world.people, java.util.Set.of());
    lifecycle = new PairingLifecycle(world.pairings);
    matchmaking = new Matchmaking(world.transactions, world.programs, world.participants, world.people,
        world.pairings, constraints, authority, world.audit, world.clock, new MatchingEngine());
    answering = new AnsweringProposals(world.transactions, world.pairings, world.participants, lifecycle, world.audit, world.programs,
        world.clock);
    rules = new SettingMatchRules(world.participants, world.pairings, constraints, lifecycle, authority, world.audit);
    program = world.aReverseProgram();
    coordinator = world.aPerson("Cora Coordinator");
    world.programs.addCoordinator(program.id(), coordinator.id());
  }

  private Participant enrol(String name, Role role, int grade, String department, Set<String> offered, Set<String> sought) {
    Person person = world.aPerson(name);
    return world.participants.enrol(new Enrolment(program.id(), person.id(), role, grade, department, null,
        offered, sought, Set.of("English"), 1, false));
  }

  private Participant enrolIn(Program in, String name, Role role, int grade, String department) {
    Person person = world.aPerson(name);
    return world.participants.enrol(new Enrolment(in.id(), person.id(), role, grade, department, null,
        Set.of(), Set.of(), Set.of("English"), 1, false));
  }

  @Test
  void previewSavesNothingAndCommitSavesProposalsWithTheirReasons() {
    Participant amara = enrol("Amara", Role.MENTOR, 2, "Data", Set.of("allyship", "inclusive language"), Set.of());
    Participant helen = enrol("Helen", Role.MENTEE, 8, "Finance", Set.of(), Set.of("allyship", "inclusive language"));

    MatchProposal preview = matchmaking.preview(program.id(), Actor.person(coordinator.id())).value();
    assertThat(preview.pairs()).singleElement().satisfies(p -> {
      assertThat(p.mentorParticipantId()).isEqualTo(amara.id());
      assertThat(p.menteeParticipantId()).isEqualTo(helen.id());
      assertThat(p.explanation()).contains("allyship");
    });
    assertThat(world.pairings.inProgram(program.id())).isEmpty();

    Matchmaking.Committed committed = matchmaking.commit(program.id(), Actor.person(coordinator.id())).value();
    assertThat(committed.pairings()).singleElement().satisfies(p -> {
      assertThat(p.state()).isEqualTo(PairingState.PROPOSED);
      assertThat(p.explanation()).isEqualTo(preview.pairs().get(0).explanation());
    });
    assertThat(world.programs.findById(program.id()).orElseThrow().state()).isEqualTo(ProgramState.MATCHING);
    assertThat(world.audit.ofProgram(program.id())).extracting(e -> e.action())
        .containsExactly("match preview", "match commit");
  }

  @Test
  void theSameDepartmentIsNeverProposedAndTheUnmatchedAreReported() {
    enrol("Amara", Role.MENTOR, 2, "Finance", Set.of(), Set.of());
    Participant helen = enrol("Helen", Role.MENTEE, 8, "Finance", Set.of(), Set.of());
    enrol("Dev", Role.MENTOR, 3, "Data", Set.of(), Set.of());
    Participant richard = enrol("Richard", Role.MENTEE, 8, "Data", Set.of(), Set.of());

    MatchProposal proposal = matchmaking.preview(program.id(), Actor.person(coordinator.id())).value();
    assertThat(proposal.pairs()).hasSize(2).noneSatisfy(p ->
        assertThat(List.of(p.mentorParticipantId(), p.menteeParticipantId())).containsAnyOf(-1L));
    assertThat(proposal.pairs()).extracting(ProposedPair::menteeParticipantId)
        .containsExactlyInAnyOrder(helen.id(), richard.id());
    assertThat(proposal.pairs()).allSatisfy(p -> assertThat(p.explanation()).contains("different departments"));
  }

  @Test
  void bothMustAcceptAndADeclineIsPrivateAndForbidsThePairAgain() {
    Participant amara = enrol("Amara", Role.MENTOR, 2, "Data", Set.of("allyship"), Set.of());
    Participant dev = enrol("Dev", Role.MENTOR, 2, "Design", Set.of(), Set.of());
    Participant helen = enrol("Helen", Role.MENTEE, 8, "Finance", Set.of(), Set.of("allyship"));
    Pairing first = matchmaking.commit(program.id(), Actor.person(coordinator.id())).value().pairings().get(0);
    assertThat(first.mentorId()).isEqualTo(amara.id());

    Person helenPerson = world.people.findById(helen.personId()).orElseThrow();
    var accepted = (AnsweringProposals.Answer.Accepted) answering.accept(first.id(), helenPerson.id()).value();
    assertThat(accepted.nowActive()).isFalse();
    assertThat(world.participants.findById(helen.id()).orElseThrow().consented()).isTrue();

    var declined = (AnsweringProposals.Answer.Declined) answering.decline(first.id(), amara.personId()).value();
    assertThat(declined.otherParticipantId()).isEqualTo(helen.id());
    assertThat(AnsweringProposals.NOT_GOING_AHEAD).doesNotContain("Amara").doesNotContain("declined");
    assertThat(world.audit.ofProgram(program.id())).filteredOn(e -> e.action().equals("pairing declined"))
        .singleElement().satisfies(e -> {
          assertThat(e.actorPersonId()).as("the audit never says who declined").isNull();
          assertThat(e.actor()).isEqualTo("participant");
        });

    // rematch: Helen is back in the pool and gets Dev, never Amara again
    Pairing second = matchmaking.rematch(program.id(), Actor.person(coordinator.id())).value().pairings().get(0);
    assertThat(second.menteeId()).isEqualTo(helen.id());
    assertThat(second.mentorId()).isEqualTo(dev.id());
  }

  @Test
  void aPairingIsActiveOnlyWhenBothAcceptAndRematchKeepsIt() {
    Participant amara = enrol("Amara", Role.MENTOR, 2, "Data", Set.of(), Set.of());
    Participant helen = enrol("Helen", Role.MENTEE, 8, "Finance", Set.of(), Set.of());
    Pairing pairing = matchmaking.commit(program.id(), Actor.person(coordinator.id())).value().pairings().get(0);
    answering.accept(pairing.id(), amara.personId());
    var both = (AnsweringProposals.Answer.Accepted) answering.accept(pairing.id(), helen.personId()).value();
    assertThat(both.nowActive()).isTrue();
    assertThat(both.pairing().state()).isEqualTo(PairingState.ACTIVE);
    assertThat(world.programs.findById(program.id()).orElseThrow().state())
        .as("the first active pair starts the program").isEqualTo(ProgramState.ACTIVE);

    enrol("Late Mentee", Role.MENTEE, 9, "Legal", Set.of(), Set.of());
    Outcome<Matchmaking.Committed> rematch = matchmaking.rematch(program.id(), Actor.person(coordinator.id()));
    assertThat(rematch).isEqualTo(Outcome.rejected("no mentors with room are waiting to be matched"));
    assertThat(world.pairings.findById(pairing.id()).orElseThrow().state()).isEqualTo(PairingState.ACTIVE);
  }

  @Test
  void aProgramStartsOnTheDayItsFirstPairDoesKeepingItsLength() {
    // created on 5 January for six months; enrolment and matching take three weeks
    world.clock.moveTo(java.time.Instant.parse("2026-01-26T10:00:00Z"));
    Participant amara = enrol("Amara", Role.MENTOR, 2, "Data", Set.of(), Set.of());
    Participant helen = enrol("Helen", Role.MENTEE, 8, "Finance", Set.of(), Set.of());
    Pairing pairing = matchmaking.commit(program.id(), Actor.person(coordinator.id())).value().pairings().get(0);
    answering.accept(pairing.id(), amara.personId());
    assertThat(world.programs.findById(program.id()).orElseThrow().startsOn()).as("not started by one yes")
        .isEqualTo(java.time.LocalDate.of(2026, 1, 5));
    answering.accept(pairing.id(), helen.personId());

    var started = world.programs.findById(program.id()).orElseThrow();
    assertThat(started.startsOn()).isEqualTo(java.time.LocalDate.of(2026, 1, 26));
    assertThat(started.endsOn()).isEqualTo(java.time.LocalDate.of(2026, 7, 26)); // 181 days, as from 5 Jan to 5 Jul
    assertThat(world.audit.ofProgram(program.id())).filteredOn(e -> e.action().equals("program active"))
        .singleElement().satisfies(e -> assertThat(e.subject()).contains("runs 2026-01-26 to 2026-07-26"));
  }

  @Test
  void aProgramDatedAheadKeepsItsDatesAndOneWithoutDatesGetsSixMonths() {
    world.programs.setDates(program.id(), java.time.LocalDate.of(2026, 2, 2), java.time.LocalDate.of(2026, 5, 1));
    Participant amara = enrol("Amara", Role.MENTOR, 2, "Data", Set.of(), Set.of());
    Participant helen = enrol("Helen", Role.MENTEE, 8, "Finance", Set.of(), Set.of());
    Pairing pairing = matchmaking.commit(program.id(), Actor.person(coordinator.id())).value().pairings().get(0);
    answering.accept(pairing.id(), amara.personId());
    answering.accept(pairing.id(), helen.personId());
    var dated = world.programs.findById(program.id()).orElseThrow();
    assertThat(dated.startsOn()).isEqualTo(java.time.LocalDate.of(2026, 2, 2));
    assertThat(dated.endsOn()).isEqualTo(java.time.LocalDate.of(2026, 5, 1));

    Program imported = world.programs.create(NewProgram.reverse("Imported", "Allyship", null));
    world.programs.changeState(imported.id(), ProgramState.ENROLLING);
    world.programs.addCoordinator(imported.id(), coordinator.id());
    Participant dev = enrolIn(imported, "Dev", Role.MENTOR, 2, "Data");
    Participant lena = enrolIn(imported, "Lena", Role.MENTEE, 8, "Sales");
    Pairing theirs = matchmaking.commit(imported.id(), Actor.person(coordinator.id())).value().pairings().get(0);
    answering.accept(theirs.id(), dev.personId());
    answering.accept(theirs.id(), lena.personId());
    var started = world.programs.findById(imported.id()).orElseThrow();
    assertThat(started.startsOn()).isEqualTo(java.time.LocalDate.of(2026, 1, 5));
    assertThat(started.endsOn()).isEqualTo(java.time.LocalDate.of(2026, 7, 5));
  }

  @Test
  void strangersCannotAnswerAndParticipantsCannotCoordinate() {
    Participant amara = enrol("Amara", Role.MENTOR, 2, "Data", Set.of(), Set.of());
    enrol("Helen", Role.MENTEE, 8, "Finance", Set.of(), Set.of());
    Pairing pairing = matchmaking.commit(program.id(), Actor.person(coordinator.id())).value().pairings().get(0);

    Person stranger = world.aPerson("Stranger");
    assertThat(answering.accept(pairing.id(), stranger.id())).isEqualTo(Outcome.rejected(AnsweringProposals.NOT_YOURS));
    assertThat(matchmaking.commit(program.id(), Actor.person(amara.personId())))
        .isEqualTo(Outcome.rejected("only the program's coordinators can run "
            + org.rmbot.mentoring.chat.Markup.command("match commit")));
    assertThat(world.audit.ofProgram(program.id())).filteredOn(e -> e.refused())
        .singleElement().satisfies(e -> assertThat(e.action()).isEqualTo("match commit"));
    assertThat(world.pairings.findById(pairing.id()).orElseThrow().state()).isEqualTo(PairingState.PROPOSED);
  }

  @Test
  void pinsAreKeptAndNeverPairRulesAreObeyed() {
    Participant amara = enrol("Amara", Role.MENTOR, 2, "Data", Set.of("allyship"), Set.of());
    Participant dev = enrol("Dev", Role.MENTOR, 2, "Design", Set.of(), Set.of());
    Participant helen = enrol("Helen", Role.MENTEE, 8, "Finance", Set.of(), Set.of("allyship"));
    Participant richard = enrol("Richard", Role.MENTEE, 8, "Legal", Set.of(), Set.of("allyship"));

    assertThat(rules.pin(program.id(), helen.personId(), dev.personId(), Actor.person(coordinator.id())).isDone()).isTrue();
    assertThat(rules.neverPair(program.id(), amara.personId(), richard.personId(), Actor.person(coordinator.id())).isDone()).isTrue();

    MatchProposal proposal = matchmaking.preview(program.id(), Actor.person(coordinator.id())).value();
    assertThat(proposal.pairs()).anySatisfy(p -> {
      assertThat(p.menteeParticipantId()).isEqualTo(helen.id());
      assertThat(p.mentorParticipantId()).isEqualTo(dev.id());
      assertThat(p.pinned()).isTrue();
    });
    assertThat(proposal.pairs()).noneSatisfy(p -> {
      assertThat(p.menteeParticipantId()).isEqualTo(richard.id());
      assertThat(p.mentorParticipantId()).isEqualTo(amara.id());
    });
    assertThat(proposal.unmatched()).extracting(Unmatched::participantId).contains(richard.id());
  }

  @Test
  void aPinOfTwoMentorsIsRefused() {
    Participant amara = enrol("Amara", Role.MENTOR, 2, "Data", Set.of(), Set.of());
    Participant dev = enrol("Dev", Role.MENTOR, 2, "Design", Set.of(), Set.of());
    assertThat(rules.pin(program.id(), amara.personId(), dev.personId(), Actor.person(coordinator.id())))
        .isEqualTo(Outcome.rejected("a pair needs one mentor and one mentee; both are mentors"));
  }

  @Test
  void unpairReturnsBothToThePoolAndForbidsThePair() {
    Participant amara = enrol("Amara", Role.MENTOR, 2, "Data", Set.of(), Set.of());
    Participant helen = enrol("Helen", Role.MENTEE, 8, "Finance", Set.of(), Set.of());
    Pairing pairing = matchmaking.commit(program.id(), Actor.person(coordinator.id())).value().pairings().get(0);
    assertThat(rules.unpair(pairing.id(), Actor.person(coordinator.id())).value().state()).isEqualTo(PairingState.REMATCHED);
    assertThat(world.pairings.openFor(amara.id())).isEmpty();
    Outcome<MatchProposal> again = matchmaking.preview(program.id(), Actor.person(coordinator.id()));
    assertThat(again.value().pairs()).isEmpty();
    assertThat(again.value().unmatched()).extracting(Unmatched::participantId).contains(helen.id());
  }

  @Test
  void anEmptySideIsAClearRejection() {
    enrol("Amara", Role.MENTOR, 2, "Data", Set.of(), Set.of());
    assertThat(matchmaking.preview(program.id(), Actor.person(coordinator.id())))
        .isEqualTo(Outcome.rejected("no mentees are waiting to be matched"));
  }

  @Test
  void answeringRefusesStrangersAndPairingsUnderWay() {
    Actor cora = Actor.person(coordinator.id());
    Participant amara = enrolIn(program, "Amara", Role.MENTOR, 2, "Data");
    Participant helen = enrolIn(program, "Helen", Role.MENTEE, 8, "Finance");
    Pairing pairing = matchmaking.commit(program.id(), cora).value().pairings().get(0);
    assertThat(answering.accept(NO_SUCH_ID, amara.personId()))
        .isEqualTo(Outcome.rejected("this proposal is not addressed to you, or no longer exists"));
    answering.accept(pairing.id(), amara.personId());
    answering.accept(pairing.id(), helen.personId());
    assertThat(answering.decline(pairing.id(), helen.personId())).isEqualTo(Outcome.rejected(
        "this pairing is active; to step out of it, use help-request and a coordinator will help, privately"));
    assertThat(lifecycle.apply(NO_SUCH_ID, PairingEvent.PAUSE)).isEqualTo(Outcome.rejected("there is no pairing 987654321"));
  }

  @Test
  void matchRulesAreRefusedWithTheReason() {
    Actor cora = Actor.person(coordinator.id());
    Participant amara = enrolIn(program, "Amara", Role.MENTOR, 2, "Data");
    Participant helen = enrolIn(program, "Helen", Role.MENTEE, 8, "Finance");
    Actor participant = Actor.person(amara.personId());
    assertThat(rules.pin(program.id(), amara.personId(), helen.personId(), participant))
        .isEqualTo(Outcome.rejected("only the program's coordinators can pin pairs"));
    assertThat(rules.pin(program.id(), amara.personId(), NO_SUCH_ID, cora))
        .isEqualTo(Outcome.rejected("both people must be participants of this program"));
    assertThat(rules.neverPair(program.id(), amara.personId(), helen.personId(), participant))
        .isEqualTo(Outcome.rejected("only the program's coordinators can set never-pair rules"));
    assertThat(rules.neverPair(program.id(), amara.personId(), amara.personId(), cora))
        .isEqualTo(Outcome.rejected("a never-pair rule needs two different people"));
    assertThat(rules.unpair(NO_SUCH_ID, cora)).isEqualTo(Outcome.rejected("there is no pairing 987654321"));
    Pairing pairing = matchmaking.commit(program.id(), cora).value().pairings().get(0);
    assertThat(rules.unpair(pairing.id(), participant))
        .isEqualTo(Outcome.rejected("only the program's coordinators can unpair"));
    assertThat(rules.pin(program.id(), amara.personId(), helen.personId(), cora))
        .isEqualTo(Outcome.rejected("the mentee is already in a pairing; unpair them first"));
  }

  @Test
  void matchingIsRefusedWithTheReason() {
    Actor cora = Actor.person(coordinator.id());
    Participant amara = enrolIn(program, "Amara", Role.MENTOR, 2, "Data");
    Participant helen = enrolIn(program, "Helen", Role.MENTEE, 8, "Data");
    assertThat(rules.pin(program.id(), amara.personId(), helen.personId(), cora).isDone()).isTrue();
    assertThat(matchmaking.preview(program.id(), cora)).isEqualTo(Outcome.rejected(
        "cannot match yet: pin mentor " + amara.id() + " -> mentee " + helen.id()
            + " (Amara with Helen) breaks a hard constraint: in the same department"));
    assertThat(matchmaking.preview(NO_SUCH_ID, cora)).isEqualTo(Outcome.rejected("there is no program 987654321"));
    world.programs.changeState(program.id(), ProgramState.CLOSED);
    assertThat(matchmaking.rematch(program.id(), cora))
        .isEqualTo(Outcome.rejected("program '" + program.name() + "' is closed"));
  }
}
