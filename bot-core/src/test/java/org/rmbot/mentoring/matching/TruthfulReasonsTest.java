package org.rmbot.mentoring.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.access.AdminsInDatabase;
import org.rmbot.mentoring.access.ProgramAuthority;
import org.rmbot.mentoring.participant.Enrolment;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramSettings;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/**
 * Match reasons, on a real database, as the people in the pair and their coordinators read
 * them: a lived-experience topic (LGBTQ+ inclusion, mental health) is named only if both people
 * consented themselves (an HR import with {@code topics_offered} is not consent); a reason
 * never states what the match lacks; and two people with no language in common are never
 * proposed, unless the program says so.
 */
class TruthfulReasonsTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private World world;
  private Matchmaking matchmaking;
  private Person coordinator;

  @BeforeEach
  void setUp() {
    world = new World(db.jdbi());
    var constraints = new MatchConstraintsInDatabase(db.jdbi(), world.clock);
    var authority = new ProgramAuthority(new AdminsInDatabase(db.jdbi(), world.clock), world.programs, world.people, Set.of());
    matchmaking = new Matchmaking(world.transactions, world.programs, world.participants, world.people,
        world.pairings, constraints, authority, world.audit, world.clock, new MatchingEngine());
    coordinator = world.aPerson("Cora Coordinator");
  }

  private Program program(boolean requireSharedLanguage) {
    Program p = world.programs.create(new NewProgram("Pilot " + requireSharedLanguage, "LGBTQ+ inclusion",
        org.rmbot.mentoring.program.Direction.REVERSE, null, null, 14, 45,
        new ProgramSettings(5, java.time.ZoneId.of("UTC"), 1, 2, 365, requireSharedLanguage)));
    world.programs.addCoordinator(p.id(), coordinator.id());
    return p;
  }

  private Participant enrol(Program p, String name, Role role, int grade, String department, Set<String> offered,
      Set<String> sought, Set<String> languages) {
    Person person = world.aPerson(name);
    return world.participants.enrol(new Enrolment(p.id(), person.id(), role, grade, department, null, offered, sought,
        languages, 1, false));
  }

  private String reasonOfTheOnlyPair(Program p) {
    return matchmaking.commit(p.id(), Actor.person(coordinator.id())).value().pairings().get(0).explanation();
  }

  @Test
  void livedExperienceTopicsAreNamedOnlyWithBothPeoplesConsent() {
    Program imported = program(true);
    enrol(imported, "Mateus", Role.MENTOR, 3, "Sales", Set.of("LGBTQ+ inclusion", "mental health", "digital tools"),
        Set.of("career growth"), Set.of("English"));
    enrol(imported, "Fiona", Role.MENTEE, 8, "Data", Set.of("career growth"),
        Set.of("LGBTQ+ inclusion", "mental health", "digital tools"), Set.of("English"));
    String withoutConsent = reasonOfTheOnlyPair(imported);
    assertThat(withoutConsent).contains("shared topics: digital tools").contains("mentor learns: career growth")
        .doesNotContainIgnoringCase("LGBTQ").doesNotContainIgnoringCase("mental health");

    Program consented = program(false);
    Participant mentor = enrol(consented, "Jonah", Role.MENTOR, 3, "Sales", Set.of("LGBTQ+ inclusion", "mental health"),
        Set.of(), Set.of("English"));
    Participant mentee = enrol(consented, "Helen", Role.MENTEE, 8, "Finance", Set.of(),
        Set.of("LGBTQ+ inclusion", "mental health"), Set.of("English"));
    world.participants.nameLivedExperience(mentor.id(), true);
    assertThat(matchmaking.preview(consented.id(), Actor.person(coordinator.id())).value().pairs().get(0).explanation())
        .as("only one of the two consented").doesNotContainIgnoringCase("LGBTQ").doesNotContain("no shared topics");
    world.participants.nameLivedExperience(mentee.id(), true);
    assertThat(reasonOfTheOnlyPair(consented)).contains("shared topics: LGBTQ+ inclusion, mental health");
  }

  @Test
  void aReasonNeverStatesWhatTheMatchLacks() {
    Program p = program(true);
    enrol(p, "Tyrone", Role.MENTOR, 3, "Operations", Set.of("allyship"), Set.of("strategy"), Set.of("English"));
    enrol(p, "Richard", Role.MENTEE, 6, "Engineering", Set.of("strategy"), Set.of("social media"), Set.of("English"));
    assertThat(reasonOfTheOnlyPair(p)).doesNotContain("no shared topics").startsWith("mentor learns: strategy");
  }

  @Test
  void noPairWithoutASharedLanguageUnlessTheProgramSaysSo() {
    Program strict = program(true);
    enrol(strict, "Ana", Role.MENTOR, 3, "Sales", Set.of("allyship"), Set.of(), Set.of("Portuguese"));
    enrol(strict, "Bo", Role.MENTEE, 8, "Finance", Set.of(), Set.of("allyship"), Set.of("Swedish"));
    MatchProposal proposal = matchmaking.preview(strict.id(), Actor.person(coordinator.id())).value();
    assertThat(proposal.pairs()).isEmpty();
    assertThat(proposal.unmatched()).extracting(Unmatched::explanation)
        .allSatisfy(e -> assertThat(e).contains("no language in common"));

    Program acrossLanguages = program(false);
    enrol(acrossLanguages, "Cai", Role.MENTOR, 3, "Sales", Set.of("allyship"), Set.of(), Set.of("Portuguese"));
    enrol(acrossLanguages, "Di", Role.MENTEE, 8, "Finance", Set.of(), Set.of("allyship"), Set.of("Swedish"));
    assertThat(reasonOfTheOnlyPair(acrossLanguages)).contains("no shared language");
  }
}
